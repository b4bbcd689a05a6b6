// A whole jianjian in a throw-away folder on free ports: embedded PostgreSQL, a Temporal dev
// server, the worker and the API. The fuzz run and the benchmarks start one each.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApi, type RunningApi } from '../api/server';
import { loadAppConfig, type AppConfig } from '../config/app';
import { loadTemporalConfig, type TemporalConfig } from '../temporal.config';
import { runWorker, type RunningWorker } from '../worker/run';
import { freePort } from './free-port';
import { startServices } from './services';
import { startWorkerProcess, type WorkerProcess } from './worker-process';

export interface LocalStackOptions {
  /** `inline` runs the worker in this process; `process` as a child, to measure or kill it apart. */
  worker?: 'inline' | 'process' | 'none';
  /** Configuration on top of the defaults (worker tuning, stage limits…). */
  env?: Record<string, string>;
  log?: (line: string) => void;
}

export interface LocalStack {
  dataDir: string;
  /** The configuration it runs with, for processes started beside it. */
  env: Record<string, string>;
  databaseUrl: string;
  databaseOwnerUrl: string;
  temporalAddress: string;
  app: AppConfig;
  temporal: TemporalConfig;
  api: RunningApi;
  worker?: RunningWorker | WorkerProcess;
  stop(): Promise<void>;
}

export async function startLocalStack(opts: LocalStackOptions = {}): Promise<LocalStack> {
  const log = opts.log ?? (() => undefined);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jianjian-local-'));
  fs.chmodSync(dataDir, 0o755);
  const [port, pgPort, temporalPort, uiPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const env = {
    DATA_DIR: dataDir, PORT: String(port), PG_PORT: String(pgPort), TEMPORAL_PORT: String(temporalPort), TEMPORAL_UI_PORT: String(uiPort),
    TEMPORAL_CACHE_DIR: loadTemporalConfig({ ...process.env, TEMPORAL_ADDRESS: undefined }).server.cacheDir,
    // A payload key of its own, which its worker processes are given too.
    TEMPORAL_PAYLOAD_KEYS: `local=${crypto.randomBytes(32).toString('base64')}`,
    ...opts.env,
  };
  const app = loadAppConfig(env);
  const temporal = loadTemporalConfig(env);
  const services = await startServices(app, temporal, log, { demo: true });
  // Stopped in reverse: the API, the worker, the servers, and last the folder.
  const stops: Array<() => Promise<void>> = [async () => fs.rmSync(dataDir, { recursive: true, force: true }), services.stop];
  const stop = async () => { for (const s of stops.splice(0).reverse()) await s().catch((e) => log(`stop failed: ${e}`)); };
  try {
    const { databaseUrl, databaseOwnerUrl, temporalAddress } = services;
    let worker: LocalStack['worker'];
    if (opts.worker === 'process') {
      worker = await startWorkerProcess({ ...env, DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporalAddress });
    } else if (opts.worker !== 'none') {
      worker = await runWorker({ databaseUrl, address: temporalAddress, config: temporal, mail: app.mail });
    }
    if (worker) { const w = worker; stops.push(() => ('kill' in w ? w.stop() : w.shutdown())); }
    const api = await startApi({ databaseUrl, address: temporalAddress, app, temporal });
    stops.push(api.close);
    return { dataDir, env, databaseUrl, databaseOwnerUrl, temporalAddress, app, temporal, api, worker, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
