// A minimal durable timer for the Temporal restart test, until the case workflow's own deadline
// timers (the clocks issue) can stand in for it.
import { sleep } from '@temporalio/workflow';

export async function timerProbe(ms: number): Promise<{ startedAt: number; firedAt: number }> {
  const startedAt = Date.now();
  await sleep(ms);
  return { startedAt, firedAt: Date.now() };
}
