// `npm start` as a user runs it: register a case, stop with Ctrl-C, start again on the same data
// folder, and carry the case on to closure.
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { DEMO_PASSWORD } from '../../prisma/seed';
import { freePort } from '../support/free-port';
import { HAPPY_PATH, inputs, registration } from '../support/fixtures';

const dataDir = path.join(inject('runDir'), 'restart-data');
let running: ChildProcess | undefined;

async function start(env: Record<string, string>): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  running = child;
  let out = '';
  child.stdout!.on('data', (b) => { out += b; });
  child.stderr!.on('data', (b) => { out += b; });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not come up:\n${out}`)), 120_000);
    child.stdout!.on('data', () => { if (out.includes('jianjian is running')) { clearTimeout(timer); resolve(); } });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`npm start exited with ${code}:\n${out}`)); });
  });
  return { child, output: () => out };
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => { child.on('exit', (code) => resolve(code)); child.kill('SIGINT'); });
}

afterAll(() => { running?.kill('SIGKILL'); });

describe('npm start', () => {
  it('keeps cases and running workflows across a stop and a second start', async () => {
    const [port, pgPort, temporalPort, uiPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
    const env = {
      DATA_DIR: dataDir, PORT: String(port), PG_PORT: String(pgPort),
      TEMPORAL_PORT: String(temporalPort), TEMPORAL_UI_PORT: String(uiPort),
      TEMPORAL_TASK_QUEUE: 'restart-test', DATABASE_URL: '', TEMPORAL_ADDRESS: '',
    };
    const base = `http://127.0.0.1:${port}`;
    const call = async (method: string, p: string, token?: string, body?: unknown, headers: Record<string, string> = {}) => {
      const res = await fetch(`${base}${p}`, {
        method, body: body === undefined ? undefined : JSON.stringify(body),
        headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      });
      return { status: res.status, body: await res.json() as any };
    };
    const login = async (u: string) => (await call('POST', '/api/auth/login', undefined, { username: u, password: DEMO_PASSWORD })).body.token as string;

    const first = await start(env);
    expect(first.output()).toContain(`${base}/api`);
    expect(first.output()).toContain('town01');
    expect(first.output()).toContain('Database: applied');
    const desk = await login('desk');
    const reg = await call('POST', '/api/cases', desk, registration(), { 'Idempotency-Key': crypto.randomUUID() });
    expect(reg.status).toBe(201);
    const id = reg.body.id as string;
    expect((await call('POST', `/api/cases/${id}/actions/accept`, desk, inputs.accept)).status).toBe(200);
    expect(await stop(first.child)).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'temporal', 'temporal.sqlite'))).toBe(true);

    const second = await start(env);
    expect(second.output()).toContain('Database: up to date');
    // Tokens are stored in PostgreSQL, so a session survives the restart too.
    expect((await call('GET', `/api/cases/${id}`, desk)).body.stage).toBe('investigation');
    const tokens: Record<string, string> = { desk, reviewer: await login('reviewer'), town01: await login('town01') };
    const who: Record<string, string> = { 'submit-investigation': 'town01', approve: 'reviewer', reply: 'reviewer', 'follow-up': 'desk' };
    for (const action of HAPPY_PATH.slice(1)) {
      const r = await call('POST', `/api/cases/${id}/actions/${action}`, tokens[who[action]!], inputs[action]);
      expect(r.status, `${action}: ${JSON.stringify(r.body)}`).toBe(200);
    }
    const done = await call('GET', `/api/cases/${id}`, desk);
    expect(done.body.stage).toBe('closed');
    expect(done.body.timeline).toHaveLength(1 + HAPPY_PATH.length);
    expect(await stop(second.child)).toBe(0);
  }, 300_000);
});
