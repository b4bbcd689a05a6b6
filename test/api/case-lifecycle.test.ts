// The API over HTTP against real PostgreSQL and a real Temporal dev server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAPPY_PATH, inputs, registration, TOWNSHIP_A, TOWNSHIP_B } from '../support/fixtures';
import { startApiStack, type ApiStack } from '../support/api-stack';
import { STAFF_ACTIONS } from '../../domain/actions';
import { DEMO_TOWNSHIPS, DEMO_USERS } from '../../prisma/seed';
import crypto from 'node:crypto';

let api: ApiStack;
let desk: string;
let reviewer: string;
let manager: string;
let officerA: string;
let officerB: string;

const officerOf = (code: string) => DEMO_USERS.find((u) => u.townshipCode === code)!.username;
const key = () => crypto.randomUUID();

beforeAll(async () => {
  api = await startApiStack();
  [desk, reviewer, manager, officerA, officerB] = await Promise.all(
    ['desk', 'reviewer', 'manager', officerOf(TOWNSHIP_A), officerOf(TOWNSHIP_B)].map((u) => api.login(u)),
  ) as [string, string, string, string, string];
});
afterAll(async () => { await api?.stop(); });

async function register(overrides = {}, idem = key(), body = registration(overrides)) {
  return api.request('POST', '/api/cases', { token: desk, body, headers: { 'Idempotency-Key': idem } });
}

const roleToken = (action: string) => ({
  accept: () => desk, 'submit-investigation': () => officerA, approve: () => reviewer, return: () => reviewer,
  reply: () => reviewer, 'follow-up': () => desk, reject: () => desk, forward: () => desk, answer: () => desk,
} as Record<string, () => string>)[action]!();

describe('cases over HTTP', () => {
  it('takes a complaint from registration to closure', async () => {
    const r = await register();
    expect(r.status).toBe(201);
    expect(r.body.caseNo).toMatch(/^XF\d{4}-\d{6}$/);
    expect(r.body.queryCode).toMatch(/^[A-Z0-9]{8}$/);
    expect(r.body.stage).toBe('registered');
    expect(r.headers.get('location')).toBe(`/api/cases/${r.body.id}`);
    expect(r.body.availableActions).toEqual(['accept', 'reject', 'forward']);
    const id = r.body.id as string;

    let last = r.body;
    for (const action of HAPPY_PATH) {
      const res = await api.request('POST', `/api/cases/${id}/actions/${action}`, { token: roleToken(action), body: inputs[action] });
      expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(200);
      last = res.body;
    }
    expect(last.stage).toBe('closed');
    expect(last.closedAt).not.toBeNull();
    expect(last.outcome).toBe('replied');

    const detail = await api.request('GET', `/api/cases/${id}`, { token: manager });
    expect(detail.status).toBe(200);
    expect(detail.body.timeline.map((e: { type: string }) => e.type)).toEqual(['registered', ...HAPPY_PATH]);
    expect(detail.body.timeline[1].actor).toBe('信访窗口 李登记');
    expect(detail.body.timeline[4].data.meeting.place).toBe('城关镇便民服务中心');
    expect(detail.body.queryCode).toBeUndefined();

    const again = await api.request('POST', `/api/cases/${id}/actions/accept`, { token: desk, body: inputs.accept });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('action_not_allowed');
  });

  it('returns the same case for a repeated Idempotency-Key, and never a second', async () => {
    const idem = key();
    const body = registration({ subject: '重复提交测试' });
    const first = await register({}, idem, body);
    const [second, third] = await Promise.all([register({}, idem, body), register({}, idem, body)]);
    expect(first.status).toBe(201);
    expect([second.status, third.status]).toEqual([201, 201]);
    expect(second.body.id).toBe(first.body.id);
    expect(third.body.caseNo).toBe(first.body.caseNo);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await api.db.case.count({ where: { subject: '重复提交测试' } })).toBe(1);

    const reused = await register({}, idem, { ...body, subject: '另一件事' });
    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe('idempotency_key_reused');
  });

  it('answers 401 without a valid token', async () => {
    for (const [method, path] of [['GET', '/api/cases'], ['POST', '/api/cases'], ['GET', '/api/townships'], ['POST', '/api/cases/c00000000000000000000000000000000/actions/accept']]) {
      const r = await api.request(method!, path!, method === 'GET' ? {} : { body: {} });
      expect(r.status, path).toBe(401);
      expect(r.body.error.code).toBe('unauthorized');
    }
    const bad = await api.request('GET', '/api/cases', { token: 'x'.repeat(43) });
    expect(bad.status).toBe(401);
    const wrongPassword = await api.request('POST', '/api/auth/login', { body: { username: 'desk', password: 'nope' } });
    expect(wrongPassword.status).toBe(401);
  });

  it('revokes a token on logout', async () => {
    const token = await api.login('manager');
    expect((await api.request('GET', '/api/auth/me', { token })).body.username).toBe('manager');
    expect((await api.request('POST', '/api/auth/logout', { token })).status).toBe(204);
    expect((await api.request('GET', '/api/auth/me', { token })).status).toBe(401);
  });

  it('lets each role do only its own steps, and township officers see only their township', async () => {
    const { body: c } = await register({ township: TOWNSHIP_A });
    const forbidden = await api.request('POST', `/api/cases/${c.id}/actions/accept`, { token: reviewer, body: inputs.accept });
    expect(forbidden.status).toBe(403);
    expect((await api.request('POST', '/api/cases', { token: officerA, body: registration(), headers: { 'Idempotency-Key': key() } })).status).toBe(403);

    expect((await api.request('POST', `/api/cases/${c.id}/actions/accept`, { token: desk, body: { township: TOWNSHIP_A } })).status).toBe(200);
    const other = await api.request('GET', `/api/cases/${c.id}`, { token: officerB });
    const missing = await api.request('GET', '/api/cases/c00000000000000000000000000000000', { token: officerB });
    expect(other.status).toBe(404);
    expect(other.body).toEqual(missing.body);
    expect((await api.request('POST', `/api/cases/${c.id}/actions/submit-investigation`, { token: officerB, body: inputs['submit-investigation'] })).status).toBe(404);
    expect((await api.request('POST', `/api/cases/${c.id}/actions/submit-investigation`, { token: officerA, body: inputs['submit-investigation'] })).status).toBe(200);

    const listB = await api.request('GET', '/api/cases?pageSize=100', { token: officerB });
    expect(listB.body.items.every((i: { township: { code: string } }) => i.township.code === TOWNSHIP_B)).toBe(true);
    const listA = await api.request('GET', '/api/cases?pageSize=100', { token: officerA });
    expect(listA.body.items.map((i: { id: string }) => i.id)).toContain(c.id);
  });

  it('withholds an accuser\'s identity from township officers', async () => {
    const { body: c } = await register({ kind: 'accusation', township: TOWNSHIP_A });
    await api.request('POST', `/api/cases/${c.id}/actions/accept`, { token: desk, body: { township: TOWNSHIP_A } });
    const seen = await api.request('GET', `/api/cases/${c.id}`, { token: officerA });
    expect(seen.status).toBe(200);
    expect(seen.body.petitioner).toBeNull();
    expect(seen.body.petitionerWithheld).toBe(true);
    expect(seen.body.petitionerName).toBeNull();
    expect(JSON.stringify(seen.body)).not.toContain('张三');
    const list = await api.request('GET', `/api/cases?kind=accusation&pageSize=100`, { token: officerA });
    expect(JSON.stringify(list.body)).not.toContain('张三');
    const county = await api.request('GET', `/api/cases/${c.id}`, { token: reviewer });
    expect(county.body.petitioner.name).toBe('张三');
  });

  it('lists with filters and pagination', async () => {
    const subject = `分页测试-${key()}`;
    for (let i = 0; i < 5; i++) expect((await register({ subject, kind: i < 2 ? 'help' : 'proposal' })).status).toBe(201);
    const page1 = await api.request('GET', `/api/cases?q=${encodeURIComponent(subject)}&pageSize=2&page=1`, { token: manager });
    const page3 = await api.request('GET', `/api/cases?q=${encodeURIComponent(subject)}&pageSize=2&page=3`, { token: manager });
    expect(page1.body.total).toBe(5);
    expect(page1.body.items).toHaveLength(2);
    expect(page3.body.items).toHaveLength(1);
    const help = await api.request('GET', `/api/cases?q=${encodeURIComponent(subject)}&kind=help`, { token: manager });
    expect(help.body.total).toBe(2);
    const inStage = await api.request('GET', `/api/cases?q=${encodeURIComponent(subject)}&stage=registered&township=${TOWNSHIP_A}`, { token: manager });
    expect(inStage.body.total).toBe(5);
    const none = await api.request('GET', `/api/cases?q=${encodeURIComponent(subject)}&stage=closed`, { token: manager });
    expect(none.body.total).toBe(0);
  });

  it('lists overdue cases, most late first', async () => {
    const subject = `逾期测试-${key()}`;
    const day = 24 * 3600_000;
    const late = await register({ subject, receivedAt: new Date(Date.now() - 20 * day).toISOString() });
    const later = await register({ subject, receivedAt: new Date(Date.now() - 30 * day).toISOString() });
    await register({ subject });
    const overdue = await api.request('GET', `/api/cases?q=${encodeURIComponent(subject)}&overdue=true`, { token: manager });
    expect(overdue.body.items.map((i: { id: string }) => i.id)).toEqual([later.body.id, late.body.id]);
    expect(overdue.body.items.every((i: { overdue: boolean }) => i.overdue)).toBe(true);
    const onTime = await api.request('GET', `/api/cases?q=${encodeURIComponent(subject)}&overdue=false`, { token: manager });
    expect(onTime.body.total).toBe(1);
  });

  it('serves health and an OpenAPI document built from the request schemas', async () => {
    const health = await api.request('GET', '/healthz');
    expect(health.body).toEqual({ status: 'ok', database: true, temporal: true });
    const doc = await api.request('GET', '/api/openapi.json');
    expect(doc.body.openapi).toBe('3.1.0');
    const register = doc.body.paths['/api/cases'].post;
    expect(register.requestBody.content['application/json'].schema.properties.kind.enum).toEqual(['consultation', 'help', 'complaint', 'accusation', 'proposal']);
    expect(register.parameters.map((p: { name: string }) => p.name)).toContain('Idempotency-Key');
    expect(register.description).toContain('desk');
    // Each action is its own operation with its own body; bodies name only the county's townships.
    const accept = doc.body.paths['/api/cases/{id}/actions/accept'].post;
    expect(accept.parameters.map((p: { name: string }) => p.name)).toEqual(['id']);
    expect(accept.requestBody.content['application/json'].schema.properties.township.enum).toHaveLength(DEMO_TOWNSHIPS.length);
    for (const a of STAFF_ACTIONS) expect(doc.body.paths[`/api/cases/{id}/actions/${a}`]?.post, a).toBeDefined();
    expect(register.requestBody.content['application/json'].schema.properties.township.enum).toContain(TOWNSHIP_B);
  });
});
