// The review chain over HTTP: the desk records the petitioner's requests, the county the next
// level's decisions; the petitioner's page follows; a final matter flags a repeat petition.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiStack, type ApiStack } from '../support/api-stack';
import { inputs, registration, TOWNSHIP_A, uniquePetitioner } from '../support/fixtures';
import { DEMO_USERS } from '../../prisma/seed';

let api: ApiStack;
let desk: string;
let reviewer: string;
let officer: string;

beforeAll(async () => {
  api = await startApiStack();
  const officerName = DEMO_USERS.find((u) => u.role === 'township_officer' && u.townshipCode === TOWNSHIP_A)!.username;
  [desk, reviewer, officer] = await Promise.all(['desk', 'reviewer', officerName].map((u) => api.login(u))) as [string, string, string];
});
afterAll(async () => { await api?.stop(); });

const act = (id: string, action: string, body: unknown, token: string) => api.request('POST', `/api/cases/${id}/actions/${action}`, { token, body });
const ask = (id: string) => act(id, 'request-review', { reason: '对答复意见不服', body: '市民政局' }, desk);
const decide = (id: string, result = 'upheld') => act(id, 'decide-review', { result, opinion: '维持原处理意见' }, reviewer);

async function repliedCase(petitioner = registration().petitioner) {
  const r = await api.request('POST', '/api/cases', { token: desk, body: registration({ petitioner }), headers: { 'Idempotency-Key': crypto.randomUUID() } });
  const by: Record<string, string> = { accept: desk, 'submit-investigation': officer, approve: reviewer, reply: reviewer };
  for (const a of ['accept', 'submit-investigation', 'approve', 'reply'] as const) expect((await act(r.body.id, a, inputs[a], by[a]!)).status).toBe(200);
  return r.body as { id: string; caseNo: string; queryCode: string };
}

const page = (c: { caseNo: string; queryCode: string }) => api.request('GET', `/public/cases/${c.caseNo}?code=${c.queryCode}`);

describe('review chain over HTTP', () => {
  it('takes 复查 and 复核 to a final matter, shown to staff and to the petitioner, and refuses what comes after with the reason', async () => {
    const petitioner = uniquePetitioner();
    const c = await repliedCase(petitioner);
    const fresh = await api.request('GET', `/api/cases/${c.id}`, { token: desk });
    expect(fresh.body.reviewActions).toEqual(['request-review']);
    expect(fresh.body.review).toEqual({ window: { level: 'review', endsAt: expect.any(String) }, pending: null, finalAt: null });
    expect((await act(c.id, 'request-review', { reason: 'x', body: 'y' }, officer)).status).toBe(403);
    const noBody = await act(c.id, 'request-review', { reason: '不服' }, desk);
    expect([noBody.status, noBody.body.error.fields.map((f: { field: string }) => f.field)]).toEqual([400, ['body']]);
    const backdated = await act(c.id, 'request-review', { reason: '不服', body: '市民政局', requestedAt: '2020-01-01T09:00:00+08:00' }, desk);
    expect([backdated.status, backdated.body.error.code, backdated.body.error.fields])
      .toEqual([409, 'action_not_allowed', [{ field: 'requestedAt', message: expect.stringMatching(/^the window for 复查 opened at .*; a request cannot be dated before it$/) }]]);
    expect((await decide(c.id)).status).toBe(409);

    const asked = await ask(c.id);
    expect(asked.status).toBe(200);
    expect([asked.body.stage, asked.body.review.pending, asked.body.reviewActions]).toEqual(['review', 'review', ['decide-review']]);
    const pending = await page(c);
    expect(pending.body.stage).toBe('review');
    expect(pending.body.review.requests).toEqual([{ level: 'review', requestedAt: expect.any(String), body: '市民政局', decidedAt: null, result: null, opinion: null }]);
    expect(pending.body.nextSteps.map((s: { step: string; until: string }) => [s.step, s.until])).toEqual([['await_review_decision', asked.body.stageDueAt]]);

    const decided = await decide(c.id);
    expect([decided.body.stage, decided.body.review.window.level]).toEqual(['closed', 're_review']);
    const second = await page(c);
    expect(second.body.nextSteps.map((s: { step: string }) => s.step)).toEqual(['request_re_review']);
    expect(second.body.review.requests[0]).toMatchObject({ result: 'upheld', opinion: '维持原处理意见' });

    expect((await ask(c.id)).status).toBe(200);
    const final = await decide(c.id, 'changed');
    expect(final.body.review.finalAt).not.toBeNull();
    const late = await ask(c.id);
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/^the matter is final \(终结\) since 复核 was decided on .*; the same facts are not accepted again$/);
    const shown = await page(c);
    expect([shown.body.review.finalAt, shown.body.review.window, shown.body.nextSteps]).toEqual([final.body.review.finalAt, null, []]);

    // The same petitioner on the same matter again: flagged at intake, with the earlier case linked.
    const repeat = await api.request('POST', '/api/cases', { token: desk, body: registration({ petitioner }), headers: { 'Idempotency-Key': crypto.randomUUID() } });
    expect(repeat.body.repeatOf).toEqual({ id: c.id, caseNo: c.caseNo, finalAt: final.body.review.finalAt });
    expect(repeat.body.availableActions).toContain('reject');
    // The desk's intake warning lists it while the petition is typed in, marked final.
    const similar = await api.request('POST', '/api/cases/similar', { token: desk, body: { idNumber: petitioner.idNumber } });
    expect(similar.body.items.map((i: { id: string; finalAt: string | null }) => [i.id, i.finalAt])).toEqual([[repeat.body.id, null], [c.id, final.body.review.finalAt]]);
    const unrelated = await api.request('POST', '/api/cases', { token: desk, body: registration({ petitioner: uniquePetitioner() }), headers: { 'Idempotency-Key': crypto.randomUUID() } });
    expect(unrelated.body.repeatOf).toBeNull();
  });
});
