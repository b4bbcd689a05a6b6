// The application's processes for the cluster test: APIs and workers as child processes on fixed
// ports, so a killed one comes back where the others expect it.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface AppProcess {
  name: string;
  child: ChildProcess;
  start(): Promise<void>;
  /** SIGKILL, as a crash or an OOM kill would end it. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** `entry` is api/main.ts or worker/main.ts; `ready` a line it prints once it serves. */
export function appProcess(name: string, entry: string, ready: string, env: Record<string, string>, logDir: string): AppProcess {
  const logFile = path.join(logDir, `${name}.log`);
  const exited = (c: ChildProcess) => c.exitCode !== null || c.signalCode !== null;
  const p: AppProcess = {
    name,
    child: undefined as unknown as ChildProcess,
    async start() {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, entry)], {
        cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
      });
      p.child = child;
      const log = fs.createWriteStream(logFile, { flags: 'a' });
      let seen = '';
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${name} did not start in 180 s (log: ${logFile})`)), 180_000);
        const take = (b: Buffer) => {
          log.write(b);
          seen = (seen + b.toString()).slice(-2000);
          if (seen.includes(ready)) { clearTimeout(timer); resolve(); }
        };
        child.stdout!.on('data', take);
        child.stderr!.on('data', (b: Buffer) => log.write(b));
        child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`${name} exited (${code}) before it started (log: ${logFile})`)); });
      });
    },
    async kill() {
      if (exited(p.child)) return;
      const gone = new Promise((resolve) => p.child.once('exit', resolve));
      p.child.kill('SIGKILL');
      await gone;
    },
    async stop() {
      if (exited(p.child)) return;
      const gone = new Promise((resolve) => p.child.once('exit', resolve));
      p.child.kill('SIGTERM');
      const timer = setTimeout(() => p.child.kill('SIGKILL'), 15_000);
      await gone;
      clearTimeout(timer);
    },
  };
  return p;
}
