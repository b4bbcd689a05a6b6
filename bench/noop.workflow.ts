// The baseline the benchmarks compare with: a workflow that does nothing but answer an Update,
// so its figures are what the Temporal server and SDK cost on their own.
import { condition, defineUpdate, setHandler } from '@temporalio/workflow';

export const touchUpdate = defineUpdate<number>('touch');

export async function noopWorkflow(): Promise<void> {
  let touches = 0;
  setHandler(touchUpdate, () => ++touches);
  // Parked until the run is thrown away, like an open case waiting for its next step.
  await condition(() => false);
}
