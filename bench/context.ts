// Everything a scenario needs: a local stack on throw-away data, the case worker and the no-op
// baseline worker as separate processes with the same tuning, a Temporal client, and HTTP logins.
import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { createDb, type Db } from '../db/client';
import { DEMO_PASSWORD } from '../prisma/seed';
import { startLocalStack, type LocalStack } from '../stack/local';
import { startWorkerProcess, type WorkerProcess } from '../stack/worker-process';
import { connectClient } from '../temporal.connection';

export interface Http {
  /** Sends a request and returns the JSON answer; any status but the expected one is an error. */
  call<T = any>(method: string, path: string, token: string | undefined, body?: unknown, headers?: Record<string, string>, expect?: number): Promise<T>;
  login(username: string): Promise<string>;
}

export interface WorkerMemory {
  rss: number;
  heapUsed: number;
  /** Workflows in the worker's cache. */
  cached: number;
}

export interface BenchWorker extends WorkerProcess {
  taskQueue: string;
  /** Collects garbage first unless `collect` is false (a cheap look at the cache's size). */
  memory(collect?: boolean): Promise<WorkerMemory>;
}

export interface BenchContext {
  stack: LocalStack;
  db: Db;
  client: Client;
  http: Http;
  caseWorker: BenchWorker;
  noopWorker: BenchWorker;
  /** A further worker on a task queue of its own (the API's, for the case worker the API drives). */
  startWorker(kind: 'case' | 'noop', opts?: { taskQueue?: string; env?: Record<string, string> }): Promise<BenchWorker>;
  log(line: string): void;
  stop(): Promise<void>;
}

function httpClient(base: string): Http {
  const call: Http['call'] = async (method, p, token, body, headers = {}, expect) => {
    const res = await fetch(`${base}${p}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status !== (expect ?? (method === 'POST' && p === '/api/cases' ? 201 : 200))) throw new Error(`${method} ${p}: ${res.status} ${text.slice(0, 300)}`);
    return JSON.parse(text);
  };
  return {
    call,
    login: async (username) => (await call<{ token: string }>('POST', '/api/auth/login', undefined, { username, password: DEMO_PASSWORD })).token,
  };
}

/**
 * Cached workflows live in the workflow thread's V8 heap, which Node limits to about 4 GB here: room
 * for some 2,500 cached cases. Parking 10,000 needs more, so the bench workers may use most of the machine.
 */
const WORKER_HEAP_MB = Math.floor((os.totalmem() / 2 ** 20) * 0.8);

/** Worker tuning shared by the case worker and the baseline, so that only the workflows differ. */
export const WORKER_TUNING: Record<string, string> = {};

export async function startBench(log: (line: string) => void): Promise<BenchContext> {
  const stack = await startLocalStack({ worker: 'none', env: WORKER_TUNING, log });
  const startWorker: BenchContext['startWorker'] = async (kind, opts = {}) => {
    const taskQueue = opts.taskQueue ?? `bench-${kind}-${crypto.randomUUID().slice(0, 8)}`;
    const w = await startWorkerProcess({
      ...WORKER_TUNING, ...opts.env, BENCH_WORKER: kind, TEMPORAL_TASK_QUEUE: taskQueue,
      DATABASE_URL: stack.databaseUrl, TEMPORAL_ADDRESS: stack.temporalAddress, TEMPORAL_PAYLOAD_KEYS: stack.env.TEMPORAL_PAYLOAD_KEYS!,
    }, { script: path.join(import.meta.dirname, 'worker.ts'), nodeArgs: ['--expose-gc', `--max-old-space-size=${WORKER_HEAP_MB}`], ipc: true });
    // A worker that dies (out of memory, say) fails the scenario, so the stack is still stopped.
    const memory = (collect = true) => new Promise<WorkerMemory>((resolve, reject) => {
      const exited = (code: number | null, signal: string | null) => reject(new Error(`the ${kind} worker exited (${code ?? signal})`));
      w.child.once('exit', exited);
      w.child.once('message', (m) => { w.child.off('exit', exited); resolve(m as never); });
      w.child.send(collect ? 'memory' : 'cached', (e) => { if (e) { w.child.off('exit', exited); reject(e); } });
    });
    return { ...w, taskQueue, memory };
  };
  const [caseWorker, noopWorker] = [await startWorker('case', { taskQueue: stack.temporal.taskQueue }), await startWorker('noop')];
  const temporal = await connectClient(stack.temporal, stack.temporalAddress);
  const db = createDb(stack.databaseUrl, 4);
  return {
    stack, db, client: temporal.client, http: httpClient(stack.api.url), caseWorker, noopWorker, startWorker, log,
    async stop() {
      await Promise.all([caseWorker.stop(), noopWorker.stop()]);
      await temporal.close();
      await db.$disconnect();
      await stack.stop();
    },
  };
}
