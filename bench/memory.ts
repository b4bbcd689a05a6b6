// What an open case costs a worker while it waits in the cache for its next step, beside a no-op
// workflow: two fresh worker processes with room for every workflow in their caches, each given
// `n` workflows that start and then park. Workflows run in the worker's threads, so the figure is
// the growth of the process's resident memory, per workflow.
import crypto from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { BenchContext, BenchWorker, WorkerMemory } from './context';
import { registrationFor } from './data';
import type { Quantity, Row } from './measure';
import { CASE_WORKFLOW, type CaseWorkflowInput } from '../domain/messages';
import { DEFAULT_POLICY } from '../domain/policy';
import { WEEKENDS_ONLY } from '../domain/calendar';
import { DEFAULT_NOTICE_POLICY } from '../domain/notice';
import { inParallel } from '../test/support/pool';
import { noopWorkflow } from './noop.workflow';

/** Polls the worker until every workflow sits in its cache (and `ready` agrees), then measures once more. */
async function settle(worker: BenchWorker, n: number, ready: () => Promise<boolean> = async () => true): Promise<WorkerMemory> {
  for (;;) {
    const m = await worker.memory(false);
    if (m.cached >= n && await ready()) return worker.memory();
    await delay(1000);
  }
}

function perWorkflow(before: WorkerMemory, after: WorkerMemory, n: number): Quantity {
  return {
    value: (after.rss - before.rss) / n / 1024, unit: 'KB resident memory per cached workflow',
    detail: `${n} cached; worker RSS ${(before.rss / 2 ** 20).toFixed(0)} → ${(after.rss / 2 ** 20).toFixed(0)} MB, `
      + `JS heap ${((after.heapUsed - before.heapUsed) / n / 1024).toFixed(0)} KB per workflow`,
  };
}

export async function memory(ctx: BenchContext, n: number): Promise<Row> {
  const run = crypto.randomUUID().slice(0, 8);
  const cache = { env: { TEMPORAL_MAX_CACHED_WORKFLOWS: String(n + 100) } };
  const [caseWorker, noopWorker] = [await ctx.startWorker('case', cache), await ctx.startWorker('noop', cache)];
  try {
    const caseBefore = await caseWorker.memory();
    const ids = Array.from({ length: n }, (_, i) => `c${crypto.createHash('sha256').update(`${run}-${i}`).digest('hex').slice(0, 32)}`);
    await inParallel(n, 32, (i) => {
      const input: CaseWorkflowInput = {
        caseId: ids[i]!, registration: registrationFor(i), registeredBy: { id: 'bench', name: '压测', role: 'desk' }, fingerprint: run, policy: DEFAULT_POLICY,
        calendar: WEEKENDS_ONLY, notice: DEFAULT_NOTICE_POLICY,
      };
      return ctx.client.workflow.start(CASE_WORKFLOW, { workflowId: ids[i]!, taskQueue: caseWorker.taskQueue, args: [input] });
    });
    const caseAfter = await settle(caseWorker, n, async () => (await ctx.db.case.count({ where: { requestFingerprint: run } })) === n);

    const noopBefore = await noopWorker.memory();
    await inParallel(n, 32, (i) => ctx.client.workflow.start(noopWorkflow, { workflowId: `noop-park-${run}-${i}`, taskQueue: noopWorker.taskQueue }));
    const noopAfter = await settle(noopWorker, n);
    return {
      scenario: `memory: ${n} open cases parked in a worker's cache`,
      ours: perWorkflow(caseBefore, caseAfter, n), baseline: perWorkflow(noopBefore, noopAfter, n), baselineName: 'no-op workflows',
    };
  } finally {
    await Promise.all([caseWorker.stop(), noopWorker.stop()]);
  }
}
