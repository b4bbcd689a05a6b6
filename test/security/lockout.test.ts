// Finding 4 of the security review: the login lockout cannot be raced, and cannot be turned against
// a user on their own device. Real PostgreSQL; addresses come from X-Forwarded-For.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiStack, type ApiStack } from '../support/api-stack';

const MAX_FAILURES = 5;
const PASSWORD = 'Lantern-Quarry-42';
let api: ApiStack;
let admin: string;

beforeAll(async () => {
  api = await startApiStack({ LOGIN_MAX_FAILURES: String(MAX_FAILURES), LOGIN_MAX_FAILURES_PER_IP: '20', TRUST_PROXY: 'loopback' });
  admin = await api.login('admin');
});
afterAll(async () => { await api?.stop(); });

const login = (username: string, password: string, ip: string, cookie?: string) => api.request('POST', '/api/auth/login', {
  body: { username, password }, headers: { 'X-Forwarded-For': ip, ...(cookie ? { cookie } : {}) },
});

/** An account of its own, its first password already replaced. */
async function account(): Promise<string> {
  const username = `lk${crypto.randomUUID().slice(0, 8)}`;
  const created = await api.request('POST', '/api/users', { token: admin, body: { username, displayName: '锁定测试', role: 'county_reviewer', password: 'First-Pass-123' } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const first = await login(username, 'First-Pass-123', '192.0.2.250');
  const changed = await api.request('POST', '/api/auth/password', { token: first.body.token, body: { currentPassword: 'First-Pass-123', newPassword: PASSWORD } });
  expect(changed.status, JSON.stringify(changed.body)).toBe(204);
  return username;
}

const deviceCookie = (headers: Headers) => headers.getSetCookie().find((c) => c.startsWith('jj_device='))!.split(';')[0]!;

describe('the login lockout', () => {
  it('checks at most the limit of 20 parallel wrong passwords: each is counted before its check', async () => {
    const username = await account();
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => login(username, `Wrong-Pass-${i}`, `192.0.2.${i + 1}`)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(MAX_FAILURES);
    expect(statuses.filter((s) => s === 423)).toHaveLength(20 - MAX_FAILURES);
    const checked = await api.db.auditEntry.count({ where: { actorUsername: username, action: 'auth.login_failed' } });
    expect(checked).toBe(MAX_FAILURES);
    expect((await login(username, PASSWORD, '192.0.2.99')).status).toBe(423);
  });

  it('does not count a right password against the address', async () => {
    const username = await account();
    const ip = '192.0.2.150';
    for (let i = 0; i < 30; i += 1) expect((await login(username, PASSWORD, ip)).status).toBe(200);
  });

  it('keeps a user\'s own device working while others lock the account, and counts that device\'s failures alone', async () => {
    const username = await account();
    const natAddress = '198.51.100.200';
    const own = await login(username, PASSWORD, natAddress);
    expect(own.status).toBe(200);
    const device = deviceCookie(own.headers);
    expect(own.headers.getSetCookie().find((c) => c.startsWith('jj_device='))).toMatch(/; HttpOnly; Path=\/api\/auth; SameSite=Strict; Max-Age=\d+/);

    // Someone behind the same NAT, or anywhere, fails until the account locks.
    for (let i = 0; i < MAX_FAILURES; i += 1) expect((await login(username, 'Wrong-Pass-000', natAddress)).status).toBe(401);
    expect((await login(username, PASSWORD, natAddress)).status).toBe(423);
    // The user's own browser still logs in; a cookie of another account, or a forged one, does not help.
    expect((await login(username, PASSWORD, natAddress, device)).status).toBe(200);
    const otherUser = await account();
    const othersDevice = deviceCookie((await login(otherUser, PASSWORD, '192.0.2.251')).headers);
    expect((await login(username, PASSWORD, natAddress, othersDevice)).status).toBe(423);
    expect((await login(username, PASSWORD, natAddress, `${device.slice(0, -2)}AA`)).status).toBe(423);

    // Guessing from a stolen device cookie is limited too: the device locks alone.
    for (let i = 0; i < MAX_FAILURES; i += 1) expect((await login(username, 'Wrong-Pass-001', natAddress, device)).status).toBe(401);
    expect((await login(username, PASSWORD, natAddress, device)).status).toBe(423);
  });
});
