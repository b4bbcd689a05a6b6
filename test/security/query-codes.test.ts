// Finding 1 of the security review: query codes that nobody can forge, kept sealed with the case, and
// production mode's refusal of published secrets and demo logins. Real PostgreSQL and Temporal.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startApi } from '../../api/server';
import { loadAppConfig } from '../../config/app';
import { createDb } from '../../db/client';
import { DEMO_USERS } from '../../prisma/seed';
import { loadTemporalConfig } from '../../temporal.config';
import { startApiStack, type ApiStack } from '../support/api-stack';
import { freshDatabase } from '../support/fresh-database';
import { registration } from '../support/fixtures';

let api: ApiStack;
let desk: string;

beforeAll(async () => {
  api = await startApiStack({ PUBLIC_RATE_LIMIT: '1000' });
  desk = await api.login('desk');
});
afterAll(async () => { await api?.stop(); });

const lookup = (caseNo: string, code: string) => api.request('GET', `/public/cases/${caseNo}?code=${encodeURIComponent(code)}`);

async function register(key = crypto.randomUUID(), body = registration({ subject: `查询码-${key.slice(0, 8)}` })) {
  const r = await api.request('POST', '/api/cases', { token: desk, body, headers: { 'Idempotency-Key': key } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as { id: string; caseNo: string; queryCode: string };
}

/** The code an outsider computed from a case id and the secret the code used to publish. */
const forged = (caseId: string, secret: string) =>
  crypto.createHmac('sha256', secret).update(caseId).digest('base64url').replace(/[-_]/g, '').slice(0, 8).toUpperCase();

describe('query codes', () => {
  it('are random, not derived from the case id under any published secret', async () => {
    const c = await register();
    for (const secret of ['jianjian-demo-query-code-secret', 'jianjian-demo-secret-key-never-use-in-production']) {
      const guess = forged(c.id, secret);
      expect(guess).not.toBe(c.queryCode);
      expect((await lookup(c.caseNo, guess)).status).toBe(404);
    }
    expect((await lookup(c.caseNo, c.queryCode)).status).toBe(200);
    // Two cases never share a pattern: 40 random bits each, from an alphabet without look-alikes.
    const codes = await Promise.all([register(), register(), register()]).then((cs) => cs.map((x) => x.queryCode));
    expect(new Set([...codes, c.queryCode]).size).toBe(4);
    for (const code of codes) expect(code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
  });

  it('stay the same for a retried registration and a reprinted receipt, and are kept sealed', async () => {
    const key = crypto.randomUUID();
    const body = registration();
    const first = await register(key, body);
    const retried = await register(key, body);
    expect([retried.id, retried.queryCode]).toEqual([first.id, first.queryCode]);
    const reprint = await api.request('GET', `/api/cases/${first.id}`, { token: desk });
    expect(reprint.body.queryCode).toBe(first.queryCode);
    const stored = (await api.db.case.findUniqueOrThrow({ where: { id: first.id } })).queryCode!;
    expect(stored).not.toContain(first.queryCode);
    expect(Buffer.from(stored, 'base64').toString('latin1')).not.toContain(first.queryCode);
    // A sealed code copied onto another case does not open there.
    const other = await register();
    await api.db.case.update({ where: { id: other.id }, data: { queryCode: stored } });
    expect((await lookup(other.caseNo, first.queryCode)).status).toBe(404);
  });

  it('are reissued by the desk alone, with an audit entry; the old code stops working', async () => {
    const c = await register();
    const officerName = DEMO_USERS.find((u) => u.role === 'township_officer' && u.townshipCode === registration().township)!.username;
    const officer = await api.login(officerName);
    expect((await api.request('POST', `/api/cases/${c.id}/query-code`, { token: officer })).status).toBe(403);
    const r = await api.request('POST', `/api/cases/${c.id}/query-code`, { token: desk });
    expect(r.status).toBe(200);
    expect(r.body.caseNo).toBe(c.caseNo);
    expect(r.body.queryCode).not.toBe(c.queryCode);
    expect((await lookup(c.caseNo, c.queryCode)).status).toBe(404);
    expect((await lookup(c.caseNo, r.body.queryCode.toLowerCase())).status).toBe(200);
    expect((await api.request('GET', `/api/cases/${c.id}`, { token: desk })).body.queryCode).toBe(r.body.queryCode);
    const entries = await api.db.auditEntry.findMany({ where: { target: c.id, action: 'case.query-code-reissued' } });
    expect(entries.map((e) => [e.status, e.actorUsername])).toEqual([[403, officerName], [200, 'desk']]);
  });
});

describe('production mode', () => {
  it('refuses to start without a secret of its own', () => {
    for (const env of [{ JIANJIAN_MODE: 'production' }, { NODE_ENV: 'production' }, { JIANJIAN_MODE: 'production', SECRET_KEY: 'jianjian-demo-secret-key-never-use-in-production' }]) {
      expect(() => loadAppConfig(env)).toThrow(/SECRET_KEY/);
    }
    expect(() => loadAppConfig({ JIANJIAN_MODE: 'production', SECRET_KEY: 'short' })).toThrow(/SECRET_KEY/);
    expect(loadAppConfig({}).mode).toBe('demo');
    expect(loadAppConfig({ JIANJIAN_MODE: 'production', SECRET_KEY: crypto.randomBytes(32).toString('base64') }).mode).toBe('production');
  });

  it('refuses to start while a demo login still has the demo password, and starts once none has', async () => {
    const databaseUrl = await freshDatabase();
    const app = loadAppConfig({ JIANJIAN_MODE: 'production', SECRET_KEY: crypto.randomBytes(32).toString('base64'), DATABASE_URL: databaseUrl, PORT: '0' });
    const start = () => startApi({ databaseUrl, address: inject('temporalAddress'), app, temporal: loadTemporalConfig({ TEMPORAL_ADDRESS: inject('temporalAddress'), TEMPORAL_PAYLOAD_KEYS: inject('payloadKeys') }) });
    await expect(start()).rejects.toThrow(/demo accounts .*desk.* demo password/);
    const db = createDb(databaseUrl, 1);
    await db.user.updateMany({ where: { username: { not: 'admin' } }, data: { active: false } });
    await db.user.update({ where: { username: 'admin' }, data: { passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$ZXhhbXBsZWhhc2hleGFtcGxlaGFzaA' } });
    await db.$disconnect();
    const running = await start();
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
    await running.close();
  });
});
