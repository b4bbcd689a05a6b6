// One case action over HTTP beside a bare executeUpdate on a no-op workflow, early in a workflow's
// life and at its 500th update: the case goes round the send-back loop (submit-investigation,
// return) until it has taken 500 actions, the no-op workflow takes 500 touches.
import crypto from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { BenchContext } from './context';
import { inputs, officerOf, registrationFor, townshipOf } from './data';
import { figure, type Row } from './measure';
import { noopWorkflow, touchUpdate } from './noop.workflow';

/** The updates measured: a window from the 10th on, and one ending at the last. */
const WINDOW = 20;

async function timedSequence(n: number, op: (i: number) => Promise<unknown>): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const t = performance.now();
    await op(i);
    latencies.push(performance.now() - t);
  }
  return latencies;
}

const window = (latencies: number[], from: number) => {
  const slice = latencies.slice(from, from + WINDOW);
  return figure(slice, slice.reduce((a, b) => a + b, 0));
};

/** A workflow's runs (a long case continues as new) and their events in all. */
async function history(ctx: BenchContext, workflowId: string): Promise<string> {
  let runs = 0;
  // Visibility knows the length of a closed run only; the running one is described.
  let events = (await ctx.client.workflow.getHandle(workflowId).describe()).historyLength;
  for await (const run of ctx.client.workflow.list({ query: `WorkflowId = '${workflowId}'` })) {
    runs += 1;
    if (run.status.name !== 'RUNNING') events += run.historyLength;
  }
  return `${events} events in ${runs} run${runs > 1 ? 's' : ''}`;
}

export async function transitions(ctx: BenchContext, updates: number): Promise<Row[]> {
  const run = crypto.randomUUID().slice(0, 8);
  const [desk, reviewer] = [await ctx.http.login('desk'), await ctx.http.login('reviewer')];
  const township = townshipOf(0);
  const officer = await ctx.http.login(officerOf(township));
  const created = await ctx.http.call('POST', '/api/cases', desk, registrationFor(0), { 'Idempotency-Key': `loop-${run}` });
  const act = (action: string, token: string, body: unknown) => ctx.http.call('POST', `/api/cases/${created.id}/actions/${action}`, token, body);
  // Update 1 is the registration; 2 the acceptance; then the loop, one action per update.
  const ours = await timedSequence(updates - 1, (i) => (i === 0 ? act('accept', desk, inputs.accept(township))
    : i % 2 ? act('submit-investigation', officer, inputs['submit-investigation']) : act('return', reviewer, inputs.return)));

  const handle = await ctx.client.workflow.start(noopWorkflow, { workflowId: `noop-loop-${run}`, taskQueue: ctx.noopWorker.taskQueue });
  const baseline = await timedSequence(updates - 1, () => handle.executeUpdate(touchUpdate));
  const note = `history after ${updates} updates: case ${await history(ctx, created.id)}, no-op ${await history(ctx, handle.workflowId)}`;
  // Index i is update i + 2 (the registration is update 1).
  return [
    { scenario: `transition: one case action over HTTP, updates ${10}–${10 + WINDOW - 1} of one workflow`, ours: window(ours, 8), baseline: window(baseline, 8), baselineName: 'executeUpdate on a no-op workflow' },
    { scenario: `transition: one case action over HTTP, updates ${updates - WINDOW + 1}–${updates} of one workflow`, ours: window(ours, updates - 1 - WINDOW), baseline: window(baseline, updates - 1 - WINDOW), baselineName: 'executeUpdate on a no-op workflow', note },
  ];
}
