// The API and a worker on the test run's real PostgreSQL and Temporal dev server, on a task queue
// of their own, with a small HTTP client for tests.
import crypto from 'node:crypto';
import path from 'node:path';
import type { Server } from 'node:http';
import type { Client } from '@temporalio/client';
import { inject } from 'vitest';
import { createApp } from '../../api/app';
import { codecEndpoint } from '../../api/temporal-codec/service';
import { loadAppConfig } from '../../config/app';
import { createDb, type Db } from '../../db/client';
import { DEMO_PASSWORD } from '../../prisma/seed';
import { loadTemporalConfig } from '../../temporal.config';
import { connectClient } from '../../temporal.connection';
import { runWorker, type RunningWorker } from '../../worker/run';

export interface HttpResult<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface ApiStack {
  url: string;
  db: Db;
  temporal: Client;
  taskQueue: string;
  request<T = any>(method: string, path: string, opts?: { token?: string; body?: unknown; headers?: Record<string, string>; raw?: string }): Promise<HttpResult<T>>;
  login(username: string): Promise<string>;
  stop(): Promise<void>;
}

export interface ApiStackOptions {
  /** Defaults to the test run's servers. */
  databaseUrl?: string;
  address?: string;
  /** Whether to run a worker in this process; fault tests run theirs as a child process instead. */
  worker?: boolean;
}

export async function startApiStack(env: Record<string, string> = {}, opts: ApiStackOptions = {}): Promise<ApiStack & { taskQueue: string }> {
  const databaseUrl = opts.databaseUrl ?? env.DATABASE_URL ?? inject('databaseUrl');
  const address = opts.address ?? inject('temporalAddress');
  const temporalConfig = loadTemporalConfig({ TEMPORAL_ADDRESS: address, TEMPORAL_PAYLOAD_KEYS: inject('payloadKeys'), TEMPORAL_TASK_QUEUE: `api-${crypto.randomUUID()}`, ...env });
  // Attached files and mail go to the test run's folder, not the repository's data folder.
  // Every test calls from one address and counts in one database: the public allowance is set high
  // unless a test sets its own. Request log lines only for failures, to keep the test output readable.
  const appConfig = loadAppConfig({ DATABASE_URL: databaseUrl, DATA_DIR: path.join(inject('runDir'), 'data'), PUBLIC_RATE_LIMIT: '100000', LOG_LEVEL: 'warn', ...env });
  const worker: RunningWorker | undefined = opts.worker === false ? undefined
    : await runWorker({ databaseUrl, address, config: temporalConfig, mail: appConfig.mail });
  const db = createDb(databaseUrl, 4);
  const { client: temporal, close: closeTemporal } = await connectClient(temporalConfig, address);
  const app = createApp({ db, temporal, taskQueue: temporalConfig.taskQueue, policy: appConfig.policy, codec: codecEndpoint(temporalConfig), config: appConfig });
  const server = await new Promise<Server>((resolve) => { const s = app.listen(0, '127.0.0.1', () => resolve(s)); });
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

  const request: ApiStack['request'] = async (method, path, opts = {}) => {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | undefined = opts.raw;
    if (opts.body !== undefined) { headers['content-type'] = 'application/json'; body = JSON.stringify(opts.body); }
    if (opts.raw !== undefined) headers['content-type'] ??= 'application/json';
    const res = await fetch(`${url}${path}`, { method, headers, body });
    const text = await res.text();
    // Downloads (exports, attachments) come back as text; everything else is JSON.
    const json = res.headers.get('content-type')?.startsWith('application/json');
    return { status: res.status, headers: res.headers, body: text ? (json ? JSON.parse(text) : text) : null };
  };

  return {
    url, db, temporal, request, taskQueue: temporalConfig.taskQueue,
    async login(username) {
      const r = await request<{ token: string }>('POST', '/api/auth/login', { body: { username, password: DEMO_PASSWORD } });
      if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body.token;
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await worker?.shutdown();
      await closeTemporal();
      await db.$disconnect();
    },
  };
}
