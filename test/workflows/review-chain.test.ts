// The statutory review chain, satisfaction, notice cycles started by a reply, and the repeat-petition
// flag, on the real time-skipping test server with the real activities on PostgreSQL.
import crypto from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAGE_MOVES, type ActionInput } from '../../domain/actions';
import { DAY_MS, dayStart } from '../../domain/calendar';
import {
  actionUpdates, FailureType, type CaseView,
} from '../../domain/messages';
import { noticeViewQuery } from '../../domain/notice-messages';
import { expectedDue } from '../support/day-oracle';
import { actor, inputs, uniquePetitioner } from '../support/fixtures';
import { startCase, startTimeSkipping, type ClockTestKit, type TestCase } from '../support/time-skipping';

let kit: ClockTestKit;
beforeAll(async () => { kit = await startTimeSkipping(); });
afterAll(async () => { await kit?.stop(); });

const review = <A extends 'request-review' | 'decide-review'>(c: TestCase, action: A, input: ActionInput<A>, role = action === 'request-review' ? 'desk' : 'county_reviewer') =>
  c.send(actionUpdates[action], { actor: actor(role), input });
const ask = (c: TestCase, requestedAt?: string) => review(c, 'request-review', { reason: '对答复意见不服', body: '市民政局', requestedAt });
const decide = (c: TestCase, result: 'upheld' | 'changed' = 'upheld') => review(c, 'decide-review', { result, opinion: '维持原处理意见' });
const rate = (c: TestCase, response: 'satisfied' | 'unsatisfied') => c.send(actionUpdates['petitioner-satisfaction'], { input: { response } });

async function refusal(p: Promise<unknown>): Promise<{ type?: string; message: string; fields?: unknown }> {
  const e = await p.then(() => { throw new Error('expected a refusal'); }, (err: unknown) => err);
  expect(e).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (e as WorkflowUpdateFailedError).cause as ApplicationFailure;
  return { type: cause.type ?? undefined, message: cause.message, fields: (cause.details?.[0] as { fields?: unknown } | undefined)?.fields };
}

/** A complaint taken to its written reply (stage follow_up). */
async function replied(overrides = {}, reply: typeof inputs.reply = inputs.reply): Promise<{ c: TestCase; v: CaseView }> {
  const c = await startCase(kit, overrides);
  await c.act('accept', inputs.accept);
  await c.act('submit-investigation', inputs['submit-investigation'], 'township_officer');
  await c.act('approve', inputs.approve, 'county_reviewer');
  const v = await c.act('reply', reply, 'county_reviewer');
  return { c, v };
}

/** 24:00 of the 30th day after `iso`'s day, moved past rest days (DESIGN.md §7). */
const thirtyDaysOn = (iso: string) => expectedDue(iso, 30, 'days');

const eventTypes = async (caseId: string) =>
  (await kit.db.caseEvent.findMany({ where: { caseId }, orderBy: { seq: 'asc' } })).map((e) => e.type);

describe('review chain', () => {
  it('opens a 30-day window at the reply: a request on day 30 is accepted, on day 31 refused with the reason', async () => {
    // Day 30 must not become day 31 while the test runs: start away from midnight (China Standard Time).
    const sinceMidnight = await kit.env.currentTimeMs() - dayStart(await kit.env.currentTimeMs());
    if (sinceMidnight > DAY_MS - 3600_000) await kit.env.sleep('2 hours');
    const early = await replied();
    const late = await replied();
    for (const { v } of [early, late]) expect(v.review!.window).toEqual({ level: 'review', opensAt: v.repliedAt, endsAt: thirtyDaysOn(v.repliedAt!) });

    await kit.env.sleep('30 days');
    const asked = await ask(early.c);
    expect(asked.stage).toBe('review');
    const request = asked.review!.requests[0]!;
    expect([request.level, request.body, request.recordedBy]).toEqual(['review', '市民政局', 'desk']);
    // Decided within 30 days by the next level: the review clock runs with its ladder.
    expect(request.dueAt).toBe(expectedDue(request.requestedAt, 30, 'days'));
    expect(asked.stageDueAt).toBe(request.dueAt);
    expect(asked.clocks!.filter((k) => !k.stoppedAt).map((k) => k.kind)).toEqual(['review']);

    await kit.env.sleep('1 day');
    const refused = await refusal(ask(late.c));
    expect(refused.type).toBe(FailureType.actionNotAllowed);
    expect(refused.message).toMatch(/^the window for 复查 ended at \d{4}-\d{2}-\d{2} 24:00 \(China Standard Time\); the request is too late$/);
    expect(refused.fields).toEqual([{ field: 'requestedAt', message: refused.message }]);
    expect((await late.c.view()).stage).toBe('follow_up');
  });

  it('takes a request dated on day 30 and recorded later (a letter), and refuses dates outside the window', async () => {
    const { c, v } = await replied();
    const day30 = new Date(Date.parse(thirtyDaysOn(v.repliedAt!)) - 3600_000).toISOString();
    await kit.env.sleep('32 days');
    const beforeReply = await refusal(ask(c, new Date(Date.parse(v.repliedAt!) - DAY_MS).toISOString()));
    expect([beforeReply.type, beforeReply.fields]).toEqual([FailureType.actionNotAllowed, [{ field: 'requestedAt', message: expect.stringMatching(/^the window for 复查 opened at /) }]]);
    const ahead = await refusal(ask(c, new Date(await kit.env.currentTimeMs() + DAY_MS).toISOString()));
    expect(ahead.message).toBe('a request cannot be dated in the future');
    const asked = await ask(c, day30);
    expect([asked.stage, asked.review!.requests[0]!.requestedAt]).toEqual(['review', day30]);
  });

  it('takes 复查, then 复核, and makes the matter final (终结), after which the workflow completes', async () => {
    const { c } = await replied({ petitioner: uniquePetitioner() });
    await c.act('follow-up', { ...inputs['follow-up'], response: 'unsatisfied' });
    await kit.env.sleep('5 days');
    await ask(c);
    expect((await refusal(ask(c))).message).toBe('a 复查 is already waiting for its decision');
    // Every stage action is refused while the next level decides.
    for (const { action: a } of STAGE_MOVES) expect((await refusal(c.act(a, inputs[a as keyof typeof inputs] as never))).type, a).toBe(FailureType.actionNotAllowed);

    await kit.env.sleep('20 days');
    const decided = await decide(c);
    expect(decided.stage).toBe('closed');
    expect(decided.review!.requests[0]).toMatchObject({ result: 'upheld', opinion: '维持原处理意见', decidedBy: 'county_reviewer' });
    const decidedAt = decided.review!.requests[0]!.decidedAt!;
    expect(decided.review!.window).toEqual({ level: 're_review', opensAt: decidedAt, endsAt: thirtyDaysOn(decidedAt) });
    expect(decided.clocks!.filter((k) => !k.stoppedAt)).toEqual([]);

    await kit.env.sleep('30 days');
    const second = await ask(c);
    expect(second.review!.requests.map((r) => r.level)).toEqual(['review', 're_review']);
    const final = await decide(c, 'changed');
    expect(final.review!.finalAt).toBe(final.review!.requests[1]!.decidedAt);
    expect(final.review!.window).toBeUndefined();

    const result = await c.handle.result();
    expect([result.stage, result.review!.finalAt]).toEqual(['closed', final.review!.finalAt]);
    expect(await eventTypes(c.caseId)).toEqual([
      'registered', 'accept', 'submit-investigation', 'approve', 'reply', 'follow-up',
      'request-review', 'decide-review', 'request-review', 'decide-review',
    ]);
    const row = await kit.db.case.findUniqueOrThrow({ where: { id: c.caseId } });
    expect([row.stage, row.finalAt?.toISOString(), row.reviewWindow, row.reviewPending, row.satisfaction]).toEqual(['closed', final.review!.finalAt, null, null, 'unsatisfied']);
  });

  it('runs the next level\'s 30 days on the review clock: warned, urged and supervised when late', async () => {
    const { c } = await replied();
    const asked = await ask(c);
    await kit.env.sleep('40 days');
    const late = await c.view();
    const clock = late.clocks!.find((k) => k.kind === 'review')!;
    expect([clock.level, clock.dueAt, late.stage]).toEqual(['supervision', asked.review!.requests[0]!.dueAt, 'review']);
    const ladder = await kit.db.caseEvent.findMany({ where: { caseId: c.caseId, type: { in: ['warning', 'urging', 'supervision'] } }, orderBy: { seq: 'asc' } });
    expect(ladder.map((e) => [e.type, (e.data as { clock: string }).clock])).toEqual([['warning', 'review'], ['urging', 'review'], ['supervision', 'review']]);
    const decided = await decide(c);
    expect(decided.clocks!.find((k) => k.kind === 'review')!.stoppedAt).toBe(decided.review!.requests[0]!.decidedAt);
  });

  it('closes for good when no request comes in the window, keeping the ended window for the reason of a late request', async () => {
    const { c, v } = await replied();
    await c.act('follow-up', inputs['follow-up']);
    const result = await c.handle.result();
    const endsAt = thirtyDaysOn(v.repliedAt!);
    expect(result.review!.window).toEqual({ level: 'review', opensAt: v.repliedAt, endsAt, lapsed: true });
    const last = await kit.db.caseEvent.findFirstOrThrow({ where: { caseId: c.caseId }, orderBy: { seq: 'desc' } });
    expect([last.type, last.at.toISOString(), last.data]).toEqual(['review-window-closed', endsAt, { level: 'review' }]);
    const row = await kit.db.case.findUniqueOrThrow({ where: { id: c.caseId } });
    expect([row.stage, row.reviewWindow, row.reviewWindowEndsAt?.toISOString(), row.finalAt]).toEqual(['closed', 'review', endsAt, null]);
  });

  it('takes the petitioner\'s satisfaction once, within the 复查 window', async () => {
    const before = await startCase(kit);
    expect((await refusal(rate(before, 'satisfied'))).message).toBe('satisfaction can be given from the written reply until the 复查 window ends');

    const { c } = await replied();
    const rated = await rate(c, 'unsatisfied');
    expect(rated.satisfaction!.petitioner).toMatchObject({ response: 'unsatisfied' });
    expect((await refusal(rate(c, 'satisfied'))).message).toBe('satisfaction was already given for this case');
    const row = await kit.db.case.findUniqueOrThrow({ where: { id: c.caseId } });
    expect(row.petitionerSatisfaction).toBe('unsatisfied');

    const { c: late, v: lateReply } = await replied();
    // Past the window's end: 30 days on, later when the 30th is a rest day.
    await kit.env.sleep(Date.parse(lateReply.review!.window!.endsAt) - await kit.env.currentTimeMs() + 60_000);
    expect((await refusal(rate(late, 'satisfied'))).type).toBe(FailureType.actionNotAllowed);
  });

  it('posts a reply that changes someone\'s assistance for public notice, and waits for it to take effect', async () => {
    const household = { name: `李${crypto.randomBytes(3).toString('hex')}`, village: '前进村' };
    const { c, v } = await replied({}, { ...inputs.reply, assistance: { household, decision: 'grant', amount: 480 } });
    expect(v.notices).toEqual([{ noticeId: `${c.caseId}-notice-1`, household: household.name, decision: 'grant', startedAt: v.repliedAt }]);
    const notice = kit.env.client.workflow.getHandle(`${c.caseId}-notice-1`);
    const posted = await notice.query(noticeViewQuery);
    expect([posted.phase, posted.household, posted.proposed]).toEqual(['first_notice', household, { decision: 'grant', amount: 480 }]);

    await c.act('follow-up', inputs['follow-up']);
    const result = await c.handle.result();
    expect(result.notices![0]).toMatchObject({ outcome: 'confirmed', effectiveAt: posted.closesAt });
    expect(await eventTypes(c.caseId)).toEqual([
      'registered', 'accept', 'submit-investigation', 'approve', 'reply', 'notice-started', 'follow-up', 'notice-effective', 'review-window-closed',
    ]);
    const entry = await kit.db.assistanceListEntry.findFirstOrThrow({ where: { householdName: household.name } });
    expect(Number(entry.amount)).toBe(480);
  });

  it('flags a new petition by the same petitioner (ID number, or name and phone however written) after 复核, for the desk to confirm the matter', async () => {
    const petitioner = uniquePetitioner('王五');
    const { c } = await replied({ petitioner });
    await ask(c);
    await decide(c);
    await ask(c);
    await decide(c);
    await c.handle.result();
    const earlier = await kit.db.case.findUniqueOrThrow({ where: { id: c.caseId } });

    const again = await startCase(kit, { petitioner: { ...petitioner, name: '王 五' } });
    // Whether another category is the same matter is the desk's judgement: it is flagged as well.
    const otherMatter = await startCase(kit, { petitioner, category: 'medical' });
    const phone = petitioner.phone.replace(/^(...)(....)(....)$/, '+86 $1-$2-$3');
    const byPhone = await startCase(kit, { petitioner: { name: '王　五', phone } });
    const namesake = await startCase(kit, { petitioner: { name: '王五', phone: '13700000001' } });
    const rows = await kit.db.case.findMany({ where: { id: { in: [again, otherMatter, byPhone, namesake].map((c) => c.caseId) } } });
    const flag = Object.fromEntries(rows.map((r) => [r.id, r.repeatOfCaseId]));
    expect(flag).toEqual({ [again.caseId]: earlier.id, [otherMatter.caseId]: earlier.id, [byPhone.caseId]: earlier.id, [namesake.caseId]: null });
    const registered = await kit.db.caseEvent.findFirstOrThrow({ where: { caseId: again.caseId, seq: 1 } });
    expect(registered.data).toMatchObject({ repeatOf: earlier.caseNo });
  });
});
