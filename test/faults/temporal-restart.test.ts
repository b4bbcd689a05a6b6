// The Temporal dev server restarts on its persistent SQLite file while the cases' own deadline timers
// are pending: every case's acceptance clock still reaches 催办 (urging) at its due time, exactly
// once, in the read model, and the cases carry on after the restart.
import crypto from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { resolveTemporalCli, startDevServer, type RunningTemporal } from '../../stack/temporal';
import { loadTemporalConfig } from '../../temporal.config';
import { startApiStack, type ApiStack } from '../support/api-stack';
import { inputs, registration } from '../support/fixtures';
import { freePort } from '../support/free-port';
import { inParallel } from '../support/pool';

const CASES = 20;
/**
 * A one-hour acceptance limit, so that a petition received an hour ago, less a few seconds, falls due within
 * the test (limits in hours run from the minute; a day limit would end at 24:00 of a later day).
 */
const LIMITS = { STAGE_LIMITS: 'acceptance=1h' };
const HOUR_MS = 3600_000;
/** Due times from 20 s to 39.5 s after registration: some fall due while the server is down, the rest after. */
const lead = (i: number) => 20_000 + i * 1000;

const dbFile = path.join(inject('runDir'), 'temporal-restart', 'temporal.sqlite');
let ports: [number, number];
let server: RunningTemporal;
let cli: string;
let api: ApiStack;

const start = () => startDevServer({ cli, dbFile, port: ports[0], uiPort: ports[1], namespace: 'default' });

/** The stopped server's sockets can linger for a moment on a busy machine: a restart on the same ports tries again. */
async function restart(): Promise<RunningTemporal> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start();
    } catch (e) {
      if (attempt === 5) throw e;
      await new Promise((r) => setTimeout(r, 1000 * attempt));
    }
  }
}

beforeAll(async () => {
  cli = await resolveTemporalCli(loadTemporalConfig());
  ports = [await freePort(), await freePort()];
  server = await start();
  api = await startApiStack(LIMITS, { address: server.address });
});
afterAll(async () => {
  await api?.stop();
  await server?.stop();
});

describe('a Temporal server restart', () => {
  it("keeps every case's pending deadline timer, and each fires once at its due time", async () => {
    const run = crypto.randomUUID().slice(0, 8);
    const desk = await api.login('desk');
    const ids = await inParallel(CASES, 4, async (i) => {
      const receivedAt = new Date(Date.now() - HOUR_MS + lead(i)).toISOString();
      const res = await api.request('POST', '/api/cases', {
        token: desk, body: registration({ subject: `restart ${run} #${i}`, receivedAt }), headers: { 'Idempotency-Key': `restart-${run}-${i}` },
      });
      expect(res.status).toBe(201);
      return res.body.id as string;
    });
    const dueAt = new Map((await api.db.case.findMany({ where: { id: { in: ids } }, select: { id: true, dueAt: true } })).map((r) => [r.id, r.dueAt!.getTime()]));
    const types = async (id: string) => (await api.db.caseEvent.findMany({ where: { caseId: id }, orderBy: { seq: 'asc' } })).map((e) => e.type);
    // 预警 is already due at registration; once it is written, the workflow waits on its 催办 timer.
    const timerPending = async (id: string) => {
      const { events } = await api.temporal.workflow.getHandle(id).fetchHistory();
      return events!.some((e) => e.timerStartedEventAttributes);
    };
    await vi.waitFor(async () => expect((await Promise.all(ids.map(timerPending))).filter(Boolean)).toHaveLength(CASES), { timeout: 60_000, interval: 250 });

    await server.stop();
    server = await restart();

    const urged = async () => (await Promise.all(ids.map(types))).filter((t) => t.includes('urging')).length;
    await vi.waitFor(async () => expect(await urged()).toBe(CASES), { timeout: 120_000, interval: 500 });
    for (const id of ids) {
      expect(await types(id)).toEqual(['registered', 'warning', 'urging']);
      const event = await api.db.caseEvent.findFirstOrThrow({ where: { caseId: id, type: 'urging' } });
      expect(event.at.getTime()).toBeGreaterThanOrEqual(dueAt.get(id)!);
      expect(event.data).toMatchObject({ clock: 'acceptance', clockId: 'acceptance-1' });
      const { events } = await api.temporal.workflow.getHandle(id).fetchHistory();
      expect(events!.filter((e) => e.timerFiredEventAttributes)).toHaveLength(1);
    }
    const rows = await api.db.case.findMany({ where: { id: { in: ids } }, select: { escalation: true, stage: true } });
    expect(rows.filter((r) => r.escalation !== 'urging' || r.stage !== 'registered')).toEqual([]);

    // The workflows still take actions after the restart.
    const accepted = await api.request('POST', `/api/cases/${ids[0]}/actions/accept`, { token: desk, body: inputs.accept });
    expect(accepted.status).toBe(200);
    expect(accepted.body.stage).toBe('investigation');
  }, 240_000);
});
