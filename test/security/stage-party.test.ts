// Finding 5 of the security review: a township officer may not pause a case, or ask for an extension,
// in a stage that is not the township's (registered: the desk's; recheck: the county reviewer's), which
// would block the next step of the party whose stage it is. Real PostgreSQL and Temporal.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../prisma/seed';
import { startApiStack, type ApiStack } from '../support/api-stack';
import { inputs, registration, TOWNSHIP_A } from '../support/fixtures';

let api: ApiStack;
let desk: string;
let reviewer: string;
let officer: string;

beforeAll(async () => {
  api = await startApiStack();
  [desk, reviewer, officer] = await Promise.all(['desk', 'reviewer', DEMO_USERS.find((u) => u.townshipCode === TOWNSHIP_A && u.role === 'township_officer')!.username].map((u) => api.login(u))) as [string, string, string];
});
afterAll(async () => { await api?.stop(); });

const act = (token: string, id: string, action: string, body: unknown) => api.request('POST', `/api/cases/${id}/actions/${action}`, { token, body });

/** Tries the township's clock actions in the case's current stage: each must be refused and change nothing. */
async function expectClockActionsRefused(id: string) {
  const before = await api.db.case.findUniqueOrThrow({ where: { id } });
  for (const [action, body] of [['pause', { reason: 'materials' }], ['request-extension', { days: 10, reason: '需补充材料' }]] as const) {
    const r = await act(officer, id, action, body);
    expect([action, before.stage, r.status], JSON.stringify(r.body)).toEqual([action, before.stage, expect.toSatisfy((s: number) => s === 403 || s === 409)]);
  }
  const after = await api.db.case.findUniqueOrThrow({ where: { id } });
  expect([after.stage, after.pausedSince, after.extensionStatus, after.lastEventSeq]).toEqual([before.stage, null, before.extensionStatus, before.lastEventSeq]);
}

describe('clock actions of a stage that is not the township\'s', () => {
  it('are refused to the township officer while the case awaits the desk\'s acceptance, and the desk goes on', async () => {
    const c = await api.request('POST', '/api/cases', { token: desk, body: registration(), headers: { 'Idempotency-Key': crypto.randomUUID() } });
    expect(c.body.stage).toBe('registered');
    await expectClockActionsRefused(c.body.id);
    expect((await act(desk, c.body.id, 'accept', inputs.accept)).status).toBe(200);
  });

  it('are refused to the township officer during the county\'s re-check, and the reviewer goes on', async () => {
    const c = await api.request('POST', '/api/cases', { token: desk, body: registration(), headers: { 'Idempotency-Key': crypto.randomUUID() } });
    expect((await act(desk, c.body.id, 'accept', inputs.accept)).status).toBe(200);
    expect((await act(officer, c.body.id, 'submit-investigation', inputs['submit-investigation'])).status).toBe(200);
    await expectClockActionsRefused(c.body.id);
    expect((await act(reviewer, c.body.id, 'approve', inputs.approve)).status).toBe(200);
  });
});
