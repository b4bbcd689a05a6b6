// PostgreSQL goes away for some seconds: the API answers 503 with Retry-After, the workflows keep
// their transitions and retry writing them, and after recovery the read model has every one.
import crypto from 'node:crypto';
import path from 'node:path';
import { WorkflowUpdateStage } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { actionUpdates } from '../../domain/messages';
import { startEmbeddedPostgres, type RunningPostgres } from '../../stack/postgres';
import { setupDatabase } from '../../setup/run';
import { startApiStack, type ApiStack } from '../support/api-stack';
import { actor, inputs, registration } from '../support/fixtures';
import { freePort } from '../support/free-port';
import { inParallel } from '../support/pool';

const CASES = 10;
const dataDir = path.join(inject('runDir'), 'pg-outage');
let port: number;
let pg: RunningPostgres;
let api: ApiStack;

beforeAll(async () => {
  port = await freePort();
  pg = await startEmbeddedPostgres(dataDir, port);
  await setupDatabase({ databaseUrl: pg.url, databaseOwnerUrl: pg.ownerUrl, demo: true });
  api = await startApiStack({}, { databaseUrl: pg.url });
});
afterAll(async () => {
  await api?.stop();
  await pg?.stop();
});

describe('a PostgreSQL outage', () => {
  it('answers 503 with Retry-After meanwhile and loses no transition', async () => {
    const [desk, officer] = [await api.login('desk'), await api.login('town01')];
    const ids = await inParallel(CASES, 5, async (i) => {
      const reg = await api.request('POST', '/api/cases', { token: desk, body: registration({ subject: `outage #${i}` }), headers: { 'Idempotency-Key': crypto.randomUUID() } });
      expect(reg.status).toBe(201);
      expect((await api.request('POST', `/api/cases/${reg.body.id}/actions/accept`, { token: desk, body: inputs.accept })).status).toBe(200);
      return reg.body.id as string;
    });

    await pg.stop();

    for (const [method, p, token, body] of [
      ['GET', '/api/cases', desk],
      ['GET', `/api/cases/${ids[0]}`, desk],
      ['POST', `/api/cases/${ids[0]}/actions/submit-investigation`, officer, inputs['submit-investigation']],
      ['POST', '/api/auth/login', undefined, { username: 'desk', password: 'whatever' }],
    ] as const) {
      const r = await api.request(method, p, { token, body });
      expect(r.status, `${method} ${p}`).toBe(503);
      expect(r.headers.get('retry-after')).toBe('5');
      expect(r.body.error.code).toBe('service_unavailable');
    }
    const health = await api.request('GET', '/healthz');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ database: false, temporal: true });

    // Transitions already on their way when the database went: the workflows take them, and
    // their activities fail and retry until PostgreSQL is back.
    const updates = await Promise.all(ids.map((id) => api.temporal.workflow.getHandle(id).startUpdate(actionUpdates['submit-investigation'], {
      args: [{ actor: actor('township_officer'), input: inputs['submit-investigation'] }], waitForStage: WorkflowUpdateStage.ACCEPTED,
    })));
    await vi.waitFor(async () => {
      const attempts = await Promise.all(ids.map(async (id) => (await api.temporal.workflow.getHandle(id).describe()).raw.pendingActivities?.[0]?.attempt ?? 0));
      expect(Math.min(...attempts)).toBeGreaterThanOrEqual(2);
    }, { timeout: 60_000, interval: 500 });

    pg = await startEmbeddedPostgres(dataDir, port);

    const views = await Promise.all(updates.map((u) => u.result()));
    expect(views.map((v) => v.stage)).toEqual(ids.map(() => 'recheck'));
    const rows = await api.db.case.findMany({ where: { id: { in: ids } }, select: { stage: true, lastEventSeq: true, investigationRounds: true } });
    expect(rows).toEqual(ids.map(() => ({ stage: 'recheck', lastEventSeq: 3, investigationRounds: 1 })));
    const events = await api.db.caseEvent.groupBy({ by: ['type'], where: { caseId: { in: ids } }, _count: true });
    expect(Object.fromEntries(events.map((e) => [e.type, e._count]))).toEqual({ registered: CASES, accept: CASES, 'submit-investigation': CASES });
    const list = await api.request('GET', '/api/cases?stage=recheck&q=outage', { token: desk });
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(CASES);
  }, 300_000);
});
