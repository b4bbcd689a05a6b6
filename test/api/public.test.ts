// The public endpoints (no login): the petitioner's page, the notice board, objections and the
// long-term list, over HTTP against real PostgreSQL and a real Temporal dev server.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { noticeViewQuery } from '../../domain/notice-messages';
import { DEMO_TOWNSHIPS, DEMO_USERS } from '../../prisma/seed';
import { startApiStack, type ApiStack } from '../support/api-stack';
import { freshDatabase } from '../support/fresh-database';
import { inputs, registration, TOWNSHIP_A, TOWNSHIP_B } from '../support/fixtures';
import { appraisal, noticeInput, startNotice } from '../support/notice-fixtures';

let api: ApiStack;
let desk: string;
let reviewer: string;
let officerA: string;
let officerB: string;

const officerOf = (code: string) => DEMO_USERS.find((u) => u.townshipCode === code)!.username;
const tokenFor: Record<string, () => string> = {
  accept: () => desk, 'submit-investigation': () => officerA, approve: () => reviewer, reply: () => reviewer, reject: () => desk,
};

beforeAll(async () => {
  api = await startApiStack({ PUBLIC_RATE_LIMIT: '1000' });
  [desk, reviewer, officerA, officerB] = await Promise.all(['desk', 'reviewer', officerOf(TOWNSHIP_A), officerOf(TOWNSHIP_B)].map((u) => api.login(u))) as [string, string, string, string];
});
afterAll(async () => { await api?.stop(); });

/** Registers a case and takes it through the given actions; answers the case as the desk sees it (with its query code). */
async function caseThrough(actions: string[], overrides = {}) {
  const r = await api.request('POST', '/api/cases', { token: desk, body: registration(overrides), headers: { 'Idempotency-Key': crypto.randomUUID() } });
  expect(r.status).toBe(201);
  for (const a of actions) {
    const res = await api.request('POST', `/api/cases/${r.body.id}/actions/${a}`, { token: tokenFor[a]!(), body: inputs[a as keyof typeof inputs] });
    expect(res.status, `${a}: ${JSON.stringify(res.body)}`).toBe(200);
  }
  return (await api.request('GET', `/api/cases/${r.body.id}`, { token: desk })).body;
}

const PUBLIC_CASE_FIELDS = ['acceptedAt', 'caseNo', 'closedAt', 'nextSteps', 'receivedAt', 'repliedAt', 'replyDueAt', 'reply', 'review', 'satisfaction', 'stage'].sort();

/** A well-formed code that is not this one. */
const other = (code: string) => (code === 'AAAAAAAA' ? 'BBBBBBBB' : 'AAAAAAAA');

const lookup = (caseNo: string, code: string) => api.request('GET', `/public/cases/${caseNo}?code=${encodeURIComponent(code)}`);

describe('the petitioner\'s page', () => {
  it('shows exactly the stage, the dates, the reply and what comes next', async () => {
    const c = await caseThrough(['accept', 'submit-investigation', 'approve', 'reply']);
    const r = await lookup(c.caseNo, c.queryCode);
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('no-store');
    const reply = c.timeline.find((e: { type: string }) => e.type === 'reply');
    expect(Object.keys(r.body).sort()).toEqual(PUBLIC_CASE_FIELDS);
    expect(r.body.caseNo).toBe(c.caseNo);
    expect(r.body.stage).toBe('follow_up');
    expect(r.body.receivedAt).toBe(c.receivedAt);
    expect(r.body.acceptedAt).toBe(c.acceptedAt);
    expect(r.body.replyDueAt).toBe(c.replyDueAt);
    expect(r.body.repliedAt).toBe(c.repliedAt);
    expect(r.body.closedAt).toBeNull();
    expect(r.body.reply).toEqual({
      type: 'reply', at: reply.at, decision: inputs.reply.decision, facts: inputs.reply.facts, basis: inputs.reply.basis, text: inputs.reply.text,
    });
    const endsAt = r.body.review.window.endsAt;
    expect(r.body.review).toEqual({ window: { level: 'review', endsAt }, requests: [], finalAt: null });
    expect(Date.parse(endsAt) - Date.parse(c.repliedAt)).toBeGreaterThan(30 * 24 * 3600_000);
    expect(Date.parse(endsAt) - Date.parse(c.repliedAt)).toBeLessThanOrEqual(31 * 24 * 3600_000);
    expect(r.body.satisfaction).toBeNull();
    expect(r.body.nextSteps).toEqual([
      { step: 'await_follow_up', until: null, description: '已作出书面答复，工作人员将回访听取您的意见。' },
      { step: 'rate_satisfaction', until: endsAt, description: '请在此日期前对办理结果作出满意度评价。' },
      { step: 'request_review', until: endsAt, description: '对答复意见不服的，可在此日期前向县信访窗口提出复查申请。' },
    ]);

    // Nothing internal and nothing personal: no findings, officers, meeting attendees or petitioner data.
    const text = JSON.stringify(r.body);
    for (const secret of [inputs['submit-investigation'].findings, '王复核', '李登记', '张三', '13800000000', '410521198001011234', c.id, c.township.code]) {
      expect(text).not.toContain(secret);
    }
  });

  it('tells a petitioner whose case awaits acceptance when to expect the decision', async () => {
    const c = await caseThrough([]);
    const r = await lookup(c.caseNo, c.queryCode.toLowerCase());
    expect(r.status).toBe(200);
    expect([r.body.stage, r.body.acceptedAt, r.body.replyDueAt, r.body.reply, r.body.satisfaction]).toEqual(['registered', null, null, null, null]);
    expect(r.body.review).toEqual({ window: null, requests: [], finalAt: null });
    expect(r.body.nextSteps).toEqual([{ step: 'await_acceptance', until: c.stageDueAt, description: '信访事项正在审查，将在此日期前书面告知是否受理。' }]);
    const accepted = await caseThrough(['accept']);
    const a = await lookup(accepted.caseNo, accepted.queryCode);
    expect(a.body.nextSteps.map((s: { step: string; until: string }) => [s.step, s.until])).toEqual([['await_reply', accepted.replyDueAt]]);
  });

  it('takes the petitioner\'s satisfaction once; an unsatisfied answer keeps the review request on offer', async () => {
    const c = await caseThrough(['accept', 'submit-investigation', 'approve', 'reply']);
    const path = (code: string) => `/public/cases/${c.caseNo}/satisfaction?code=${code}`;
    const rated = await api.request('POST', path(c.queryCode), { body: { response: 'unsatisfied', comment: '低保金额偏低' } });
    expect(rated.status).toBe(200);
    expect(Object.keys(rated.body).sort()).toEqual(PUBLIC_CASE_FIELDS);
    expect(Object.keys(rated.body.satisfaction).sort()).toEqual(['at', 'response']);
    expect(rated.body.satisfaction.response).toBe('unsatisfied');
    expect(rated.body.nextSteps.map((s: { step: string }) => s.step)).toEqual(['await_follow_up', 'request_review']);
    const again = await api.request('POST', path(c.queryCode), { body: { response: 'satisfied' } });
    expect([again.status, again.body.error.code, again.body.error.message]).toEqual([409, 'satisfaction_closed', 'satisfaction was already given for this case']);
    const seen = await api.request('GET', `/api/cases/${c.id}`, { token: reviewer });
    expect(seen.body.satisfaction).toEqual({ followUp: null, petitioner: 'unsatisfied' });

    const satisfied = await caseThrough(['accept', 'submit-investigation', 'approve', 'reply']);
    const ok = await api.request('POST', `/public/cases/${satisfied.caseNo}/satisfaction?code=${satisfied.queryCode}`, { body: { response: 'satisfied' } });
    expect(ok.body.nextSteps.map((s: { step: string }) => s.step)).toEqual(['await_follow_up']);

    const early = await caseThrough(['accept']);
    const tooEarly = await api.request('POST', `/public/cases/${early.caseNo}/satisfaction?code=${early.queryCode}`, { body: { response: 'satisfied' } });
    expect([tooEarly.status, tooEarly.body.error.code]).toEqual([409, 'satisfaction_closed']);
    const wrong = await api.request('POST', path(other(c.queryCode)), { body: { response: 'satisfied' } });
    const unknown = await api.request('POST', `/public/cases/XF1999-999999/satisfaction?code=${c.queryCode}`, { body: { response: 'satisfied' } });
    expect([wrong.status, wrong.body]).toEqual([404, unknown.body]);
    const bad = await api.request('POST', path(c.queryCode), { body: { response: 'great' } });
    expect([bad.status, bad.body.error.fields.map((f: { field: string }) => f.field)]).toEqual([400, ['response']]);
  });

  it('shows a refusal to accept with its reason and basis', async () => {
    const c = await caseThrough(['reject']);
    const r = await lookup(c.caseNo, c.queryCode);
    expect(r.body.stage).toBe('closed');
    expect(r.body.reply).toEqual({ type: 'not_accepted', at: r.body.closedAt, reason: inputs.reject.reason, basis: inputs.reject.basis });
    expect(r.body.nextSteps).toEqual([]);
  });

  it('answers a wrong code exactly as an unknown case, and refuses malformed input with 400', async () => {
    const c = await caseThrough([]);
    const wrong = await lookup(c.caseNo, other(c.queryCode));
    const unknown = await lookup('XF1999-999999', c.queryCode);
    expect(wrong.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body).toEqual({ error: { code: 'not_found', message: 'case not found' } });
    // Another case's code does not open this one.
    const another = await caseThrough([]);
    expect((await lookup(c.caseNo, another.queryCode)).body).toEqual(unknown.body);

    const noCode = await api.request('GET', `/public/cases/${c.caseNo}`);
    expect([noCode.status, noCode.body.error.fields.map((f: { field: string }) => f.field)]).toEqual([400, ['query.code']]);
    const badNo = await lookup('12345', c.queryCode);
    expect([badNo.status, badNo.body.error.fields[0].field]).toEqual([400, 'params.caseNo']);
    expect((await api.request('GET', '/public/nothing-here')).status).toBe(404);
  });
});

describe('the notice board', () => {
  let caseId: string;
  beforeAll(async () => { caseId = (await caseThrough(['accept'])).id; });

  it('lists active notices with exactly the posted fields, and takes objections', async () => {
    const input = noticeInput(caseId, { proposed: { decision: 'grant', amount: 520.5 } });
    const handle = await startNotice(api.temporal, api.taskQueue, input);
    const row = await vi.waitFor(() => api.db.notice.findUniqueOrThrow({ where: { id: input.noticeId } }), { timeout: 30_000, interval: 100 });

    const board = await api.request('GET', `/public/notices?township=${TOWNSHIP_A}&pageSize=100`);
    expect(board.status).toBe(200);
    // The board shows a random public id: nothing of the case (its id is in the workflow's).
    expect(row.publicId).toMatch(/^[0-9a-f]{24}$/);
    expect(JSON.stringify(board.body)).not.toContain(caseId);
    const item = board.body.items.find((i: { id: string }) => i.id === row.publicId);
    expect(item).toEqual({
      id: row.publicId, posting: 'first', level: 'county', township: { code: TOWNSHIP_A, name: DEMO_TOWNSHIPS[0]!.name },
      village: input.household.village, householdName: input.household.name, category: 'dibao', decision: 'grant', amount: 520.5,
      postedAt: row.postedAt!.toISOString(), closesAt: row.closesAt!.toISOString(), acceptsObjections: true, reviewResult: null,
    });
    const elsewhere = await api.request('GET', `/public/notices?township=${TOWNSHIP_B}&pageSize=100`);
    expect(elsewhere.body.items.map((i: { id: string }) => i.id)).not.toContain(row.publicId);

    const objected = await api.request('POST', `/public/notices/${row.publicId}/objections`, { body: { reason: '该户家中有经营性车辆', name: '匿名群众', contact: '13700000000' } });
    expect(objected.status).toBe(201);
    expect(Object.keys(objected.body).sort()).toEqual(['noticeId', 'objectionNo', 'receivedAt']);
    expect([objected.body.noticeId, objected.body.objectionNo]).toEqual([row.publicId, 1]);
    const anonymous = await api.request('POST', `/public/notices/${row.publicId}/objections`, { body: { reason: '收入不实' } });
    expect(anonymous.body.objectionNo).toBe(2);
    expect((await handle.query(noticeViewQuery)).objections.map((o) => [o.reason, o.name ?? null])).toEqual([['该户家中有经营性车辆', '匿名群众'], ['收入不实', null]]);

    const noReason = await api.request('POST', `/public/notices/${row.publicId}/objections`, { body: { name: '王五' } });
    expect([noReason.status, noReason.body.error.fields.map((f: { field: string }) => f.field)]).toEqual([400, ['reason']]);
    const unknown = await api.request('POST', '/public/notices/no-such-notice/objections', { body: { reason: 'x' } });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'not_found']);

    // Staff see the objections; the objector's identity stays with the county.
    const county = await api.request('GET', `/api/notices/${input.noticeId}`, { token: reviewer });
    expect(county.body.objectionList.map((o: { name: string | null; contact: string | null }) => [o.name, o.contact])).toEqual([['匿名群众', '13700000000'], [null, null]]);
    const township = await api.request('GET', `/api/notices/${input.noticeId}`, { token: officerA });
    expect(township.status).toBe(200);
    expect(JSON.stringify(township.body)).not.toMatch(/匿名群众|13700000000/);
    expect((await api.request('GET', `/api/notices/${input.noticeId}`, { token: officerB })).status).toBe(404);
    await handle.terminate('test over');
  });

  it('lets only county reviewers resolve, only during a review, and checks an appraisal before the workflow sees it', async () => {
    const input = noticeInput(caseId);
    const handle = await startNotice(api.temporal, api.taskQueue, input);
    await vi.waitFor(() => api.db.notice.findUniqueOrThrow({ where: { id: input.noticeId } }), { timeout: 30_000, interval: 100 });
    const path = `/api/notices/${input.noticeId}/resolve`;
    const upheld = { method: 'reinvestigation', findings: '复查属实', upheld: true };
    expect((await api.request('POST', path, { token: desk, body: upheld })).status).toBe(403);
    const early = await api.request('POST', path, { token: reviewer, body: upheld });
    expect([early.status, early.body.error.code]).toEqual([409, 'notice_closed']);
    const small = await api.request('POST', path, { token: reviewer, body: { method: 'appraisal', appraisal: appraisal({ members: 14, present: 14, votesFor: 14 }) } });
    expect(small.status).toBe(400);
    expect(small.body.error.fields).toEqual([{ field: 'appraisal.members', message: 'the panel needs at least 15 members without a conflict of interest (has 14)' }]);
    await handle.terminate('test over');
  });

  it('takes a notice off the board once its cycle has ended, and refuses objections to it', async () => {
    const input = noticeInput(caseId, { policy: { first: { amount: 0, unit: 'days' }, second: { amount: 0, unit: 'days' }, rounds: ['county'] } });
    const handle = await startNotice(api.temporal, api.taskQueue, input);
    expect((await handle.result()).outcome).toBe('confirmed');
    const { publicId } = await api.db.notice.findUniqueOrThrow({ where: { id: input.noticeId } });
    const board = await api.request('GET', '/public/notices?pageSize=100');
    expect(board.body.items.map((i: { id: string }) => i.id)).not.toContain(publicId);
    const late = await api.request('POST', `/public/notices/${publicId}/objections`, { body: { reason: '逾期异议' } });
    expect(late.status).toBe(404);
  });

  it('shows the long-term list with name and amount only', async () => {
    const village = `测试村${crypto.randomBytes(3).toString('hex')}`;
    await api.db.assistanceListEntry.createMany({
      data: [['赵六', 480], ['钱七', 512.5]].map(([name, amount]) => ({
        category: 'dibao', townshipCode: TOWNSHIP_A, village, householdName: name as string, amount: amount as number, since: new Date(), noticeId: 'n',
      })),
    });
    const r = await api.request('GET', `/public/assistance-list?township=${TOWNSHIP_A}&village=${encodeURIComponent(village)}`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ items: [{ name: '赵六', amount: 480 }, { name: '钱七', amount: 512.5 }], total: 2, page: 1, pageSize: 20 });
    const other = await api.request('GET', `/public/assistance-list?category=tekun&township=${TOWNSHIP_A}&village=${encodeURIComponent(village)}`);
    expect(other.body.total).toBe(0);
    // PostgreSQL holds no NUL: the filter refuses one, naming the field, rather than failing the query.
    const nul = await api.request('GET', `/public/assistance-list?village=${encodeURIComponent('村\u0000')}`);
    expect(nul.status).toBe(400);
    expect(nul.body.error.fields).toEqual([expect.objectContaining({ field: 'query.village' })]);
  });

  it('documents the public endpoints in OpenAPI as public', async () => {
    const doc = (await api.request('GET', '/api/openapi.json')).body;
    const page = doc.paths['/public/cases/{caseNo}'].get;
    expect(page.security).toBeUndefined();
    expect(page.description).toBe('Public.');
    expect(Object.keys(page.responses).sort()).toEqual(['200', '400', '404', '429', '503']);
    expect(doc.paths['/public/cases/{caseNo}/satisfaction'].post.security).toBeUndefined();
    expect(Object.keys(page.responses['200'].content['application/json'].schema.properties).sort())
      .toEqual(PUBLIC_CASE_FIELDS);
    expect(doc.paths['/public/notices'].get.security).toBeUndefined();
    expect(doc.paths['/public/notices/{id}/objections'].post.requestBody.content['application/json'].schema.required).toEqual(['reason']);
    expect(doc.paths['/api/notices/{id}/resolve'].post.description).toBe('Allowed roles: county_reviewer.');
  });
});

describe('rate limiting', () => {
  // Two API processes on a database of their own (no other file's calls in its count), as behind a proxy.
  let limited: ApiStack;
  let replica: ApiStack;
  beforeAll(async () => {
    const databaseUrl = await freshDatabase();
    [limited, replica] = await Promise.all([0, 1].map(() => startApiStack({ PUBLIC_RATE_LIMIT: '3' }, { databaseUrl, worker: false }))) as [ApiStack, ApiStack];
  });
  afterAll(async () => { await Promise.all([limited?.stop(), replica?.stop()]); });

  it('refuses an address that calls too often, whether its guesses hit or miss, counting its calls to every API process', async () => {
    const statuses: number[] = [];
    const calls: Array<[ApiStack, string]> = [[limited, '/public/cases/XF1999-000001?code=AAAAAAAA'], [replica, '/public/cases/XF1999-000002?code=BBBBBBBB'], [limited, '/public/notices']];
    for (const [api, path] of calls) statuses.push((await api.request('GET', path)).status);
    expect(statuses).toEqual([404, 404, 200]);
    expect((await replica.request('GET', '/public/notices')).status).toBe(429);
    const refused = await limited.request('GET', '/public/cases/XF1999-000003?code=CCCCCCCC');
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Staff endpoints are not counted against the public allowance.
    expect((await limited.request('GET', '/healthz')).status).toBe(200);
  });
});
