// The notice cycle (公示—复议—公示) on the real time-skipping test server, with its real activities.
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FailureType } from '../../domain/messages';
import { THREE_ROUNDS, type ResolutionInput } from '../../domain/notice';
import {
  noticeViewQuery, objectUpdate, resolveObjectionsUpdate, type NoticeCycleInput, type NoticeView,
} from '../../domain/notice-messages';
import { DEFAULT_NOTICE_POLICY } from '../../domain/notice';
import { actor } from '../support/fixtures';
import { appraisal, noticeInput, startNotice } from '../support/notice-fixtures';
import { cstDate, dayOracle, endOf } from '../support/day-oracle';
import { startCase, startTimeSkipping, type ClockTestKit } from '../support/time-skipping';

let kit: ClockTestKit;
let caseId: string;
beforeAll(async () => {
  kit = await startTimeSkipping();
  caseId = (await startCase(kit)).caseId;
});
afterAll(async () => { await kit?.stop(); });

// A notice's period counts as every limit in days does (day of posting not counted, ends at 24:00, a last rest
// day moves on); the cycle runs on a calendar of weekends only.
const weekendsOnly = dayOracle([]);
const periodEnd = (from: string | undefined, n: number) => endOf(weekendsOnly.days(cstDate(from!), n).last);
/** Skips the test server's clock to `minutes` past the given instant. */
async function skipPast(iso: string | undefined, minutes = 1): Promise<void> {
  await kit.env.sleep(Math.max(0, Date.parse(iso!) - await kit.env.currentTimeMs()) + minutes * 60_000);
}

async function start(overrides: Partial<NoticeCycleInput> = {}) {
  const input = noticeInput(caseId, overrides);
  const handle = await startNotice(kit.env.client, kit.worker.options.taskQueue, input);
  const view = () => handle.query(noticeViewQuery);
  const object = (reason: string, extra: { name?: string; contact?: string } = {}) => handle.executeUpdate(objectUpdate, { args: [{ reason, ...extra }] });
  const resolve = (r: ResolutionInput | Record<string, unknown>) =>
    handle.executeUpdate(resolveObjectionsUpdate, { args: [{ actor: actor('county_reviewer', '社会救助股 王复核'), input: r as ResolutionInput }] });
  return { input, handle, view, object, resolve };
}

async function refusal(p: Promise<unknown>) {
  const e = await p.then(() => { throw new Error('expected a refusal'); }, (err: unknown) => err);
  expect(e).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (e as WorkflowUpdateFailedError).cause as ApplicationFailure;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  return { type: cause.type, message: cause.message, fields: (cause.details?.[0] as { fields?: { field: string; message: string }[] })?.fields };
}

const eventTypes = async (noticeId: string) =>
  (await kit.db.noticeEvent.findMany({ where: { noticeId }, orderBy: { seq: 'asc' } })).map((e) => e.type);

/** The notice's row once its activity has recorded the phase the workflow is in (the query can answer first). */
const rowIn = (id: string, phase: string) => vi.waitFor(async () => {
  const row = await kit.db.notice.findUniqueOrThrow({ where: { id } });
  expect(row.phase).toBe(phase);
  return row;
});

const listEntry = (input: NoticeCycleInput) => kit.db.assistanceListEntry.findUnique({
  where: { category_townshipCode_village_householdName: { category: input.category, townshipCode: input.township, village: input.household.village, householdName: input.household.name } },
});

/** Skips to just after the first notice closes, where a round with objections waits for review. */
async function toReview(n: Awaited<ReturnType<typeof start>>): Promise<NoticeView> {
  await skipPast((await n.view()).closesAt);
  const v = await n.view();
  expect(v.phase).toBe('review');
  return v;
}

describe('notice cycle', () => {
  it('confirms a decision nobody objects to after 7 days, and lists the household', async () => {
    const n = await start();
    const posted = await n.view();
    expect([posted.phase, posted.round, posted.rounds[0]!.level]).toEqual(['first_notice', 1, 'county']);
    expect(posted.closesAt).toBe(periodEnd(posted.postedAt, 7));
    const row = await rowIn(n.input.noticeId, 'first_notice');
    expect([row.phase, row.householdName, row.decision, Number(row.amount)]).toEqual(['first_notice', n.input.household.name, 'grant', 520]);
    expect(row.closesAt!.toISOString()).toBe(posted.closesAt);

    const result = await n.handle.result();
    expect(result.outcome).toBe('confirmed');
    expect(result.decision).toEqual({ decision: 'grant', amount: 520 });
    expect(result.effectiveAt).toBe(posted.closesAt);
    expect(await eventTypes(n.input.noticeId)).toEqual(['first_notice_posted', 'first_notice_closed', 'effective']);
    const entry = await listEntry(n.input);
    expect(Number(entry!.amount)).toBe(520);
    const done = await rowIn(n.input.noticeId, 'effective');
    expect([done.phase, done.outcome, done.postedAt, done.closesAt]).toEqual(['effective', 'confirmed', null, null]);
  });

  // An objection's shape (a reason is required) is checked by the API: test/api/public.test.ts.
  it('takes objections only during the window', async () => {
    const n = await start();

    await kit.env.sleep('6 days');
    const receipt = await n.object('该户有子女在外务工，收入较高', { name: '李四', contact: '13900000000' });
    expect(receipt.objectionNo).toBe(1);
    const anonymous = await n.object('家中有轿车一辆');
    expect(anonymous.objectionNo).toBe(2);
    const v = await toReview(n);
    expect(v.objections.map((o) => [o.no, o.round, o.name])).toEqual([[1, 1, '李四'], [2, 1, undefined]]);

    const late = await refusal(n.object('逾期提出的异议'));
    expect(late.type).toBe(FailureType.actionNotAllowed);
    expect(late.message).toMatch(/not open for objections/);
    const row = await rowIn(n.input.noticeId, 'review');
    expect([row.objections, row.postedAt]).toEqual([2, null]);
    const stored = await kit.db.noticeEvent.findFirstOrThrow({ where: { noticeId: n.input.noticeId, type: 'objection' }, orderBy: { seq: 'asc' } });
    expect(stored.data).toMatchObject({ reason: '该户有子女在外务工，收入较高', name: '李四', contact: '13900000000' });
    await n.handle.terminate('test over');
  });

  it('refuses a resolution before any review, and a review result that changes nothing', async () => {
    const n = await start();
    const early = await refusal(n.resolve({ method: 'reinvestigation', findings: '复查属实', upheld: true }));
    expect(early.type).toBe(FailureType.actionNotAllowed);
    await n.object('收入不实');
    await toReview(n);
    const same = await refusal(n.resolve({ method: 'reinvestigation', findings: '复查', upheld: false, revised: { decision: 'grant', amount: 520 } }));
    expect(same.type).toBe(FailureType.invalidInput);
    expect(same.fields).toEqual([{ field: 'revised', message: 'must differ from the decision under notice (otherwise the decision is upheld)' }]);
    const noRevision = await refusal(n.resolve({ method: 'reinvestigation', findings: '复查', upheld: false }));
    expect(noRevision.fields!.map((f) => f.field)).toEqual(['revised']);
    expect((await n.view()).phase).toBe('review');
    await n.handle.terminate('test over');
  });

  it('upholds the decision after a re-investigation, posts a 3-day second notice, then takes effect', async () => {
    const n = await start();
    await kit.env.sleep('2 days');
    await n.object('该户收入不实');
    await toReview(n);
    await kit.env.sleep('4 days');
    const resolved = await n.resolve({ method: 'reinvestigation', findings: '入户复查：收入属实，符合条件', upheld: true });
    expect(resolved.phase).toBe('second_notice');
    const round = resolved.rounds[0]!;
    expect(round.resolution).toMatchObject({ method: 'reinvestigation', upheld: true, by: '社会救助股 王复核', result: { decision: 'grant', amount: 520 } });
    expect(round.secondClosesAt).toBe(periodEnd(round.secondPostedAt, 3));
    const row = await rowIn(n.input.noticeId, 'second_notice');
    expect([row.reviewResult, row.closesAt!.toISOString()]).toEqual(['upheld', round.secondClosesAt]);

    const result = await n.handle.result();
    expect(result.outcome).toBe('confirmed');
    expect(result.effectiveAt).toBe(round.secondClosesAt);
    expect(await eventTypes(n.input.noticeId)).toEqual([
      'first_notice_posted', 'objection', 'review_opened', 'objections_resolved', 'second_notice_posted', 'effective',
    ]);
    expect(Number((await listEntry(n.input))!.amount)).toBe(520);
  });

  it('revises the amount after a re-investigation and lists the revised amount', async () => {
    const n = await start({ proposed: { decision: 'grant', amount: 600 } });
    await n.object('人口数不实');
    await toReview(n);
    await n.resolve({ method: 'reinvestigation', findings: '实际共同生活人口2人', upheld: false, revised: { decision: 'grant', amount: 400 } });
    const result = await n.handle.result();
    expect([result.outcome, result.decision]).toEqual(['revised', { decision: 'grant', amount: 400 }]);
    expect(Number((await listEntry(n.input))!.amount)).toBe(400);
  });

  it('settles objections by a democratic appraisal, enforcing its rules, and follows the vote', async () => {
    const n = await start();
    await n.object('该户不符合条件');
    await toReview(n);

    const small = await refusal(n.resolve({ method: 'appraisal', appraisal: appraisal({ members: 14, present: 14, votesFor: 14 }) }));
    expect(small.type).toBe(FailureType.invalidInput);
    expect(small.fields).toEqual([{ field: 'appraisal.members', message: 'the panel needs at least 15 members without a conflict of interest (has 14)' }]);
    const thin = await refusal(n.resolve({ method: 'appraisal', appraisal: appraisal({ members: 15, present: 9, votesFor: 9 }) }));
    expect(thin.fields).toEqual([{ field: 'appraisal.members', message: 'at least two thirds of the panel must attend: 9 of 15 present, 10 needed' }]);
    // 7 of 12 votes is short of two thirds: the decision does not stand, so a revision is required.
    const failedVote = appraisal({ members: 15, present: 12, votesFor: 7, recused: 1 });
    const unrevised = await refusal(n.resolve({ method: 'appraisal', appraisal: failedVote }));
    expect(unrevised.fields!.map((f) => f.field)).toEqual(['revised']);
    expect((await n.view()).phase).toBe('review');

    const v = await n.resolve({ method: 'appraisal', appraisal: failedVote, revised: { decision: 'deny' } });
    expect(v.rounds[0]!.resolution).toMatchObject({
      method: 'appraisal', upheld: false, result: { decision: 'deny' },
      tally: { panel: 15, recused: 1, present: 12, votesFor: 7, votesAgainst: 5, abstentions: 0, passed: false },
    });
    const result = await n.handle.result();
    expect([result.outcome, result.decision]).toEqual(['revised', { decision: 'deny' }]);
    expect(await listEntry(n.input)).toBeNull();
  });

  it('upholds a removal when two thirds of the appraisal vote for it, and takes the household off the list', async () => {
    const household = { name: `王${Date.now()}`, village: '前进村' };
    const n = await start({ household, proposed: { decision: 'remove' } });
    await kit.db.assistanceListEntry.create({ data: { category: 'dibao', townshipCode: n.input.township, village: household.village, householdName: household.name, amount: 300, since: new Date(), noticeId: 'earlier' } });
    await n.object('该户确有困难，不应取消');
    await toReview(n);
    const v = await n.resolve({ method: 'appraisal', appraisal: appraisal({ members: 15, present: 10, votesFor: 7 }), note: '村民代表会议评议' });
    expect(v.rounds[0]!.resolution).toMatchObject({ upheld: true, result: { decision: 'remove' } });
    const result = await n.handle.result();
    expect(result.outcome).toBe('confirmed');
    expect(await listEntry(n.input)).toBeNull();
  });

  it('runs the three-round variant: village, township and county notices in turn', async () => {
    const n = await start({ policy: { ...DEFAULT_NOTICE_POLICY, rounds: THREE_ROUNDS } });
    const village = await n.view();
    expect([village.round, village.rounds[0]!.level, village.levels]).toEqual([1, 'village', ['village', 'township', 'county']]);

    await skipPast(village.closesAt);
    const township = await n.view();
    expect([township.phase, township.round, township.rounds[1]!.level]).toEqual(['first_notice', 2, 'township']);
    expect(township.rounds[1]!.postedAt).toBe(periodEnd(township.rounds[0]!.postedAt, 7));
    expect((await n.object('乡镇公示期间的异议')).objectionNo).toBe(1);
    await toReview(n);
    const second = await n.resolve({ method: 'reinvestigation', findings: '乡镇复查属实', upheld: true });
    await skipPast(second.closesAt);
    const county = await n.view();
    expect([county.phase, county.round, county.rounds[2]!.level]).toEqual(['first_notice', 3, 'county']);

    const result = await n.handle.result();
    expect(result.outcome).toBe('confirmed');
    const rounds = (await n.view()).rounds;
    expect(rounds.map((r) => [r.level, r.objections, r.resolution?.upheld])).toEqual([['village', 0, undefined], ['township', 1, true], ['county', 0, undefined]]);
    expect(result.effectiveAt).toBe(periodEnd(rounds[2]!.postedAt, 7));
    expect(await eventTypes(n.input.noticeId)).toEqual([
      'first_notice_posted', 'first_notice_closed',
      'first_notice_posted', 'objection', 'review_opened', 'objections_resolved', 'second_notice_posted',
      'first_notice_posted', 'first_notice_closed',
      'effective',
    ]);
  });
});
