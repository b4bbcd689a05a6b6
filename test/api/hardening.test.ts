// The cookie session and its CSRF guard, security headers, body limits and uniform errors.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiStack, type ApiStack } from '../support/api-stack';
import { registration } from '../support/fixtures';

let api: ApiStack;

beforeAll(async () => { api = await startApiStack(); });
afterAll(async () => { await api?.stop(); });

/** Logs in for a cookie session as a browser would, returning the Cookie header it would send back. */
async function cookieSession(username: string) {
  const r = await fetch(`${api.url}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'jianjian-demo', session: 'cookie' }),
  });
  expect(r.status).toBe(200);
  const setCookies = r.headers.getSetCookie();
  const body = await r.json() as { token?: string; csrfToken: string };
  const cookie = setCookies.map((c) => c.split(';')[0]).join('; ');
  return { setCookies, body, cookie };
}

describe('the cookie session', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie and keeps the token out of the body', async () => {
    const { setCookies, body } = await cookieSession('desk');
    const session = setCookies.find((c) => c.startsWith('jj_session='))!;
    const csrf = setCookies.find((c) => c.startsWith('jj_csrf='))!;
    expect(session).toMatch(/; HttpOnly/);
    expect(session).toMatch(/; SameSite=Strict/);
    expect(session).toMatch(/; Path=\//);
    expect(csrf).not.toMatch(/HttpOnly/);
    expect(csrf).toBe(`jj_csrf=${body.csrfToken}; Path=/; SameSite=Strict; Max-Age=${csrf.match(/Max-Age=(\d+)/)![1]}`);
    expect(body.token).toBeUndefined();
  });

  it('refuses a write authenticated by the cookie without the CSRF token, and accepts it with the token', async () => {
    const { cookie, body } = await cookieSession('desk');
    expect((await api.request('GET', '/api/auth/me', { headers: { cookie } })).body.username).toBe('desk');
    const subject = `CSRF-${crypto.randomUUID()}`;
    const send = (headers: Record<string, string>) => api.request('POST', '/api/cases', {
      body: registration({ subject }), headers: { cookie, 'Idempotency-Key': crypto.randomUUID(), ...headers },
    });
    const altered = body.csrfToken.slice(0, -1) + (body.csrfToken.endsWith('A') ? 'B' : 'A');
    const attempts: Record<string, string>[] = [{}, { 'X-CSRF-Token': 'forged' }, { 'X-CSRF-Token': altered }];
    for (const headers of attempts) {
      const refused = await send(headers);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('csrf_token_invalid');
    }
    expect(await api.db.case.count({ where: { subject } })).toBe(0);
    const accepted = await send({ 'X-CSRF-Token': body.csrfToken });
    expect(accepted.status).toBe(201);
    expect(await api.db.case.count({ where: { subject } })).toBe(1);
  });

  it('ends the session on logout (which needs the CSRF token too) and clears the cookies', async () => {
    const { cookie, body } = await cookieSession('manager');
    expect((await api.request('POST', '/api/auth/logout', { headers: { cookie } })).status).toBe(403);
    const out = await fetch(`${api.url}/api/auth/logout`, { method: 'POST', headers: { cookie, 'X-CSRF-Token': body.csrfToken } });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().every((c) => /Max-Age=0/.test(c))).toBe(true);
    expect((await api.request('GET', '/api/auth/me', { headers: { cookie } })).status).toBe(401);
  });

  it('needs no CSRF token for a bearer token, which browsers never attach by themselves', async () => {
    const token = await api.login('desk');
    const r = await api.request('POST', '/api/cases', { token, body: registration(), headers: { 'Idempotency-Key': crypto.randomUUID() } });
    expect(r.status).toBe(201);
  });
});

describe('hardening', () => {
  it('sends security headers, and no caching of API answers', async () => {
    const r = await api.request('GET', '/api/townships', { token: await api.login('desk') });
    expect(Object.fromEntries(['x-content-type-options', 'x-frame-options', 'referrer-policy', 'content-security-policy', 'cache-control', 'x-powered-by'].map((h) => [h, r.headers.get(h)]))).toEqual({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      'cache-control': 'no-store',
      'x-powered-by': null,
    });
  });

  it('refuses oversized bodies before reading them, and bodies that are not JSON', async () => {
    const token = await api.login('desk');
    const before = await api.db.case.count();
    const big = await api.request('POST', '/api/cases', { token, raw: JSON.stringify({ ...registration(), facts: '长'.repeat(100_000) }), headers: { 'Idempotency-Key': crypto.randomUUID() } });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('payload_too_large');
    const form = await api.request('POST', '/api/cases', { token, raw: 'kind=complaint', headers: { 'content-type': 'application/x-www-form-urlencoded', 'Idempotency-Key': crypto.randomUUID() } });
    expect(form.status).toBe(415);
    expect(form.body.error).toEqual({ code: 'unsupported_media_type', message: expect.any(String), fields: [{ field: '(body)', message: 'must be sent as application/json' }] });
    expect(await api.db.case.count()).toBe(before);
  });

  it('answers unknown endpoints and methods with the same JSON error shape, without internals', async () => {
    const token = await api.login('desk');
    // An unknown path is 404; a known one called with a method it does not take, 405 (RFC 9110).
    for (const [method, path, status] of [['GET', '/api/nothing', 404], ['DELETE', '/api/cases', 405], ['PUT', '/api/users', 405]] as const) {
      const r = await api.request(method, path, { token });
      expect(r.status, `${method} ${path}`).toBe(status);
      expect(Object.keys(r.body.error).sort()).toEqual(['code', 'message']);
      expect(JSON.stringify(r.body)).not.toMatch(/at .*\.ts|node_modules|prisma/i);
    }
  });
});
