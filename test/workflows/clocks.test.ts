// The clocks of DESIGN.md §3 as durable timers, on the real time-skipping test server with real activities.
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shift, type WorkCalendar } from '../../domain/calendar';
import { calendarSignal, FailureType } from '../../domain/messages';
import { DEFAULT_ESCALATION } from '../../domain/policy';
import { eventually } from '../support/eventually';
import { inputs, TEST_CALENDAR } from '../support/fixtures';
import { startCase, startTimeSkipping, type ClockTestKit, type TestCase } from '../support/time-skipping';

let kit: ClockTestKit;
beforeAll(async () => { kit = await startTimeSkipping(); });
afterAll(async () => { await kit?.stop(); });

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const events = (c: TestCase) => kit.db.caseEvent.findMany({ where: { caseId: c.caseId }, orderBy: { seq: 'asc' } });
const types = async (c: TestCase) => (await events(c)).map((e) => e.type);

/** Moves the test server's clock to `t` (never backwards). */
async function skipTo(t: number): Promise<void> {
  const now = await kit.env.currentTimeMs();
  if (t > now) await kit.env.sleep(t - now);
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
    expect(due).toBe(Date.parse(clock.startedAt) + 15 * DAY);
    const warnAt = shift(due, -DEFAULT_ESCALATION.warning.amount, 'workingDays', TEST_CALENDAR)!;
    const superviseAt = shift(due, DEFAULT_ESCALATION.supervision.amount, 'workingDays', TEST_CALENDAR)!;
    expect([clock.warnAt, clock.superviseAt]).toEqual([new Date(warnAt).toISOString(), new Date(superviseAt).toISOString()]);

    const ladder = [['warning', warnAt], ['urging', due], ['supervision', superviseAt]] as const;
    for (const [i, [level, at]] of ladder.entries()) {
      await skipTo(at - MINUTE);
      expect(await types(c), `no ${level} before its time`).not.toContain(level);
      await skipTo(at + MINUTE);
      const all = await eventually(() => events(c), (es) => es.some((e) => e.type === level), level);
      const event = all.find((e) => e.type === level)!;
      expect(event.at.getTime()).toBeGreaterThanOrEqual(at);
      expect(event.at.getTime()).toBeLessThan(at + MINUTE);
      expect(event.data).toMatchObject({ clock: 'acceptance', clockId: 'acceptance-1', dueAt: clock.dueAt });
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
    expect(fresh.dueAt).toBe(new Date(shift(Date.parse(fresh.startedAt), 15, 'workingDays', TEST_CALENDAR)!).toISOString());
  });
});

describe('extensions', () => {
  it('moves the statutory reply clock once, and refuses a second request', async () => {
    const c = await startCase(kit, { petitioner: { name: '张三', email: 'zhangsan@example.cn' } });
    const accepted = await c.act('accept', inputs.accept);
    const replyDue = Date.parse(accepted.replyDueAt!);

    expect(await refusal(c.handle.executeUpdate('approve-extension', { args: [{ actor: actor('manager'), input: {} }] }))).toBe(FailureType.actionNotAllowed);
    expect(await refusal(clockAct(c, 'request-extension', { days: 31, reason: '需补充调查' }))).toBe(FailureType.invalidInput);

    await clockAct(c, 'request-extension', { days: 20, reason: '需组织听证' }, 'county_reviewer');
    expect(await refusal(clockAct(c, 'request-extension', { days: 10, reason: '再次申请' }, 'county_reviewer'))).toBe(FailureType.actionNotAllowed);
    const v = await clockAct(c, 'approve-extension', { note: '同意延期' }, 'manager');
    expect(Date.parse(v.replyDueAt!)).toBe(replyDue + 20 * DAY);
    expect(v.extensions).toMatchObject([{ days: 20, status: 'approved', decision: '同意延期' }]);

    expect(await refusal(clockAct(c, 'request-extension', { days: 5, reason: '第二次延期' }, 'county_reviewer'))).toBe(FailureType.actionNotAllowed);
    expect(Date.parse((await c.view()).replyDueAt!)).toBe(replyDue + 20 * DAY);

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
    await clockAct(c, 'request-extension', { days: 10, reason: '材料未齐' }, 'county_reviewer');
    const declined = await clockAct(c, 'decline-extension', { reason: '理由不充分' }, 'manager');
    expect(declined.replyDueAt).toBe((await c.view()).replyDueAt);
    const again = await clockAct(c, 'request-extension', { days: 10, reason: '补充理由' }, 'county_reviewer');
    expect(again.extensions!.map((e) => e.status)).toEqual(['declined', 'requested']);
  });
});

describe('pauses', () => {
  it('excludes paused time from the clock, and nothing escalates while paused', async () => {
    const c = await startCase(kit);
    const before = await c.view();
    const due = Date.parse(before.stageDueAt!);
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
    const pausedMs = Date.parse(resumed.pauses![0]!.to!) - Date.parse(resumed.pauses![0]!.from);
    expect(pausedMs).toBeGreaterThanOrEqual(20 * DAY);
    expect(Date.parse(resumed.stageDueAt!)).toBe(due + pausedMs);
    expect((await c.act('accept', inputs.accept)).stage).toBe('investigation');
  });
});

describe('holiday calendar edits', () => {
  it('moves an open case\'s due date when a new calendar arrives, and says so in the timeline', async () => {
    const c = await startCase(kit);
    const v = await c.act('accept', inputs.accept);
    const clock = v.clocks!.find((k) => k.kind === 'investigation')!;
    // Declare the first working day of the investigation a holiday.
    const start = Date.parse(clock.startedAt);
    const firstDay = new Date(shift(start, 1, 'workingDays', TEST_CALENDAR)! + 8 * 3600_000 - 1).toISOString().slice(0, 10);
    const edited: WorkCalendar = { version: TEST_CALENDAR.version + 1, holidays: [...TEST_CALENDAR.holidays, firstDay], workdays: TEST_CALENDAR.workdays };
    await c.handle.signal(calendarSignal, edited);

    const expected = new Date(shift(start, 15, 'workingDays', edited)!).toISOString();
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
  return c.handle.executeUpdate<import('../../domain/messages').CaseView, [unknown]>(action, { args: [{ actor: actor(role), input }] });
}
