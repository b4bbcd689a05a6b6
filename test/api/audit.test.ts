// The audit log: what it records, who may search it, and that nobody can change it.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiStack, type ApiStack } from '../support/api-stack';
import { inputs, registration, TOWNSHIP_A } from '../support/fixtures';
import { demoUser } from '../support/roles';

let api: ApiStack;
let desk: string;
let manager: string;
let admin: string;
let caseId: string;
const startedAt = new Date().toISOString();

beforeAll(async () => {
  api = await startApiStack();
  [desk, manager, admin] = await Promise.all(['desk', 'manager', 'admin'].map((u) => api.login(u))) as [string, string, string];
  const r = await api.request('POST', '/api/cases', { token: desk, body: registration(), headers: { 'Idempotency-Key': crypto.randomUUID() } });
  caseId = r.body.id;
  await api.request('POST', `/api/cases/${caseId}/actions/accept`, { token: desk, body: inputs.accept });
});
afterAll(async () => { await api?.stop(); });

const search = (query: string, token = manager) => api.request('GET', `/api/audit?${query}`, { token });

describe('the audit log', () => {
  it('records every action on a case: who, when, from where, what', async () => {
    const refused = await api.request('POST', `/api/cases/${caseId}/actions/approve`, { token: desk, body: inputs.approve });
    expect(refused.status).toBe(403);
    const r = await search(`target=${caseId}`);
    expect(r.status).toBe(200);
    const entries = [...r.body.items].reverse();
    expect(entries.map((e: { action: string; status: number }) => [e.action, e.status])).toEqual([
      ['case.register', 201], ['case.accept', 200], ['case.approve', 403],
    ]);
    expect(entries[1]).toMatchObject({
      actor: { username: 'desk', role: 'desk' }, ip: expect.stringMatching(/127\.0\.0\.1/),
      detail: { request: `POST /api/cases/${caseId}/actions/accept`, fields: ['township', 'note'] },
    });
    expect(Date.parse(entries[1].at)).toBeGreaterThanOrEqual(Date.parse(startedAt));
    // Field names only: the log never copies the petitioner's details.
    expect(JSON.stringify(r.body)).not.toContain(registration().petitioner!.name);
  });

  it('records a refused request whose field names hold a NUL, which PostgreSQL cannot store as sent', async () => {
    const refused = await api.request('POST', `/api/cases/${caseId}/actions/reject`, { token: desk, raw: '{"note\\u0000x":"a"}' });
    expect(refused.status, JSON.stringify(refused.body)).toBe(400);
    const [entry] = (await search(`target=${caseId}&action=case.reject`)).body.items;
    expect(entry).toMatchObject({ status: 400, detail: { fields: ['note\uFFFDx'] } });
  });

  it('records logins and failed logins, searchable by user and action', async () => {
    await api.request('POST', '/api/auth/login', { body: { username: demoUser('township_leader', TOWNSHIP_A), password: 'wrong-password' } });
    await api.login(demoUser('township_leader', TOWNSHIP_A));
    const r = await search(`actor=${demoUser('township_leader', TOWNSHIP_A)}&action=auth.login`, admin);
    const [ok, failed] = r.body.items;
    expect(ok).toMatchObject({ action: 'auth.login', status: 200, actor: { role: 'township_leader' } });
    expect(failed).toMatchObject({ action: 'auth.login_failed', status: 401, detail: { reason: 'wrong_password' } });
    const since = await search(`action=auth.&from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`);
    expect(since.body.total).toBe(0);
  });

  it('may be searched by managers and admins only, and each search is itself recorded', async () => {
    const officer = await api.login(demoUser('township_officer', TOWNSHIP_A));
    expect((await search('', officer)).status).toBe(403);
    expect((await search('', desk)).status).toBe(403);
    await search('action=case.');
    const mine = await search('actor=manager&action=audit.search');
    expect(mine.body.items[0].detail.query.action).toBe('case.');
    expect((await search('pageSize=1000')).status).toBe(400);
    expect((await search('colour=red')).status).toBe(400);
  });

  it("cannot be changed or deleted: there is no endpoint, and the application's database role may not", async () => {
    for (const method of ['PATCH', 'DELETE', 'PUT', 'POST']) {
      // The log is read-only: its one path takes GET alone.
      expect((await api.request(method, '/api/audit', { token: admin, body: {} })).status).toBe(405);
    }
    const [entry] = await api.db.auditEntry.findMany({ take: 1 });
    // The trigger refuses even the owner (test/infra/database-roles.test.ts).
    await expect(api.db.auditEntry.update({ where: { id: entry!.id }, data: { action: 'nothing happened' } })).rejects.toThrow(/permission denied/);
    await expect(api.db.auditEntry.deleteMany({})).rejects.toThrow(/permission denied/);
    await expect(api.db.$executeRawUnsafe('TRUNCATE "AuditEntry"')).rejects.toThrow(/permission denied/);
    expect((await api.db.auditEntry.findUniqueOrThrow({ where: { id: entry!.id } })).action).toBe(entry!.action);
  });
});
