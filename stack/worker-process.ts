// The case worker as a child process (`npm run worker`), for fault tests that kill it and for
// benchmarks that measure its memory apart from the process driving the load.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { stopChild } from './temporal';

const ROOT = path.resolve(import.meta.dirname, '..');
const READY = 'worker polling task queue';

export interface WorkerProcess {
  child: ChildProcess;
  /** Ends it at once, as a crash or an OOM kill would. */
  kill(): Promise<void>;
  /** Ends it in order (SIGTERM, then SIGKILL after a grace period). */
  stop(): Promise<void>;
}

export async function startWorkerProcess(env: Record<string, string>, timeoutMs = 120_000): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'worker/main.ts')], {
    cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (b: Buffer) => { output = (output + b.toString()).slice(-20_000); };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`worker did not start in ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onExit = (code: number | null) => fail(new Error(`worker exited (${code}) before it started:\n${output}`));
    const onData = () => { if (output.includes(READY)) done(); };
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
