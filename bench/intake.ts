// Registering a petition over HTTP (update-with-start on the case workflow, the read-model write,
// the detail read) beside a bare update-with-start on a no-op workflow.
import crypto from 'node:crypto';
import { WithStartWorkflowOperation } from '@temporalio/client';
import type { BenchContext } from './context';
import { registrationFor } from './data';
import { measure, type Row } from './measure';
import { noopWorkflow, touchUpdate } from './noop.workflow';

export async function intake(ctx: BenchContext, n: number, concurrency: number): Promise<Row> {
  const run = crypto.randomUUID().slice(0, 8);
  const desk = await ctx.http.login('desk');
  const ours = await measure(n, concurrency, (i) => ctx.http.call('POST', '/api/cases', desk, registrationFor(i), { 'Idempotency-Key': `intake-${run}-${i}` }));
  const baseline = await measure(n, concurrency, (i) => ctx.client.workflow.executeUpdateWithStart(touchUpdate, {
    startWorkflowOperation: new WithStartWorkflowOperation(noopWorkflow, {
      workflowId: `noop-intake-${run}-${i}`, taskQueue: ctx.noopWorker.taskQueue, workflowIdConflictPolicy: 'USE_EXISTING',
    }),
  }));
  return {
    scenario: `intake: POST /api/cases, ${concurrency} in flight`,
    ours, baseline, baselineName: 'executeUpdateWithStart on a no-op workflow',
  };
}
