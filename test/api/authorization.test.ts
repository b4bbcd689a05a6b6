// The authorization table, tested from itself: every role against every endpoint the OpenAPI document
// lists with a permission (each case action is one), and the stage actions along real cases, expecting
// exactly the documented allow or deny.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_NAMES, TRANSITIONS, type ActionName } from '../../domain/actions';
import type { Stage } from '../../domain/case';
import { PERMISSIONS, ROLES, actionPermission, allows, type Permission, type Role } from '../../domain/roles';
import { startApiStack, type ApiStack } from '../support/api-stack';
import { HAPPY_PATH, inputs, registration, TOWNSHIP_A } from '../support/fixtures';
import { loginEveryRole } from '../support/roles';

let api: ApiStack;
let tokens: Record<Role, string>;
let doc: { paths: Record<string, Record<string, { 'x-permission'?: Permission; 'x-roles'?: string[]; security?: unknown[] }>>; 'x-permissions': unknown };
let sampleCaseId: string;
let sampleUserId: string;

/** The first role allowed each action, to drive cases along the happy path. */
const actorFor = (a: ActionName): Role => PERMISSIONS[actionPermission(a)][0]!;

async function caseAt(stage: Stage, kind: 'complaint' | 'consultation' = 'complaint'): Promise<string> {
  const r = await api.request('POST', '/api/cases', {
    token: tokens.desk, body: registration({ kind, township: TOWNSHIP_A }), headers: { 'Idempotency-Key': crypto.randomUUID() },
  });
  expect(r.status).toBe(201);
  let current: Stage = r.body.stage;
  for (const a of HAPPY_PATH) {
    if (current === stage) break;
    const step = await api.request('POST', `/api/cases/${r.body.id}/actions/${a}`, { token: tokens[actorFor(a)], body: inputs[a] });
    expect(step.status, `${a}: ${JSON.stringify(step.body)}`).toBe(200);
    current = step.body.stage;
  }
  expect(current).toBe(stage);
  return r.body.id;
}

/** A concrete path for a documented one, with real ids where they are known. */
function concrete(path: string): string {
  return path
    .replace(/^\/api\/cases\/\{id\}/, `/api/cases/${sampleCaseId}`)
    .replace(/^\/api\/users\/\{id\}/, `/api/users/${sampleUserId}`)
    .replace(/\{[A-Za-z]+\}/g, 'x');
}

beforeAll(async () => {
  api = await startApiStack();
  tokens = await loginEveryRole(api, TOWNSHIP_A);
  doc = (await api.request('GET', '/api/openapi.json')).body;
  sampleCaseId = await caseAt('registered');
  sampleUserId = (await api.db.user.findUniqueOrThrow({ where: { username: 'desk' } })).id;
});
afterAll(async () => { await api?.stop(); });

const operations = () => Object.entries(doc.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase(), op })));

describe('the authorization table', () => {
  it('is printed whole into the OpenAPI document, and each endpoint names its permission and roles', () => {
    expect(doc['x-permissions']).toEqual(JSON.parse(JSON.stringify(PERMISSIONS)));
    const guarded = operations().filter((o) => o.op['x-permission']);
    expect(guarded.length).toBeGreaterThanOrEqual(10);
    for (const { op } of guarded) expect(op['x-roles']).toEqual([...PERMISSIONS[op['x-permission']!]]);
  });

  it('refuses every secured endpoint without a login', async () => {
    const secured = operations().filter((o) => o.op.security);
    expect(secured.length).toBeGreaterThanOrEqual(12);
    for (const { path, method } of secured) {
      const r = await api.request(method, concrete(path), method === 'GET' ? {} : { body: {} });
      expect(r.status, `${method} ${path}`).toBe(401);
      expect(r.body.error.code).toBe('unauthorized');
    }
  });

  it('lets every role call exactly the endpoints its permissions allow', async () => {
    const checked: string[] = [];
    for (const { path, method, op } of operations().filter((o) => o.op['x-permission'])) {
      for (const role of ROLES) {
        const r = await api.request(method, concrete(path), { token: tokens[role], ...(method === 'GET' ? {} : { body: {} }) });
        const where = `${role} ${method} ${path}: ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`;
        if (allows(role, op['x-permission']!)) {
          // Past authorization: answered, or refused for the (empty) input, never for the role.
          expect([401, 403], where).not.toContain(r.status);
          expect(r.status, where).toBeLessThan(500);
        } else {
          expect(r.status, where).toBe(403);
          expect(r.body.error.code).toBe('forbidden');
        }
        checked.push(`${role} ${method} ${path}`);
      }
    }
    expect(checked.length).toBe(operations().filter((o) => o.op['x-permission']).length * ROLES.length);
  });
});

describe('case actions by role', () => {
  for (const action of ACTION_NAMES) {
    const permission = actionPermission(action);
    it(`${action}: allowed to ${PERMISSIONS[permission].join(', ')} and refused to everyone else`, async () => {
      const { from, to, kinds } = TRANSITIONS[action];
      const kind = kinds?.includes('complaint') === false ? 'consultation' : 'complaint';
      // Actions whose stage the happy path does not reach are checked for the refusal only.
      const reachable = action in inputs && (from === 'registered' || HAPPY_PATH.some((a) => TRANSITIONS[a].to === from));
      const body = (inputs as Record<string, unknown>)[action] ?? {};
      const shared = reachable ? await caseAt(from, kind) : sampleCaseId;
      for (const role of ROLES.filter((r) => !allows(r, permission))) {
        const r = await api.request('POST', `/api/cases/${shared}/actions/${action}`, { token: tokens[role], body });
        expect(r.status, `${role} ${action}`).toBe(403);
        expect(r.body.error.code).toBe('forbidden');
      }
      if (reachable) expect((await api.request('GET', `/api/cases/${shared}`, { token: tokens.manager })).body.stage).toBe(from);
      for (const role of ROLES.filter((r) => allows(r, permission))) {
        const id = reachable ? await caseAt(from, kind) : sampleCaseId;
        const r = await api.request('POST', `/api/cases/${id}/actions/${action}`, { token: tokens[role], body });
        if (reachable) {
          expect(r.status, `${role} ${action}: ${JSON.stringify(r.body)}`).toBe(200);
          expect(r.body.stage).toBe(to);
        } else {
          expect([401, 403, 404], `${role} ${action}`).not.toContain(r.status);
        }
      }
    });
  }
});
