// The codec endpoint for the Temporal Web UI: operators read encrypted histories through it, from the
// UI's origin only; nobody else can decrypt through it, and only the tools' token may encrypt.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../prisma/seed';
import { startApiStack, type ApiStack } from '../support/api-stack';
import { registration, uniquePetitioner } from '../support/fixtures';

const UI = 'http://temporal-ui.county.test:8233';
const TOKEN = crypto.randomBytes(32).toString('base64url');
let api: ApiStack;
let admin: string;
let wire: { payloads: Array<{ metadata: Record<string, string>; data: string }> };
const petitioner = uniquePetitioner('孙秘密');

beforeAll(async () => {
  api = await startApiStack({ TEMPORAL_UI_ORIGIN: UI, TEMPORAL_CODEC_TOKEN: TOKEN });
  admin = await api.login('admin');
  const desk = await api.login('desk');
  const r = await api.request('POST', '/api/cases', { token: desk, body: registration({ petitioner }), headers: { 'Idempotency-Key': crypto.randomUUID() } });
  // The case workflow's input as the Web UI gets it from Temporal: encrypted, in base64.
  const history = JSON.parse(JSON.stringify(await api.temporal.workflow.getHandle(r.body.id).fetchHistory()));
  wire = history.events[0].workflowExecutionStartedEventAttributes.input;
});
afterAll(async () => { await api?.stop(); });

const call = (op: 'decode' | 'encode', headers: Record<string, string>, body: unknown = wire) =>
  fetch(`${api.url}/api/temporal-codec/${op}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-namespace': 'default', ...headers }, body: JSON.stringify(body) });
const text = (p: { data: string }) => Buffer.from(p.data, 'base64').toString('utf8');

async function adminCookie(): Promise<string> {
  const r = await fetch(`${api.url}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD, session: 'cookie' }),
  });
  expect(r.status).toBe(200);
  return r.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

describe('the Temporal codec endpoint', () => {
  it('holds ciphertext to start with', () => {
    expect(wire.payloads.length).toBeGreaterThan(0);
    expect(text(wire.payloads[0]!)).not.toContain(petitioner.phone);
  });

  it('refuses a call without a session or token', async () => {
    const r = await call('decode', { origin: UI });
    expect(r.status).toBe(401);
    expect(JSON.stringify(await r.json())).not.toContain(petitioner.phone);
  });

  it('refuses another origin, even with an administrator, and its preflight gets no CORS grant', async () => {
    const evil = 'http://evil.example';
    const r = await call('decode', { origin: evil, authorization: `Bearer ${admin}` });
    expect(r.status).toBe(403);
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe('origin_not_allowed');
    expect(r.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${api.url}/api/temporal-codec/decode`, { method: 'OPTIONS', headers: { origin: evil, 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses users other than administrators', async () => {
    for (const user of ['desk', 'reviewer', 'manager']) {
      const r = await call('decode', { origin: UI, authorization: `Bearer ${await api.login(user)}` });
      expect(r.status, user).toBe(403);
    }
  });

  it("decodes for an administrator's console session from the Web UI's origin, with CORS for that origin alone", async () => {
    const preflight = await fetch(`${api.url}/api/temporal-codec/decode`, {
      method: 'OPTIONS', headers: { origin: UI, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-namespace' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(UI);
    expect(preflight.headers.get('access-control-allow-credentials')).toBe('true');
    const cookie = await adminCookie();
    const r = await call('decode', { origin: UI, cookie });
    expect(r.status).toBe(200);
    expect(r.headers.get('access-control-allow-origin')).toBe(UI);
    const decoded = await r.json() as typeof wire;
    expect(decoded.payloads).toHaveLength(wire.payloads.length);
    expect(text(decoded.payloads[0]!)).toContain(petitioner.phone);
    // Without the UI's origin the cookie needs the CSRF token, as everywhere.
    expect((await call('decode', { cookie })).status).toBe(403);
    const audit = await api.db.auditEntry.findFirst({ where: { action: 'temporal.payloads-decoded', actorUsername: 'admin' }, orderBy: { id: 'desc' } });
    expect(audit?.detail).toMatchObject({ count: wire.payloads.length });
  });

  it('decodes and encodes for the dedicated token; an administrator may not encode', async () => {
    const decoded = await call('decode', { authorization: `Bearer ${TOKEN}` });
    expect(decoded.status).toBe(200);
    const plain = ((await decoded.json()) as typeof wire).payloads;
    expect(text(plain[0]!)).toContain(petitioner.idNumber);
    expect((await call('encode', { origin: UI, authorization: `Bearer ${admin}` }, { payloads: plain })).status).toBe(403);
    expect((await call('decode', { authorization: `Bearer ${TOKEN.slice(1)}x` })).status).toBe(401);
    const encoded = await call('encode', { authorization: `Bearer ${TOKEN}` }, { payloads: plain });
    expect(encoded.status).toBe(200);
    const again = await (await call('decode', { authorization: `Bearer ${TOKEN}` }, await encoded.json())).json() as typeof wire;
    expect(again.payloads.map(text)).toEqual(plain.map(text));
  });
});
