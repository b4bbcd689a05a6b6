// SIGKILL the worker in the middle of a burst of 500 registrations (every other case also accepted)
// and restart it: every case ends at the stage its requests put it in, none is lost, none doubled.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startWorkerProcess, type WorkerProcess } from '../../stack/worker-process';
import { startApiStack, type ApiStack } from '../support/api-stack';
import { inputs, registration } from '../support/fixtures';
import { inParallel } from '../support/pool';

const CASES = 500;
const KILL_AFTER = 150;

let api: ApiStack & { taskQueue: string };
let worker: WorkerProcess | undefined;
let desk: string;

const workerEnv = () => ({
  DATABASE_URL: inject('databaseUrl'), TEMPORAL_ADDRESS: inject('temporalAddress'), TEMPORAL_PAYLOAD_KEYS: inject('payloadKeys'), TEMPORAL_TASK_QUEUE: api.taskQueue,
});

beforeAll(async () => {
  api = await startApiStack({}, { worker: false });
  worker = await startWorkerProcess(workerEnv());
  desk = await api.login('desk');
});
afterAll(async () => {
  await worker?.stop();
  await api?.stop();
});

describe('a worker killed mid-burst', () => {
  it('loses no case and doubles none', async () => {
    const run = crypto.randomUUID().slice(0, 8);
    const statuses: number[] = [];
    let registered = 0;
    let restart: Promise<void> | undefined;

    await inParallel(CASES, 16, async (i) => {
      const reg = await api.request('POST', '/api/cases', {
        token: desk, body: registration({ subject: `burst ${run} #${i}` }), headers: { 'Idempotency-Key': `${run}-${i}` },
      });
      statuses.push(reg.status);
      registered += 1;
      if (registered === KILL_AFTER) {
        // Mid-burst: other requests are in flight, their workflow tasks on the worker being killed.
        restart = worker!.kill().then(async () => { worker = await startWorkerProcess(workerEnv()); });
      }
      if (reg.status !== 201 || i % 2) return;
      const acc = await api.request('POST', `/api/cases/${reg.body.id}/actions/accept`, { token: desk, body: inputs.accept });
      statuses.push(acc.status);
    });
    await restart;

    expect(statuses.filter((s) => s !== 201 && s !== 200)).toEqual([]);
    expect(statuses).toHaveLength(CASES + CASES / 2);

    const where = { subject: { startsWith: `burst ${run} #` } };
    const rows = await api.db.case.findMany({ where, select: { id: true, caseNo: true, subject: true, stage: true, lastEventSeq: true } });
    expect(rows).toHaveLength(CASES);
    expect(new Set(rows.map((r) => r.caseNo)).size).toBe(CASES);
    const expected = (subject: string) => (Number(subject.split('#')[1]) % 2 ? { stage: 'registered', seq: 1 } : { stage: 'investigation', seq: 2 });
    expect(rows.filter((r) => r.stage !== expected(r.subject).stage || r.lastEventSeq !== expected(r.subject).seq)).toEqual([]);
    const events = await api.db.caseEvent.groupBy({ by: ['type'], where: { case: where }, _count: true });
    expect(Object.fromEntries(events.map((e) => [e.type, e._count]))).toEqual({ registered: CASES, accept: CASES / 2 });

    // Temporal agrees: one workflow per case, each in the stage the read model shows.
    expect(await api.temporal.workflow.count(`TaskQueue = '${api.taskQueue}'`)).toMatchObject({ count: CASES });
    const views = await inParallel(rows.length, 16, (i) => api.temporal.workflow.getHandle(rows[i]!.id).query<{ stage: string }>('caseView'));
    expect(views.filter((v, i) => v.stage !== rows[i]!.stage)).toEqual([]);
  }, 600_000);
});
