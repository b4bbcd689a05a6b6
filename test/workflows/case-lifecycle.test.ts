// The case workflow on the real time-skipping test server, with its real activities on PostgreSQL.
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAGE_MOVES } from '../../domain/actions';
import { STAGES, type Stage } from '../../domain/case';
import { FailureType } from '../../domain/messages';
import { HAPPY_PATH, inputs, TOWNSHIP_B, type StageAction } from '../support/fixtures';
import { expectedDue } from '../support/day-oracle';
import { startCase, startTimeSkipping, type ClockTestKit, type TestCase } from '../support/time-skipping';

let kit: ClockTestKit;
beforeAll(async () => { kit = await startTimeSkipping(); });
afterAll(async () => { await kit?.stop(); });

const DAY = 24 * 3600_000;

async function refusedWith(p: Promise<unknown>): Promise<{ type: string | undefined; details: unknown }> {
  const e = await p.then(() => { throw new Error('expected the update to be refused'); }, (err: unknown) => err);
  expect(e).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (e as WorkflowUpdateFailedError).cause;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  return { type: (cause as ApplicationFailure).type ?? undefined, details: (cause as ApplicationFailure).details?.[0] };
}

/** The actions, as a role who may take them, that bring a new complaint to a stage (review: see review-chain.test.ts). */
type ActionStage = Exclude<Stage, 'review'>;
const pathTo: Record<ActionStage, StageAction[]> = {
  registered: [],
  investigation: ['accept'],
  recheck: ['accept', 'submit-investigation'],
  reply: ['accept', 'submit-investigation', 'approve'],
  follow_up: ['accept', 'submit-investigation', 'approve', 'reply'],
  closed: HAPPY_PATH,
};

async function caseAt(stage: ActionStage): Promise<TestCase> {
  const c = await startCase(kit);
  for (const a of pathTo[stage]) await c.act(a, inputs[a] as never);
  return c;
}

describe('case workflow', () => {
  it('walks a complaint from registration to closure, recording each stage and due date', async () => {
    const c = await startCase(kit);
    let v = await c.view();
    expect(v.stage).toBe('registered');
    expect(v.caseNo).toMatch(/^XF\d{4}-\d{6}$/);
    expect(v.stageDueAt).toBe(expectedDue(v.clocks![0]!.startedAt, 15, 'days'));

    await kit.env.sleep('2 days');
    v = await c.act('accept', { township: TOWNSHIP_B, note: '受理' });
    expect(v.stage).toBe('investigation');
    expect(v.township).toBe(TOWNSHIP_B);
    const acceptedAt = new Date(v.acceptedAt!);
    expect(v.replyDueAt).toBe(expectedDue(v.acceptedAt!, 60, 'days'));
    expect(v.stageDueAt).toBe(expectedDue(v.acceptedAt!, 15, 'workingDays'));

    await kit.env.sleep('5 days');
    v = await c.act('submit-investigation', inputs['submit-investigation'], 'township_officer');
    expect(v.stage).toBe('recheck');
    expect(v.stageDueAt).toBe(expectedDue(v.rounds[0]!.submittedAt, 5, 'workingDays'));

    v = await c.act('approve', inputs.approve, 'county_reviewer');
    expect(v.stage).toBe('reply');
    expect(v.stageDueAt).toBe(v.replyDueAt);

    v = await c.act('reply', inputs.reply, 'county_reviewer');
    expect(v.stage).toBe('follow_up');
    expect(v.outcome).toBe('replied');

    v = await c.act('follow-up', inputs['follow-up']);
    expect(v.stage).toBe('closed');
    expect(v.closedAt).toBeDefined();
    // Closed, but the workflow runs until the 复查 window ends unused.
    expect(v.review!.window!.level).toBe('review');
    const result = await c.handle.result();
    expect(result.stage).toBe('closed');
    expect(result.review!.window).toMatchObject({ level: 'review', lapsed: true });

    const events = await kit.db.caseEvent.findMany({ where: { caseId: c.caseId }, orderBy: { seq: 'asc' } });
    expect(events.map((e) => e.type)).toEqual(['registered', ...HAPPY_PATH, 'review-window-closed']);
    const row = await kit.db.case.findUniqueOrThrow({ where: { id: c.caseId } });
    expect(row.stage).toBe('closed');
    expect(row.townshipCode).toBe(TOWNSHIP_B);
    expect(row.lastEventSeq).toBe(7);
  });

  it('keeps every round of the send-back loop', async () => {
    const c = await caseAt('recheck');
    await c.act('return', { reason: '缺少邻里走访记录' }, 'county_reviewer');
    await c.act('submit-investigation', { findings: '补充邻里走访', proposedOutcome: 'explain' }, 'township_officer');
    await c.act('return', { reason: '证据仍不足' }, 'county_reviewer');
    await c.act('submit-investigation', { findings: '补充收入证明', proposedOutcome: 'support' }, 'township_officer');
    const v = await c.act('approve', { note: '同意' }, 'county_reviewer');
    expect(v.stage).toBe('reply');
    expect(v.rounds.map((r) => [r.round, r.proposedOutcome, r.review?.decision])).toEqual([
      [1, 'support', 'returned'], [2, 'explain', 'returned'], [3, 'support', 'approved'],
    ]);
    expect(v.rounds[1]!.review!.reason).toBe('证据仍不足');
    const row = await kit.db.case.findUniqueOrThrow({ where: { id: c.caseId } });
    expect(row.investigationRounds).toBe(3);
  });

  it.each([
    ['reject', 'rejected'], ['forward', 'forwarded'],
  ] as const)('closes a case at registration by %s', async (action, outcome) => {
    const c = await startCase(kit);
    const v = await c.act(action, inputs[action] as never);
    expect([v.stage, v.outcome]).toEqual(['closed', outcome]);
  });

  it('answers a consultation on the spot, and refuses that for other kinds', async () => {
    const consultation = await startCase(kit, { kind: 'consultation' });
    const v = await consultation.act('answer', inputs.answer);
    expect([v.stage, v.outcome]).toEqual(['closed', 'answered']);

    const complaint = await startCase(kit, { kind: 'complaint' });
    const refused = await refusedWith(complaint.act('answer', inputs.answer));
    expect(refused.type).toBe(FailureType.actionNotAllowed);
    expect((await complaint.view()).stage).toBe('registered');
  });

  // Every stage a running workflow can be in, against every action not allowed there.
  for (const stage of STAGES.filter((s): s is ActionStage => s !== 'closed' && s !== 'review')) {
    it(`refuses in stage "${stage}" every action of another stage, changing nothing`, async () => {
      const c = await caseAt(stage);
      const before = await c.view();
      const wrong = STAGE_MOVES.filter((m) => m.from !== stage).map((m) => m.action as StageAction);
      expect(wrong.length).toBeGreaterThan(0);
      for (const a of wrong) {
        const refused = await refusedWith(c.act(a, inputs[a] as never));
        expect(refused.type, a).toBe(FailureType.actionNotAllowed);
      }
      expect(await c.view()).toEqual(before);
      const events = await kit.db.caseEvent.count({ where: { caseId: c.caseId } });
      expect(events).toBe(1 + pathTo[stage].length);
    });
  }

  // The input's shape is the API's to check (test/api/bad-input.test.ts); the role in the stage is the workflow's too.
  it('refuses a step to a role the stage does not give it, changing nothing', async () => {
    const c = await caseAt('reply');
    const before = await c.view();
    const refused = await refusedWith(c.act('reply', inputs.reply, 'township_officer'));
    expect(refused.type).toBe(FailureType.forbidden);
    expect(await c.view()).toEqual(before);
  });

  it('refuses a registration retry whose request differs from the first', async () => {
    const c = await startCase(kit);
    const refused = await refusedWith(c.handle.executeUpdate('register', { args: [{ fingerprint: 'other' }] }));
    expect(refused.type).toBe(FailureType.idempotencyConflict);
  });
});
