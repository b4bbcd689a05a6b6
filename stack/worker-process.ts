// The case worker as a child process (`npm run worker`), for fault tests that kill it and for
// benchmarks that measure its memory apart from the process driving the load.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { stopChild } from './temporal';

const ROOT = path.resolve(import.meta.dirname, '..');
export const WORKER_READY = 'worker polling task queue';

export interface WorkerProcess {
  child: ChildProcess;
  /** Ends it at once, as a crash or an OOM kill would. */
  kill(): Promise<void>;
  /** Ends it in order (SIGTERM, then SIGKILL after a grace period). */
  stop(): Promise<void>;
}

export interface WorkerProcessOptions {
  /** The entry point; `npm run worker` by default. It prints the ready line once it polls. */
  script?: string;
  nodeArgs?: string[];
  /** An IPC channel, for entry points that answer questions (a benchmark's memory probe). */
  ipc?: boolean;
  timeoutMs?: number;
}

export async function startWorkerProcess(env: Record<string, string>, opts: WorkerProcessOptions = {}): Promise<WorkerProcess> {
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const args = [...(opts.nodeArgs ?? []), '--import', 'tsx', opts.script ?? path.join(ROOT, 'worker/main.ts')];
  const child = spawn(process.execPath, args, {
    cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe', ...(opts.ipc ? ['ipc' as const] : [])],
  });
  let output = '';
  const keep = (b: Buffer) => { output = (output + b.toString()).slice(-20_000); };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`worker did not start in ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onExit = (code: number | null) => fail(new Error(`worker exited (${code}) before it started:\n${output}`));
    const onData = () => { if (output.includes(WORKER_READY)) done(); };
    const cleanup = () => { clearTimeout(timer); child.off('exit', onExit); child.stdout!.off('data', onData); };
    const done = () => { cleanup(); resolve(); };
    const fail = (e: Error) => { cleanup(); child.kill('SIGKILL'); reject(e); };
    child.on('exit', onExit);
    child.stdout!.on('data', onData);
  });
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  return {
    child,
    kill: () => exited() ? Promise.resolve() : new Promise((resolve) => { child.once('exit', () => resolve()); child.kill('SIGKILL'); }),
    stop: () => stopChild(child),
  };
}
