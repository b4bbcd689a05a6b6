// As root, the embedded PostgreSQL runs as the unprivileged `postgres` user: a data folder (or a clone)
// under a private folder is out of its reach, and `npm start` says so in one sentence instead of dying
// with a stack trace. Elsewhere it starts as usual.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { closedFolderAbove } from '../../stack/postgres-access';
import { freePort } from '../support/free-port';

const base = path.join(inject('runDir'), 'root-start');

function run(script: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], { env: { ...process.env, DATABASE_URL: '', TEMPORAL_ADDRESS: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let [stdout, stderr] = ['', ''];
  child.stdout.on('data', (b) => { stdout += b; });
  child.stderr.on('data', (b) => { stderr += b; });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

describe('the embedded PostgreSQL as root', () => {
  it('finds the first folder on the way that others may not enter', () => {
    const closed = path.join(base, 'home');
    fs.mkdirSync(path.join(closed, 'clone', 'data'), { recursive: true });
    fs.chmodSync(base, 0o755);
    fs.chmodSync(closed, 0o700);
    expect(closedFolderAbove(path.join(closed, 'clone', 'data', 'postgres'))).toBe(closed);
    expect(closedFolderAbove(path.join(base, 'open', 'postgres'))).toBeUndefined();
  });

  it.runIf(process.getuid?.() === 0)('stops npm start with one sentence saying what to do, and no stack trace', async () => {
    const closed = path.join(base, 'private');
    fs.mkdirSync(closed, { recursive: true, mode: 0o700 });
    fs.chmodSync(closed, 0o700);
    const r = await run('scripts/start.ts', { DATA_DIR: path.join(closed, 'data'), PG_PORT: String(await freePort()) });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`As root, the embedded PostgreSQL runs as the user "postgres", who cannot enter ${closed} to reach its data folder ${path.join(closed, 'data', 'postgres')}: `
      + 'set DATA_DIR to a folder every user may enter (for example under /srv or /var/lib), run it as an ordinary user, or set DATABASE_URL to a PostgreSQL server.');
    expect(fs.existsSync(path.join(closed, 'data', 'postgres'))).toBe(false);
  });
});
