// Bad input over HTTP: every refusal is a 4xx JSON error naming the field and the reason.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiStack, type ApiStack } from '../support/api-stack';
import { inputs, registration } from '../support/fixtures';

let api: ApiStack;
let desk: string;
let admin: string;
let caseId: string;
let casesBefore: number;

beforeAll(async () => {
  api = await startApiStack();
  desk = await api.login('desk');
  admin = await api.login('admin');
  const r = await api.request('POST', '/api/cases', { token: desk, body: registration(), headers: { 'Idempotency-Key': crypto.randomUUID() } });
  caseId = r.body.id;
  casesBefore = await api.db.case.count();
});
afterAll(async () => { await api?.stop(); });

const register = (body: unknown, headers: Record<string, string> = { 'Idempotency-Key': crypto.randomUUID() }) =>
  api.request('POST', '/api/cases', { token: desk, body, headers });

const without = (field: string) => {
  const r: Record<string, unknown> = { ...registration() };
  delete r[field];
  return r;
};

const cases: Array<[string, () => ReturnType<typeof register>, number, string]> = [
  ['a missing Idempotency-Key', () => register(registration(), {}), 400, 'Idempotency-Key'],
  ['an Idempotency-Key with spaces', () => register(registration(), { 'Idempotency-Key': 'has space' }), 400, 'Idempotency-Key'],
  ['an unknown kind', () => register({ ...registration(), kind: 'gossip' }), 400, 'kind'],
  ['an unknown channel', () => register({ ...registration(), channel: 'pigeon' }), 400, 'channel'],
  ['a missing subject', () => register(without('subject')), 400, 'subject'],
  ['a blank facts field', () => register({ ...registration(), facts: '   ' }), 400, 'facts'],
  ['no petitioner and not anonymous', () => register(without('petitioner')), 400, 'petitioner'],
  ['a malformed ID number', () => register({ ...registration(), petitioner: { name: '李四', idNumber: '12345' } }), 400, 'petitioner.idNumber'],
  ['a date that is not ISO 8601', () => register({ ...registration(), receivedAt: 'yesterday' }), 400, 'receivedAt'],
  ['a receipt date in the future', () => register({ ...registration(), receivedAt: new Date(Date.now() + 86400_000).toISOString() }), 400, 'receivedAt'],
  ['an unknown township', () => register({ ...registration(), township: '999999999' }), 400, 'township'],
  ['an unknown field', () => register({ ...registration(), secret: 1 }), 400, 'secret'],
  ['a forwarded petition without its source', () => register({ ...registration(), channel: 'forwarded' }), 400, 'source'],
  ['malformed JSON', () => api.request('POST', '/api/cases', { token: desk, raw: '{"kind":', headers: { 'Idempotency-Key': 'k' } }), 400, '(body)'],
  ['a body over the size limit', () => register({ ...registration(), facts: 'x'.repeat(300_000) }), 413, '(body)'],
  ['an unknown action', () => api.request('POST', `/api/cases/${caseId}/actions/dance`, { token: desk, body: {} }), 400, 'params.action'],
  ['a malformed case id', () => api.request('GET', '/api/cases/123', { token: desk }), 400, 'params.id'],
  ['an action body missing a field', () => api.request('POST', `/api/cases/${caseId}/actions/reject`, { token: desk, body: { reason: '不属于受理范围' } }), 400, 'basis'],
  ['an accept to an unknown township', () => api.request('POST', `/api/cases/${caseId}/actions/accept`, { token: desk, body: { township: '999999999' } }), 400, 'township'],
  ['a page size over the limit', () => api.request('GET', '/api/cases?pageSize=1000', { token: desk }), 400, 'query.pageSize'],
  ['an unknown list filter', () => api.request('GET', '/api/cases?colour=red', { token: desk }), 400, 'query.colour'],
  ['an overdue flag that is not a boolean', () => api.request('GET', '/api/cases?overdue=maybe', { token: desk }), 400, 'query.overdue'],
  ['a login without a password', () => api.request('POST', '/api/auth/login', { body: { username: 'desk' } }), 400, 'password'],
  // Found by the fuzzer (npm run fuzz): each used to answer 500 or leave a workflow retrying forever.
  ['a NUL character in the facts', () => register({ ...registration(), facts: 'a\u0000b' }), 400, 'facts'],
  ['a NUL character in a login name', () => api.request('POST', '/api/auth/login', { body: { username: 'de\u0000sk', password: 'x' } }), 400, 'username'],
  ['a NUL character in a search', () => api.request('GET', '/api/cases?q=a%00b', { token: desk }), 400, 'query.q'],
  ['a receipt date in the year 1', () => register({ ...registration(), receivedAt: '0001-01-01T00:00:00+08:00' }), 400, 'receivedAt'],
  ['a statistics range from the year 1', () => api.request('GET', '/api/statistics?from=0001-01-01', { token: desk }), 400, 'query.from'],
  ['a subject over its length before trimming', () => register({ ...registration(), subject: `${' '.repeat(150)}${'x'.repeat(100)}` }), 400, 'subject'],
  ['a registration without a body', () => api.request('POST', '/api/cases', { token: desk, headers: { 'Idempotency-Key': crypto.randomUUID() } }), 400, '(body)'],
  ['an action without a body', () => api.request('POST', `/api/cases/${caseId}/actions/reject`, { token: desk }), 400, '(body)'],
  // PostgreSQL holds no NUL: the admin's filters and texts refuse one rather than failing the query.
  ['a NUL character in a user search', () => api.request('GET', '/api/users?q=a%00b', { token: admin }), 400, 'query.q'],
  ['a NUL character in a display name', () => api.request('POST', '/api/users', { token: admin, body: { username: 'nul.user', displayName: '王\u0000五', role: 'desk', password: 'Str0ng-passw0rd!' } }), 400, 'displayName'],
  ['a NUL character in an audit filter', () => api.request('GET', '/api/audit?target=a%00b', { token: admin }), 400, 'query.target'],
  ['a NUL character in a holiday name', () => api.request('PUT', '/api/calendar/2027', { token: admin, body: { holidays: [{ date: '2027-01-01', name: '元\u0000旦' }], workdays: [] } }), 400, 'holidays.0.name'],
];

describe('bad input', () => {
  it.each(cases)('refuses %s with a JSON error naming the field', async (_name, send, status, field) => {
    const r = await send();
    expect(r.status).toBe(status);
    expect(r.body.error.code).toBeTypeOf('string');
    expect(r.body.error.message).toBeTypeOf('string');
    expect(r.body.error.fields.map((f: { field: string }) => f.field)).toContain(field);
    expect(JSON.stringify(r.body)).not.toMatch(/at .*\.ts:\d+|Error:/);
  });

  it('refuses an action in the wrong stage with 409 and changes nothing', async () => {
    const r = await api.request('POST', `/api/cases/${caseId}/actions/approve`, { token: await api.login('reviewer'), body: inputs.approve });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('action_not_allowed');
    expect((await api.request('GET', `/api/cases/${caseId}`, { token: desk })).body.stage).toBe('registered');
  });

  it('answers a method a path does not take with 405 and the methods it does', async () => {
    for (const [method, path, allow] of [
      ['DELETE', '/api/cases', 'POST, GET, HEAD'],
      ['PUT', `/api/cases/${caseId}`, 'GET, HEAD'],
      ['GET', '/api/cases/similar', 'POST'],
      ['PATCH', '/healthz', 'GET, HEAD'],
    ] as const) {
      const r = await api.request(method, path, { token: desk });
      expect(r.status, `${method} ${path}`).toBe(405);
      expect(r.headers.get('allow')).toBe(allow);
      expect(r.body.error.code).toBe('method_not_allowed');
    }
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const r = await api.request('GET', '/api/nothing-here', { token: desk });
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('not_found');
  });

  it('created no case for any refused registration', async () => {
    expect(await api.db.case.count()).toBe(casesBefore);
  });
});
