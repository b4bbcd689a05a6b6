// Accounts: the admin's user management, the password policy, argon2id hashes, lockout and rate
// limiting, token expiry, logout revocation and password change, against the real database.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiStack, type ApiStack } from '../support/api-stack';
import { TOWNSHIP_A } from '../support/fixtures';

let api: ApiStack;
let admin: string;

const TTL_HOURS = 0.5;
const LOCK_AFTER = 3;
const GOOD_PASSWORD = 'Correct-Horse-9';

beforeAll(async () => {
  // Small limits, so lockout is reached in a few attempts; the client's address comes from
  // X-Forwarded-For, so the address limit is tested without locking out every other test's logins.
  api = await startApiStack({ TOKEN_TTL_HOURS: String(TTL_HOURS), LOGIN_MAX_FAILURES: String(LOCK_AFTER), LOGIN_MAX_FAILURES_PER_IP: '6', TRUST_PROXY: 'loopback' });
  admin = await api.login('admin');
});
afterAll(async () => { await api?.stop(); });

const login = (username: string, password: string, ip = '198.51.100.1') =>
  api.request('POST', '/api/auth/login', { body: { username, password }, headers: { 'X-Forwarded-For': ip } });

/** A fresh account made by the admin, with its first password already replaced by the user. */
async function account(role = 'county_reviewer', extra: Record<string, unknown> = {}) {
  const username = `u${crypto.randomUUID().slice(0, 8)}`;
  const created = await api.request('POST', '/api/users', { token: admin, body: { username, displayName: '测试用户', role, password: 'First-Pass-123', ...extra } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const first = await login(username, 'First-Pass-123');
  expect((await api.request('POST', '/api/auth/password', { token: first.body.token, body: { currentPassword: 'First-Pass-123', newPassword: GOOD_PASSWORD } })).status).toBe(204);
  return { id: created.body.id as string, username };
}

describe('user administration', () => {
  it('creates an account whose first password must be changed before anything else', async () => {
    const username = `u${crypto.randomUUID().slice(0, 8)}`;
    const r = await api.request('POST', '/api/users', {
      token: admin, body: { username, displayName: '城关镇新经办人', role: 'township_officer', townshipCode: TOWNSHIP_A, email: 'x@example.org', password: 'Temp-Pass-2026' },
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ username, role: 'township_officer', townshipCode: TOWNSHIP_A, active: true, mustChangePassword: true });
    expect(JSON.stringify(r.body)).not.toContain('argon2');
    const row = await api.db.user.findUniqueOrThrow({ where: { username } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);

    const { body: { token } } = await login(username, 'Temp-Pass-2026');
    const blocked = await api.request('GET', '/api/cases', { token });
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('password_change_required');
    expect((await api.request('GET', '/api/auth/me', { token })).body.mustChangePassword).toBe(true);
    expect((await api.request('POST', '/api/auth/password', { token, body: { currentPassword: 'Temp-Pass-2026', newPassword: 'Another-Pass-77' } })).status).toBe(204);
    expect((await api.request('GET', '/api/cases', { token })).status).toBe(200);
  });

  it('enforces the password policy and the rules of roles and townships', async () => {
    const base = { username: `u${crypto.randomUUID().slice(0, 8)}`, displayName: '某人', role: 'desk' };
    const refused: Array<[Record<string, unknown>, string]> = [
      [{ password: 'Sh0rt!' }, 'password'],
      [{ password: 'alllowercaseletters' }, 'password'],
      [{ password: 'Password-123456' }, 'password'],
      [{ password: `${base.username}-X1y2z3` }, 'password'],
      [{ password: GOOD_PASSWORD, role: 'township_officer' }, 'townshipCode'],
      [{ password: GOOD_PASSWORD, townshipCode: TOWNSHIP_A }, 'townshipCode'],
      [{ password: GOOD_PASSWORD, role: 'root' }, 'role'],
      [{ password: GOOD_PASSWORD, username: 'Bad Name' }, 'username'],
      [{ password: GOOD_PASSWORD, isAdmin: true }, 'isAdmin'],
    ];
    for (const [patch, field] of refused) {
      const r = await api.request('POST', '/api/users', { token: admin, body: { ...base, ...patch } });
      expect(r.status, JSON.stringify(patch)).toBe(400);
      expect(r.body.error.fields.map((f: { field: string }) => f.field), JSON.stringify(patch)).toContain(field);
    }
    const taken = await api.request('POST', '/api/users', { token: admin, body: { ...base, username: 'desk', password: GOOD_PASSWORD } });
    expect(taken.status).toBe(409);
  });

  it('deactivates an account: its sessions end and it cannot log in; an admin cannot deactivate themselves', async () => {
    const u = await account();
    const token = (await login(u.username, GOOD_PASSWORD)).body.token;
    expect((await api.request('PATCH', `/api/users/${u.id}`, { token: admin, body: { active: false } })).body.active).toBe(false);
    expect((await api.request('GET', '/api/auth/me', { token })).status).toBe(401);
    expect((await login(u.username, GOOD_PASSWORD)).status).toBe(401);
    const me = (await api.request('GET', '/api/auth/me', { token: admin })).body;
    const self = await api.request('PATCH', `/api/users/${me.id}`, { token: admin, body: { active: false } });
    expect(self.status).toBe(409);
  });

  it('moves a user to another role and township, which takes effect at once', async () => {
    const u = await account('desk');
    const token = (await login(u.username, GOOD_PASSWORD)).body.token;
    const moved = await api.request('PATCH', `/api/users/${u.id}`, { token: admin, body: { role: 'township_leader', townshipCode: TOWNSHIP_A } });
    expect(moved.status).toBe(200);
    expect((await api.request('GET', '/api/auth/me', { token })).status).toBe(401);
    const again = (await login(u.username, GOOD_PASSWORD)).body;
    expect(again.user).toMatchObject({ role: 'township_leader', townshipCode: TOWNSHIP_A });
    const list = await api.request('GET', `/api/users?role=township_leader&township=${TOWNSHIP_A}`, { token: admin });
    expect(list.body.items.map((x: { username: string }) => x.username)).toContain(u.username);
  });
});

describe('login throttling', () => {
  it('locks an account after repeated failures, even against the right password, until the admin unlocks it', async () => {
    const u = await account();
    for (let i = 0; i < LOCK_AFTER; i++) expect((await login(u.username, 'Wrong-Pass-000', `198.51.100.${10 + i}`)).status).toBe(401);
    const locked = await login(u.username, GOOD_PASSWORD, '198.51.100.20');
    expect(locked.status).toBe(423);
    expect(locked.body.error.code).toBe('account_locked');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    const shown = await api.request('GET', `/api/users/${u.id}`, { token: admin });
    expect(shown.body.lockedUntil).not.toBeNull();

    expect((await api.request('POST', `/api/users/${u.id}/unlock`, { token: admin })).status).toBe(200);
    expect((await login(u.username, GOOD_PASSWORD, '198.51.100.20')).status).toBe(200);
  });

  it('lifts a lock when its time is over', async () => {
    const u = await account();
    for (let i = 0; i < LOCK_AFTER; i++) await login(u.username, 'Wrong-Pass-000', '198.51.100.30');
    expect((await login(u.username, GOOD_PASSWORD, '198.51.100.31')).status).toBe(423);
    // The lock's end, moved into the past in the database: no waiting in the test.
    await api.db.loginThrottle.update({ where: { key: `user:${u.username}` }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect((await login(u.username, GOOD_PASSWORD, '198.51.100.31')).status).toBe(200);
  });

  it('locks an unknown username exactly like a known one, revealing no accounts', async () => {
    const ghost = `ghost${crypto.randomUUID().slice(0, 8)}`;
    for (let i = 0; i < LOCK_AFTER; i++) {
      const r = await login(ghost, 'Wrong-Pass-000', '198.51.100.40');
      expect(r.status).toBe(401);
      expect(r.body.error.code).toBe('invalid_credentials');
    }
    expect((await login(ghost, 'Wrong-Pass-000', '198.51.100.40')).status).toBe(423);
  });

  it('limits failures from one address across usernames, and records each attempt with the address', async () => {
    const ip = '203.0.113.77';
    for (let i = 0; i < 6; i++) expect((await login(`spray${i}-${crypto.randomUUID().slice(0, 6)}`, 'Wrong-Pass-000', ip)).status).toBe(401);
    const limited = await login('desk', 'jianjian-demo', ip);
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('too_many_attempts');
    expect((await login('desk', 'jianjian-demo', '203.0.113.78')).status).toBe(200);
    const entries = await api.db.auditEntry.findMany({ where: { ip }, orderBy: { id: 'asc' } });
    expect(entries.map((e) => e.action)).toEqual([...Array(6).fill('auth.login_failed'), 'auth.login_refused']);
    expect(entries[0]!.detail).toEqual({ reason: 'unknown_user' });
  });
});

describe('sessions', () => {
  it('gives tokens the configured lifetime and refuses an expired one', async () => {
    const before = Date.now();
    const r = await api.request('POST', '/api/auth/login', { body: { username: 'reviewer', password: 'jianjian-demo' } });
    const after = Date.now();
    const lifetime = TTL_HOURS * 3600_000;
    const expiresAt = Date.parse(r.body.expiresAt);
    expect(expiresAt).toBeGreaterThanOrEqual(before + lifetime);
    expect(expiresAt).toBeLessThanOrEqual(after + lifetime);
    const token = r.body.token as string;
    expect((await api.request('GET', '/api/auth/me', { token })).status).toBe(200);
    // Expiry moved into the past in the database rather than waited for.
    await api.db.authToken.update({ where: { tokenHash: crypto.createHash('sha256').update(token).digest('hex') }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await api.request('GET', '/api/auth/me', { token });
    expect(expired.status).toBe(401);
    expect(expired.body.error.message).toMatch(/expired/);
  });

  it('revokes the token on logout, and every other session on a password change', async () => {
    const u = await account();
    const [t1, t2] = [(await login(u.username, GOOD_PASSWORD)).body.token, (await login(u.username, GOOD_PASSWORD)).body.token];
    const wrong = await api.request('POST', '/api/auth/password', { token: t1, body: { currentPassword: 'Not-It-12345', newPassword: 'Brand-New-Pass-5' } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields[0].field).toBe('currentPassword');
    const weak = await api.request('POST', '/api/auth/password', { token: t1, body: { currentPassword: GOOD_PASSWORD, newPassword: 'weak' } });
    expect(weak.body.error.fields[0].field).toBe('newPassword');
    expect((await api.request('POST', '/api/auth/password', { token: t1, body: { currentPassword: GOOD_PASSWORD, newPassword: 'Brand-New-Pass-5' } })).status).toBe(204);
    expect((await api.request('GET', '/api/auth/me', { token: t2 })).status).toBe(401);
    expect((await api.request('GET', '/api/auth/me', { token: t1 })).status).toBe(200);
    expect((await api.request('POST', '/api/auth/logout', { token: t1 })).status).toBe(204);
    expect((await api.request('GET', '/api/auth/me', { token: t1 })).status).toBe(401);
    expect((await login(u.username, GOOD_PASSWORD)).status).toBe(401);
    expect((await login(u.username, 'Brand-New-Pass-5')).status).toBe(200);
  });

  it('lets the admin reset a password: the old one and every session stop working', async () => {
    const u = await account();
    const token = (await login(u.username, GOOD_PASSWORD)).body.token;
    const reset = await api.request('POST', `/api/users/${u.id}/password`, { token: admin, body: { password: 'Fresh-Start-2026' } });
    expect(reset.status, JSON.stringify(reset.body)).toBe(200);
    expect(reset.body.mustChangePassword).toBe(true);
    expect((await api.request('GET', '/api/auth/me', { token })).status).toBe(401);
    expect((await login(u.username, GOOD_PASSWORD)).status).toBe(401);
    const fresh = await login(u.username, 'Fresh-Start-2026');
    expect(fresh.status, JSON.stringify(fresh.body)).toBe(200);
    expect(fresh.body.user.mustChangePassword).toBe(true);
  });
});
