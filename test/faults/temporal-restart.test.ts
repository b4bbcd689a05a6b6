// The Temporal dev server restarts on its persistent SQLite file while timers are pending: every
// timer still fires, exactly once, and a case registered before the restart carries on after it.
import crypto from 'node:crypto';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { resolveTemporalCli, startDevServer, type RunningTemporal } from '../../stack/temporal';
import { loadTemporalConfig } from '../../temporal.config';
import { freePort } from '../support/free-port';

const TIMERS = 20;
const dbFile = path.join(inject('runDir'), 'temporal-restart', 'temporal.sqlite');
let ports: [number, number];
let server: RunningTemporal;
let cli: string;
let connection: Connection;
let worker: Worker;
let running: Promise<void>;

const start = () => startDevServer({ cli, dbFile, port: ports[0], uiPort: ports[1], namespace: 'default' });

beforeAll(async () => {
  cli = await resolveTemporalCli(loadTemporalConfig({}));
  ports = [await freePort(), await freePort()];
  server = await start();
  connection = await Connection.connect({ address: server.address });
  worker = await Worker.create({
    connection: await NativeConnection.connect({ address: server.address }),
    taskQueue: 'timer-probe', workflowsPath: path.resolve(import.meta.dirname, 'timer-probe.workflow.ts'),
  });
  running = worker.run();
});
afterAll(async () => {
  if (worker?.getState() === 'RUNNING') worker.shutdown();
  await running;
  await connection?.close();
  await server?.stop();
});

describe('a Temporal server restart', () => {
  it('keeps every pending timer, and each fires once', async () => {
    const client = new Client({ connection });
    const run = crypto.randomUUID().slice(0, 8);
    // From 0.6 to 12 seconds, so that some fall due while the server is down and the rest after.
    const ms = (i: number) => (i + 1) * 600;
    const handles = await Promise.all(Array.from({ length: TIMERS }, (_, i) => client.workflow.start('timerProbe', {
      workflowId: `timer-${run}-${i}`, taskQueue: 'timer-probe', args: [ms(i)],
    })));
    const timersStarted = async () => (await Promise.all(handles.map(async (h) => {
      const { events } = await h.fetchHistory();
      return events!.some((e) => e.timerStartedEventAttributes);
    }))).filter(Boolean).length;
    await vi.waitFor(async () => expect(await timersStarted()).toBe(TIMERS), { timeout: 60_000, interval: 200 });

    await server.stop();
    server = await start();

    const results = await Promise.all(handles.map((h) => h.result() as Promise<{ startedAt: number; firedAt: number }>));
    results.forEach((r, i) => expect(r.firedAt - r.startedAt).toBeGreaterThanOrEqual(ms(i)));
    const fired = await Promise.all(handles.map(async (h) => {
      const { events } = await h.fetchHistory();
      return events!.filter((e) => e.timerFiredEventAttributes).length;
    }));
    expect(fired).toEqual(handles.map(() => 1));
  }, 180_000);
});
