// Authorization: every role against every endpoint the OpenAPI document lists with a permission, and
// every case action in every stage against the matrix written out below: the specification, which
// the action table (domain/actions.ts) must match, and the API must enforce along real cases.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stage } from '../../domain/case';
import { PERMISSIONS, ROLES, allows, type Permission, type Role } from '../../domain/roles';
import { startApiStack, type ApiStack } from '../support/api-stack';
import { HAPPY_PATH, inputs, registration, TOWNSHIP_A, type StageAction } from '../support/fixtures';
import { loginEveryRole } from '../support/roles';

let api: ApiStack;
let tokens: Record<Role, string>;
let doc: {
  paths: Record<string, Record<string, { 'x-permission'?: string; 'x-roles'?: string[]; security?: unknown[] }>>;
  'x-permissions': unknown;
  'x-actions': Record<string, Record<string, string[]>>;
};
let sampleCaseId: string;
let sampleUserId: string;

const DESK = ['desk'] as const;
const TOWN = ['township_officer', 'township_leader'] as const;
const COUNTY = ['county_reviewer'] as const;
const OPEN = ['registered', 'investigation', 'recheck', 'reply', 'follow_up', 'review'] as const;
/** Clock actions: whoever the current stage's work belongs to (with their leader), and the managers. */
const PARTY = {
  registered: [...DESK, 'manager'], investigation: [...TOWN, 'manager'], recheck: [...COUNTY, 'manager'],
  reply: [...COUNTY, 'manager'], follow_up: [...COUNTY, 'manager'], review: [...COUNTY, 'manager'],
} as const;
const everyOpen = (roles: readonly Role[]) => Object.fromEntries(OPEN.map((s) => [s, roles]));

/** The specification: each case action, the stages it can be taken in, and who may take it in each. */
const MATRIX: Record<string, Partial<Record<Stage, readonly Role[]>>> = {
  accept: { registered: DESK },
  reject: { registered: DESK },
  forward: { registered: DESK },
  answer: { registered: DESK },
  'submit-investigation': { investigation: TOWN },
  approve: { recheck: COUNTY },
  return: { recheck: COUNTY },
  reply: { reply: COUNTY },
  'follow-up': { follow_up: [...DESK, ...TOWN, ...COUNTY] },
  'request-extension': PARTY,
  'approve-extension': everyOpen(['manager']),
  'decline-extension': everyOpen(['manager']),
  pause: PARTY,
  resume: PARTY,
  // First aid is the township's, where the family lives, whatever the stage.
  'first-aid': everyOpen([...TOWN, 'manager']),
  'request-review': { ...everyOpen(DESK), closed: DESK },
  'decide-review': { review: COUNTY },
};

/** Who drives a case along the happy path. */
const DRIVER: Record<StageAction, Role> = {
  accept: 'desk', reject: 'desk', forward: 'desk', answer: 'desk', 'submit-investigation': 'township_officer',
  approve: 'county_reviewer', return: 'county_reviewer', reply: 'county_reviewer', 'follow-up': 'desk',
};

/** A new complaint taken to a stage (review: asked for after the follow-up). */
async function caseAt(stage: Stage): Promise<string> {
  const r = await api.request('POST', '/api/cases', {
    token: tokens.desk, body: registration({ township: TOWNSHIP_A }), headers: { 'Idempotency-Key': crypto.randomUUID() },
  });
  expect(r.status).toBe(201);
  let current: Stage = r.body.stage;
  for (const a of HAPPY_PATH) {
    if (current === stage || (stage === 'review' && current === 'closed')) break;
    const step = await api.request('POST', `/api/cases/${r.body.id}/actions/${a}`, { token: tokens[DRIVER[a]], body: inputs[a] });
    expect(step.status, `${a}: ${JSON.stringify(step.body)}`).toBe(200);
    current = step.body.stage;
  }
  if (stage === 'review') {
    const asked = await api.request('POST', `/api/cases/${r.body.id}/actions/request-review`, { token: tokens.desk, body: BODIES['request-review'] });
    current = asked.body.stage;
  }
  expect(current).toBe(stage);
  return r.body.id;
}

/** A valid body for every action. */
const BODIES: Record<string, unknown> = {
  ...inputs,
  'request-extension': { days: 10, reason: '需听证' }, 'approve-extension': {}, 'decline-extension': { reason: '理由不足' },
  pause: { reason: 'hearing' }, resume: {}, 'first-aid': { aid: '发放临时救助金' },
  'request-review': { reason: '对答复意见不服', body: '市民政局' }, 'decide-review': { result: 'upheld', opinion: '维持' },
};

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
/** The endpoints guarded by a permission alone; case actions depend on the case's stage too (the matrix below). */
const byPermission = () => operations().filter((o) => o.op['x-permission'] && !o.op['x-permission'].startsWith('case.'));

describe('the authorization table', () => {
  it('is printed whole into the OpenAPI document, and each endpoint names its permission and roles', () => {
    expect(doc['x-permissions']).toEqual(JSON.parse(JSON.stringify(PERMISSIONS)));
    const guarded = byPermission();
    expect(guarded.length).toBeGreaterThanOrEqual(10);
    for (const { op } of guarded) expect(op['x-roles']).toEqual([...PERMISSIONS[op['x-permission'] as Permission]]);
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
    for (const { path, method, op } of byPermission()) {
      for (const role of ROLES) {
        const r = await api.request(method, concrete(path), { token: tokens[role], ...(method === 'GET' ? {} : { body: {} }) });
        const where = `${role} ${method} ${path}: ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`;
        if (allows(role, op['x-permission'] as Permission)) {
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
    expect(checked.length).toBe(byPermission().length * ROLES.length);
  });
});

/** The actions that move a case to another stage. */
const MOVES = new Set([...Object.keys(inputs), 'request-review', 'decide-review']);

describe('case actions by role and stage', () => {
  const union = (action: string) => new Set(Object.values(MATRIX[action]!).flat());

  it('the action table is the specification: every action, stage and role as the matrix says', () => {
    expect(Object.keys(doc['x-actions']).sort()).toEqual(Object.keys(MATRIX).sort());
    for (const [action, stages] of Object.entries(MATRIX)) {
      expect(Object.keys(doc['x-actions'][action]!).sort(), action).toEqual(Object.keys(stages).sort());
      for (const [stage, roles] of Object.entries(stages)) expect(doc['x-actions'][action]![stage]!.sort(), `${action} in ${stage}`).toEqual([...roles].sort());
      const op = doc.paths[`/api/cases/{id}/actions/${action}`]!.post!;
      expect(op['x-roles']!.sort(), action).toEqual([...union(action)].sort());
    }
  });

  for (const stage of ['registered', 'investigation', 'recheck', 'reply', 'follow_up', 'review', 'closed'] as const) {
    it(`in stage "${stage}": each role may take exactly the actions the matrix gives it`, async () => {
      const shared = await caseAt(stage);
      for (const [action, stages] of Object.entries(MATRIX)) {
        const allowed = stages[stage];
        for (const role of ROLES) {
          const mayHere = allowed?.includes(role) ?? false;
          // A step that would succeed and move the case is tried on a case of its own.
          const id = mayHere && MOVES.has(action) ? await caseAt(stage) : shared;
          const r = await api.request('POST', `/api/cases/${id}/actions/${action}`, { token: tokens[role], body: BODIES[action] });
          const where = `${role} ${action} in ${stage}: ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`;
          if (mayHere) {
            expect([401, 403], where).not.toContain(r.status);
            expect(r.status, where).toBeLessThan(500);
          } else if (allowed || !union(action).has(role)) {
            expect(r.status, where).toBe(403);
            expect(r.body.error.code, where).toBe('forbidden');
          } else {
            // A role that may take the action elsewhere is told the stage does not take it.
            expect(r.status, where).toBe(409);
          }
        }
      }
    });
  }
});
