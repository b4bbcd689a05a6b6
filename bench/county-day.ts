// A busy county's day: 5,000 petitions registered and 15,000 steps taken (each case accepted,
// investigated by its township and approved by the county), with desk, township officers and
// reviewers working at once. Beside it the same shape of work on no-op workflows.
import crypto from 'node:crypto';
import { WithStartWorkflowOperation } from '@temporalio/client';
import type { BenchContext } from './context';
import { inputs, officerOf, registrationFor, townshipOf } from './data';
import { timedBatch, type Figure, type Row } from './measure';
import { noopWorkflow, touchUpdate } from './noop.workflow';

const STEPS = 4;

/** Runs `cases` cases of `STEPS` operations each, `concurrency` cases at a time; every operation timed. */
const day = (cases: number, concurrency: number, step: (i: number, s: number) => Promise<unknown>): Promise<Figure> =>
  timedBatch(cases, concurrency, async (i, time) => { for (let s = 0; s < STEPS; s += 1) await time(() => step(i, s)); });

export async function countyDay(ctx: BenchContext, cases: number, concurrency: number, baselineShare: number): Promise<Row> {
  const run = crypto.randomUUID().slice(0, 8);
  const [desk, reviewer] = [await ctx.http.login('desk'), await ctx.http.login('reviewer')];
  const officers = new Map<string, string>();
  for (let t = 0; t < 21; t += 1) officers.set(townshipOf(t), await ctx.http.login(officerOf(townshipOf(t))));
  const ids: string[] = [];
  const ours = await day(cases, concurrency, async (i, s) => {
    const township = townshipOf(i);
    if (s === 0) ids[i] = (await ctx.http.call('POST', '/api/cases', desk, registrationFor(i), { 'Idempotency-Key': `day-${run}-${i}` })).id;
    else if (s === 1) await ctx.http.call('POST', `/api/cases/${ids[i]}/actions/accept`, desk, inputs.accept(township));
    else if (s === 2) await ctx.http.call('POST', `/api/cases/${ids[i]}/actions/submit-investigation`, officers.get(township), inputs['submit-investigation']);
    else await ctx.http.call('POST', `/api/cases/${ids[i]}/actions/approve`, reviewer, inputs.approve);
  });
  const baselineCases = Math.max(1, Math.round(cases * baselineShare));
  const baseline = await day(baselineCases, concurrency, (i, s) => (s === 0
    ? ctx.client.workflow.executeUpdateWithStart(touchUpdate, {
      startWorkflowOperation: new WithStartWorkflowOperation(noopWorkflow, {
        workflowId: `noop-day-${run}-${i}`, taskQueue: ctx.noopWorker.taskQueue, workflowIdConflictPolicy: 'USE_EXISTING',
      }),
    })
    : ctx.client.workflow.getHandle(`noop-day-${run}-${i}`).executeUpdate(touchUpdate)));
  const stages = await ctx.db.case.groupBy({ by: ['stage'], where: { id: { in: ids } }, _count: true });
  const landed = stages.map((g) => `${g._count} ${g.stage}`).join(', ');
  return {
    scenario: `county day: ${cases} intakes + ${cases * (STEPS - 1)} transitions over HTTP, ${concurrency} cases at a time`,
    ours, baseline, baselineName: `${baselineCases} update-with-starts + ${baselineCases * (STEPS - 1)} updates on no-op workflows`,
    note: `wall ${(ours.wallMs / 1000).toFixed(0)} s (an 8-hour day is ${(8 * 3600_000 / ours.wallMs).toFixed(0)}× that); cases now: ${landed}`,
  };
}
