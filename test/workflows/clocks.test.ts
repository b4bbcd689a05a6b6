// The clocks of DESIGN.md §3 as durable timers, on the real time-skipping test server with real activities.
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shift, type WorkCalendar } from '../../domain/calendar';
import { cstDate, dayOracle, endOf, expectedDue, expectedExtension, nextDate } from '../support/day-oracle';
import { calendarSignal, FailureType } from '../../domain/messages';
import { DEFAULT_EMERGENCY_ESCALATION, DEFAULT_ESCALATION } from '../../domain/policy';
import { DEMO_USERS } from '../../prisma/seed';
import { eventually } from '../support/eventually';
import { inputs, ownTownship, TEST_CALENDAR } from '../support/fixtures';
import { startCase, startTimeSkipping, type ClockTestKit, type TestCase } from '../support/time-skipping';

let kit: ClockTestKit;
beforeAll(async () => { kit = await startTimeSkipping(); });
afterAll(async () => { await kit?.stop(); });

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const events = (c: TestCase) => kit.db.caseEvent.findMany({ where: { caseId: c.caseId }, orderBy: { seq: 'asc' } });
const types = async (c: TestCase) => (await events(c)).map((e) => e.type);

/** Moves the test server's clock to `t` (never backwards). */
async function skipTo(t: number): Promise<void> {
  const now = await kit.env.currentTimeMs();
  if (t > now) await kit.env.sleep(t - now);
}

/** Moves the clock a minute past `at` and expects the level recorded within that minute, for that clock; answers the timeline. */
async function reachedAt(c: TestCase, level: string, at: number, data: Record<string, unknown>) {
  await skipTo(at + MINUTE);
  const all = await eventually(() => events(c), (es) => es.some((e) => e.type === level), level);
  const event = all.find((e) => e.type === level)!;
  expect(event.at.getTime()).toBeGreaterThanOrEqual(at);
  expect(event.at.getTime()).toBeLessThan(at + MINUTE);
  expect(event.data).toMatchObject(data);
  return all;
}

async function refusal(p: Promise<unknown>): Promise<string | undefined> {
  const e = await p.then(() => { throw new Error('expected the update to be refused'); }, (err: unknown) => err);
  expect(e).toBeInstanceOf(WorkflowUpdateFailedError);
  return ((e as WorkflowUpdateFailedError).cause as ApplicationFailure).type ?? undefined;
}

describe('escalation ladder', () => {
  it('walks a case left alone through warning, urging and supervision at the right virtual times', async () => {
    const c = await startCase(kit);
    const clock = (await c.view()).clocks![0]!;
    const due = Date.parse(clock.dueAt!);
    expect(clock.dueAt).toBe(expectedDue(clock.startedAt, 15, 'days'));
    const warnAt = shift(due, -DEFAULT_ESCALATION.warning.amount, 'workingDays', TEST_CALENDAR)!;
    const superviseAt = shift(due, DEFAULT_ESCALATION.supervision.amount, 'workingDays', TEST_CALENDAR)!;
    expect([clock.warnAt, clock.superviseAt]).toEqual([new Date(warnAt).toISOString(), new Date(superviseAt).toISOString()]);

    const ladder = [['warning', warnAt], ['urging', due], ['supervision', superviseAt]] as const;
    for (const [i, [level, at]] of ladder.entries()) {
      await skipTo(at - MINUTE);
      expect(await types(c), `no ${level} before its time`).not.toContain(level);
      const all = await reachedAt(c, level, at, { clock: 'acceptance', clockId: 'acceptance-1', dueAt: clock.dueAt });
      expect(all.map((e) => e.type)).toEqual(['registered', ...ladder.slice(0, i + 1).map(([l]) => l)]);
      const row = await eventually(() => kit.db.case.findUniqueOrThrow({ where: { id: c.caseId } }), (r) => r.escalation === level, `${level} in the read model`);
      expect(row.dueAt?.toISOString()).toBe(clock.dueAt);
    }

    // Each level once: a further week brings nothing new, and acting on the case stops the clock.
    await kit.env.sleep('7 days');
    expect(await types(c)).toEqual(['registered', 'warning', 'urging', 'supervision']);
    const notified = await kit.db.notification.findMany({ where: { caseId: c.caseId }, select: { key: true, recipient: true } });
    expect(new Set(notified.map((n) => n.key.split('/').at(-1)))).toEqual(new Set(['warning', 'urging', 'supervision']));
    const v = await c.act('accept', inputs.accept);
    expect(v.clocks!.find((k) => k.id === 'acceptance-1')!.stoppedAt).toBeDefined();
    expect(v.clocks!.map((k) => k.id)).toEqual(['acceptance-1', 'investigation-1', 'reply-1']);
  });

  it('starts a fresh investigation clock on a send-back while the reply clock runs on', async () => {
    const c = await startCase(kit);
    await c.act('accept', inputs.accept);
    await c.act('submit-investigation', inputs['submit-investigation'], 'township_officer');
    const v = await c.act('return', { reason: '缺少邻里走访记录' }, 'county_reviewer');
    expect(v.clocks!.filter((k) => !k.stoppedAt).map((k) => k.id)).toEqual(['reply-1', 'investigation-2']);
    const fresh = v.clocks!.find((k) => k.id === 'investigation-2')!;
    expect(v.stageDueAt).toBe(fresh.dueAt);
    expect(fresh.dueAt).toBe(expectedDue(fresh.startedAt, 15, 'workingDays'));
  });
});

describe('extensions', () => {
  it('moves the statutory reply clock once, and refuses a second request', async () => {
    const c = await startCase(kit, { petitioner: { name: '张三', email: 'zhangsan@example.cn' } });
    const accepted = await c.act('accept', inputs.accept);

    expect(await refusal(c.handle.executeUpdate('approve-extension', { args: [{ actor: actor('manager'), input: {} }] }))).toBe(FailureType.actionNotAllowed);
    // The county does not ask for the township's time while the township investigates.
    expect(await refusal(clockAct(c, 'request-extension', { days: 20, reason: '需补充调查' }, 'county_reviewer'))).toBe(FailureType.forbidden);

    await clockAct(c, 'request-extension', { days: 20, reason: '需组织听证' }, 'township_officer');
    expect(await refusal(clockAct(c, 'request-extension', { days: 10, reason: '再次申请' }, 'township_officer'))).toBe(FailureType.actionNotAllowed);
    const v = await clockAct(c, 'approve-extension', { note: '同意延期' }, 'manager');
    expect(v.replyDueAt).toBe(expectedExtension(accepted.replyDueAt!, 20));
    expect(v.extensions).toMatchObject([{ days: 20, status: 'approved', decision: '同意延期' }]);

    expect(await refusal(clockAct(c, 'request-extension', { days: 5, reason: '第二次延期' }, 'township_officer'))).toBe(FailureType.actionNotAllowed);
    expect((await c.view()).replyDueAt).toBe(v.replyDueAt);

    const approved = (await events(c)).find((e) => e.type === 'approve-extension')!;
    expect(approved.data).toMatchObject({ days: 20, reason: '需组织听证', previousReplyDueAt: accepted.replyDueAt, replyDueAt: v.replyDueAt });
    const told = await eventually(
      () => kit.db.notification.findMany({ where: { caseId: c.caseId, template: 'extension.approved' } }),
      (rows) => rows.length > 0 && rows.every((r) => r.status === 'sent'), 'the petitioner told');
    expect(told.map((r) => r.recipient)).toEqual(['zhangsan@example.cn']);
  });

  it('lets a declined request be followed by another', async () => {
    const c = await startCase(kit);
    await c.act('accept', inputs.accept);
    await clockAct(c, 'request-extension', { days: 10, reason: '材料未齐' }, 'township_officer');
    const declined = await clockAct(c, 'decline-extension', { reason: '理由不充分' }, 'manager');
    expect(declined.replyDueAt).toBe((await c.view()).replyDueAt);
    const again = await clockAct(c, 'request-extension', { days: 10, reason: '补充理由' }, 'township_officer');
    expect(again.extensions!.map((e) => e.status)).toEqual(['declined', 'requested']);
  });
});

describe('pauses', () => {
  it('does not count the days the clock stood still, and nothing escalates while paused', async () => {
    const c = await startCase(kit);
    const before = await c.view();
    await kit.env.sleep('2 days');
    const paused = await clockAct(c, 'pause', { reason: 'materials', note: '等待信访人补充收入证明' });
    expect(paused.stageDueAt).toBeUndefined();
    expect(await refusal(c.act('accept', inputs.accept))).toBe(FailureType.actionNotAllowed);

    // Well past the original due time: no warning, no urging while the clock stands still.
    await kit.env.sleep('20 days');
    expect(await types(c)).toEqual(['registered', 'pause']);
    const row = await kit.db.case.findUniqueOrThrow({ where: { id: c.caseId } });
    expect([row.pauseReason, row.dueAt]).toEqual(['materials', null]);

    const resumed = await clockAct(c, 'resume', { note: '材料已补齐' });
    const { from, to } = resumed.pauses![0]!;
    expect(Date.parse(to!) - Date.parse(from)).toBeGreaterThanOrEqual(20 * DAY);
    // Every day the pause touched, from its first to the day of resuming, is left out of the 15.
    const stood = new Set<string>();
    for (let d = cstDate(from); d <= cstDate(to!); d = nextDate(d)) stood.add(d);
    expect(resumed.stageDueAt).toBe(endOf(dayOracle().days(cstDate(before.clocks![0]!.startedAt), 15, stood).last));
    expect((await c.act('accept', inputs.accept)).stage).toBe('investigation');
  });
});

describe('holiday calendar edits', () => {
  it('moves an open case\'s due date when a new calendar arrives, and says so in the timeline', async () => {
    const c = await startCase(kit);
    const v = await c.act('accept', inputs.accept);
    const clock = v.clocks!.find((k) => k.kind === 'investigation')!;
    // Declare the first working day of the investigation a holiday.
    const start = cstDate(clock.startedAt);
    const firstDay = dayOracle().workingDays(start, 1).last;
    const edited: WorkCalendar = { ...TEST_CALENDAR, version: TEST_CALENDAR.version + 1, holidays: [...TEST_CALENDAR.holidays, firstDay] };
    await c.handle.signal(calendarSignal, edited);

    // Its first working day gone, the investigation ends on what was its 16th.
    const expected = endOf(dayOracle().workingDays(start, 16).last);
    expect(expected).not.toBe(clock.dueAt);
    const changed = await eventually(() => events(c), (es) => es.some((e) => e.type === 'calendar-changed'), 'calendar-changed');
    expect(changed.at(-1)!.data).toMatchObject({ version: edited.version, moved: [{ clock: clock.id, from: clock.dueAt, to: expected }] });
    expect((await c.view()).stageDueAt).toBe(expected);

    // An older calendar arriving late changes nothing.
    await c.handle.signal(calendarSignal, TEST_CALENDAR);
    expect((await c.view()).stageDueAt).toBe(expected);
  });
});

function actor(role: string) {
  return { id: `test-${role}`, name: role, role };
}

function clockAct(c: TestCase, action: string, input: unknown, role = 'desk') {
  return c.send(action, { actor: actor(role), input });
}

describe('the 48-hour first-aid clock of an urgent help request (救急难)', () => {
  /** A township of its own, so its officer and leader are the demo ones only. */
  const township = ownTownship('emergency');
  const [officer, leader] = (['township_officer', 'township_leader'] as const)
    .map((role) => DEMO_USERS.find((u) => u.role === role && u.townshipCode === township.code)!.email);
  const firstAid = (c: TestCase, input: unknown) => clockAct(c, 'first-aid', input, 'township_officer');
  const ladderEvents = async (c: TestCase) => (await events(c))
    .filter((e) => (e.data as { clock?: string }).clock === 'emergency').map((e) => e.type);

  it('warns, urges and supervises exactly once, at its hours, to the township and then the managers', async () => {
    const c = await startCase(kit, { kind: 'help', urgent: true, township: township.code, category: 'temporary' });
    const v = await c.view();
    expect(v.clocks!.map((k) => k.id)).toEqual(['acceptance-1', 'emergency-1']);
    const clock = v.clocks!.find((k) => k.kind === 'emergency')!;
    const due = Date.parse(clock.startedAt) + 48 * HOUR;
    const { warning, supervision } = DEFAULT_EMERGENCY_ESCALATION;
    expect([warning, supervision]).toEqual([{ amount: 12, unit: 'hours' }, { amount: 24, unit: 'hours' }]);
    const ladder = [['warning', due - 12 * HOUR], ['urging', due], ['supervision', due + 24 * HOUR]] as const;
    expect([clock.warnAt, clock.dueAt, clock.superviseAt]).toEqual(ladder.map(([, at]) => new Date(at).toISOString()));
    // The case is due when its first aid is: the earliest running clock.
    const row = await kit.db.case.findUniqueOrThrow({ where: { id: c.caseId } });
    expect([row.urgent, row.dueAt?.toISOString()]).toEqual([true, clock.dueAt]);

    for (const [i, [level, at]] of ladder.entries()) {
      await skipTo(at - MINUTE);
      expect(await ladderEvents(c), `no ${level} before its time`).toEqual(ladder.slice(0, i).map(([l]) => l));
      await reachedAt(c, level, at, { clock: 'emergency', clockId: 'emergency-1', dueAt: clock.dueAt });
      await eventually(() => kit.db.case.findUniqueOrThrow({ where: { id: c.caseId } }), (r) => r.escalation === level, `${level} in the read model`);
    }

    // Each level once, however long the first aid waits; then the first aid, late, stops the clock.
    await kit.env.sleep('2 days');
    expect(await ladderEvents(c)).toEqual(['warning', 'urging', 'supervision']);
    const after = await firstAid(c, { aid: '发放临时救助金', amount: 3000 });
    expect(after.firstAid).toMatchObject({ aid: '发放临时救助金', amount: 3000 });
    expect(after.clocks!.find((k) => k.id === 'emergency-1')!.stoppedAt).toBe(after.firstAid!.at);
    const recorded = await eventually(() => events(c), (es) => es.some((e) => e.type === 'first-aid'), 'first aid');
    expect(recorded.find((e) => e.type === 'first-aid')!.data).toMatchObject({ clock: 'emergency', late: true, dueAt: clock.dueAt });
    expect(await ladderEvents(c)).toEqual(['warning', 'urging', 'supervision', 'first-aid']);

    const notified = await kit.db.notification.findMany({ where: { caseId: c.caseId, key: { contains: '/emergency-1/' } } });
    expect(notified.map((x) => `${x.key.split('/').at(-1)} ${x.recipient}`).sort()).toEqual([
      'supervision manager@demo.jianjian.local',
      `urging ${leader}`,
      `urging ${officer}`,
      `warning ${officer}`,
    ]);
  });

  it('stops at first aid given in time: warned, never urged or supervised, and recorded once', async () => {
    const c = await startCase(kit, { kind: 'help', urgent: true, township: township.code });
    await kit.env.sleep('40 hours');
    await eventually(() => ladderEvents(c), (l) => l.includes('warning'), 'warning');
    const v = await firstAid(c, { aid: '送医并垫付医疗费' });
    expect(v.clocks!.filter((k) => !k.stoppedAt).map((k) => k.id)).toEqual(['acceptance-1']);
    expect(await refusal(firstAid(c, { aid: '再次救助' }))).toBe(FailureType.actionNotAllowed);
    await kit.env.sleep('3 days');
    expect(await ladderEvents(c)).toEqual(['warning', 'first-aid']);
    const event = (await events(c)).find((e) => e.type === 'first-aid')!;
    expect(event.data).toMatchObject({ aid: '送医并垫付医疗费', late: false });
  });

  it('runs no first-aid clock for a help request that is not urgent', async () => {
    const c = await startCase(kit, { kind: 'help', township: township.code });
    expect((await c.view()).clocks!.map((k) => k.id)).toEqual(['acceptance-1']);
    expect(await refusal(firstAid(c, { aid: '发放临时救助金' }))).toBe(FailureType.actionNotAllowed);
  });
});
