// Township scoping and accuser confidentiality over HTTP: township users see only their township and
// never an accuser's identity; county views of it are audited; anonymous accusers leave nothing to see.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WITHHELD } from '../../domain/personal-data';
import type { Role } from '../../domain/roles';
import { startApiStack, type ApiStack } from '../support/api-stack';
import { inputs, registration, TOWNSHIP_A, TOWNSHIP_B } from '../support/fixtures';
import { demoUser, loginEveryRole } from '../support/roles';

let api: ApiStack;
let a: Record<Role, string>;
let b: Record<Role, string>;

const ACCUSER = { name: '举报人赵六', phone: '13900001111', idNumber: '41052119750505123X', address: '前进村5组8号' };
const TOWNSHIP_ROLES: Role[] = ['township_officer', 'township_leader'];
const COUNTY_ROLES: Role[] = ['desk', 'county_reviewer', 'manager'];

beforeAll(async () => {
  api = await startApiStack();
  [a, b] = await Promise.all([loginEveryRole(api, TOWNSHIP_A), loginEveryRole(api, TOWNSHIP_B)]);
});
afterAll(async () => { await api?.stop(); });

/** An accepted accusation in township A whose free text names the accuser as well. */
async function accusation(overrides = {}) {
  const r = await api.request('POST', '/api/cases', {
    token: a.desk, headers: { 'Idempotency-Key': crypto.randomUUID() },
    body: registration({ kind: 'accusation', petitioner: ACCUSER, facts: `${ACCUSER.name}（电话${ACCUSER.phone}）举报村干部优亲厚友。`, subject: `举报村干部-${crypto.randomUUID()}`, ...overrides }),
  });
  expect(r.status).toBe(201);
  expect((await api.request('POST', `/api/cases/${r.body.id}/actions/accept`, { token: a.desk, body: inputs.accept })).status).toBe(200);
  return r.body as { id: string; caseNo: string; subject: string };
}

const identityViews = (caseId: string) => api.db.auditEntry.findMany({ where: { action: 'case.identity-viewed', target: caseId }, orderBy: { id: 'asc' } });

function expectNoIdentity(body: unknown, where: string) {
  const text = JSON.stringify(body);
  for (const part of Object.values(ACCUSER)) expect(text, `${where} shows ${part}`).not.toContain(part);
}

describe('township scoping', () => {
  it('answers another township\'s case exactly like a missing one, for reading and acting', async () => {
    const c = await accusation({ kind: 'complaint' });
    for (const role of TOWNSHIP_ROLES) {
      const other = await api.request('GET', `/api/cases/${c.id}`, { token: b[role] });
      const missing = await api.request('GET', '/api/cases/c00000000000000000000000000000000', { token: b[role] });
      expect(other.status).toBe(404);
      expect(other.body).toEqual(missing.body);
      const act = await api.request('POST', `/api/cases/${c.id}/actions/submit-investigation`, { token: b[role], body: inputs['submit-investigation'] });
      expect(act.status).toBe(404);
      const list = await api.request('GET', `/api/cases?township=${TOWNSHIP_A}&pageSize=100`, { token: b[role] });
      expect(list.body.total).toBe(0);
      expect((await api.request('GET', `/api/cases/${c.id}`, { token: a[role] })).status).toBe(200);
    }
    expect((await api.request('GET', `/api/cases/${c.id}`, { token: b.manager })).status).toBe(200);
  });
});

describe('accuser confidentiality', () => {
  it('never shows a township user the accuser, in the case, its timeline or any list', async () => {
    const c = await accusation();
    await api.request('POST', `/api/cases/${c.id}/actions/submit-investigation`, {
      token: a.township_officer, body: { findings: `走访核实，${ACCUSER.name}所述部分属实。`, proposedOutcome: 'support' },
    });
    for (const role of TOWNSHIP_ROLES) {
      const seen = await api.request('GET', `/api/cases/${c.id}`, { token: a[role] });
      expect(seen.status).toBe(200);
      expect(seen.body.petitioner).toBeNull();
      expect(seen.body.petitionerName).toBeNull();
      expect(seen.body.petitionerIdNumber).toBeNull();
      expect(seen.body.petitionerWithheld).toBe(true);
      expect(seen.body.facts).toBe(`${WITHHELD}（电话${WITHHELD}）举报村干部优亲厚友。`);
      expectNoIdentity(seen.body, `${role} detail`);
      for (const query of ['kind=accusation', `q=${encodeURIComponent(c.subject)}`, 'stage=recheck']) {
        const list = await api.request('GET', `/api/cases?${query}&pageSize=100`, { token: a[role] });
        expect(list.status).toBe(200);
        expectNoIdentity(list.body, `${role} list ${query}`);
      }
    }
    // Township users reading it leave no identity view on record: they saw none.
    expect((await identityViews(c.id)).filter((v) => TOWNSHIP_ROLES.includes(v.actorRole as Role))).toEqual([]);
  });

  it('shows county users the accuser in the case only, and records each view', async () => {
    const c = await accusation();
    const before = (await identityViews(c.id)).length;
    for (const role of COUNTY_ROLES) {
      const seen = await api.request('GET', `/api/cases/${c.id}`, { token: a[role] });
      expect(seen.body.petitioner).toEqual(ACCUSER);
      const list = await api.request('GET', `/api/cases?q=${encodeURIComponent(c.subject)}`, { token: a[role] });
      expect(list.body.items[0].petitionerName).toBeNull();
      expectNoIdentity(list.body, `${role} list`);
    }
    const views = await identityViews(c.id);
    expect(views.slice(before).map((v) => v.actorUsername)).toEqual(COUNTY_ROLES.map((r) => demoUser(r, TOWNSHIP_A)));
    expect(views.at(-1)).toMatchObject({ actorRole: 'manager', ip: expect.stringMatching(/127\.0\.0\.1/), status: 200, detail: { caseNo: c.caseNo } });
  });

  it('keeps nothing of an anonymous accuser, and logs no identity view', async () => {
    const r = await api.request('POST', '/api/cases', {
      token: a.desk, headers: { 'Idempotency-Key': crypto.randomUUID() },
      body: registration({ kind: 'accusation', petitioner: undefined, anonymous: true }),
    });
    expect(r.status).toBe(201);
    expect(r.body.petitioner).toBeNull();
    expect(r.body.anonymous).toBe(true);
    const row = await api.db.case.findUniqueOrThrow({ where: { id: r.body.id } });
    expect([row.petitionerName, row.petitionerPhone, row.petitionerIdNumber, row.petitionerAddress]).toEqual([null, null, null, null]);
    await api.request('GET', `/api/cases/${r.body.id}`, { token: a.manager });
    expect(await identityViews(r.body.id)).toHaveLength(0);
  });

  it('masks ID numbers in lists and shows them whole only in the case', async () => {
    const subject = `身份证遮蔽-${crypto.randomUUID()}`;
    const r = await api.request('POST', '/api/cases', { token: a.desk, headers: { 'Idempotency-Key': crypto.randomUUID() }, body: registration({ subject }) });
    const list = await api.request('GET', `/api/cases?q=${encodeURIComponent(subject)}`, { token: a.desk });
    expect(list.body.items[0].petitionerIdNumber).toBe('410521********1234');
    expect(JSON.stringify(list.body)).not.toContain('410521198001011234');
    expect((await api.request('GET', `/api/cases/${r.body.id}`, { token: a.desk })).body.petitioner.idNumber).toBe('410521198001011234');
  });
});
