// Clocks over HTTP on real PostgreSQL and the Temporal dev server: clock actions, the holiday
// calendar and its edits, the deadline calculator, the dashboard and the overdue list.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, rolesForAny, STAFF_ACTIONS } from '../../domain/actions';
import { OFFICIAL_CALENDAR } from '../../domain/official-calendar';
import { ROLES, type Role } from '../../domain/roles';
import { startApiStack, type ApiStack } from '../support/api-stack';
import { eventually } from '../support/eventually';
import { expectedDue, expectedExtension } from '../support/day-oracle';
import { inputs, ownTownship, registration, TOWNSHIP_A } from '../support/fixtures';
import { loginEveryRole } from '../support/roles';

let api: ApiStack;
const tokens: Record<string, string> = {};
let byRole: Record<Role, string>;
const DAY = 24 * 3600_000;

beforeAll(async () => {
  api = await startApiStack();
  for (const u of ['desk', 'reviewer', 'manager', 'admin', 'town01', 'town19']) tokens[u] = await api.login(u);
  byRole = await loginEveryRole(api, TOWNSHIP_A);
});
afterAll(async () => { await api?.stop(); });

async function newCase(overrides = {}) {
  const r = await api.request('POST', '/api/cases', { token: tokens.desk, body: registration(overrides), headers: { 'Idempotency-Key': crypto.randomUUID() } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as { id: string; caseNo: string };
}

const act = (id: string, action: string, user: string, body: unknown = {}) =>
  api.request('POST', `/api/cases/${id}/actions/${action}`, { token: tokens[user], body });

describe('clock actions', () => {
  it('refuses each clock action to every role the action table lets take it in no stage', async () => {
    const { id } = await newCase({ township: TOWNSHIP_A });
    const bodies: Record<string, unknown> = {
      'request-extension': { days: 10, reason: '需听证' }, 'decline-extension': { reason: '理由不足' }, pause: { reason: 'hearing' },
      'first-aid': { aid: '发放临时救助金' },
    };
    for (const action of STAFF_ACTIONS.filter((a) => ACTIONS[a].group === 'clock')) {
      for (const role of ROLES.filter((r) => !rolesForAny(action).includes(r))) {
        const r = await api.request('POST', `/api/cases/${id}/actions/${action}`, { token: byRole[role], body: bodies[action] ?? {} });
        expect(r.status, `${role} ${action}`).toBe(403);
      }
    }
  });

  it('extends the reply clock once, with a manager\'s approval', async () => {
    const { id, caseNo } = await newCase();
    const awaitingDecision = async () => (await api.request('GET', `/api/cases?extension=requested&q=${caseNo}`, { token: tokens.manager })).body.items.map((c: { id: string }) => c.id);
    const accepted = (await act(id, 'accept', 'desk', inputs.accept)).body;
    expect(accepted.clockActions).toEqual(['request-extension', 'pause']);

    const tooLong = await act(id, 'request-extension', 'town01', { days: 45, reason: '需听证' });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['days']);
    expect((await act(id, 'approve-extension', 'manager')).status).toBe(409);

    const requested = await act(id, 'request-extension', 'town01', { days: 30, reason: '需组织听证' });
    expect(requested.status).toBe(200);
    expect(requested.body.clock.extension).toBe('requested');
    expect(await awaitingDecision()).toEqual([id]);
    expect((await act(id, 'approve-extension', 'reviewer')).status).toBe(403);
    const approved = await act(id, 'approve-extension', 'manager', { note: '同意' });
    expect(approved.status).toBe(200);
    expect(approved.body.replyDueAt).toBe(expectedExtension(accepted.replyDueAt, 30));
    expect(await awaitingDecision()).toEqual([]);
    const again = await act(id, 'request-extension', 'town01', { days: 5, reason: '再延' });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/one extension/);
    expect(approved.body.timeline.map((e: { type: string }) => e.type)).toEqual(['registered', 'accept', 'request-extension', 'approve-extension']);
  });

  it('pauses and resumes, refusing stage actions while paused', async () => {
    const { id } = await newCase();
    const paused = await act(id, 'pause', 'desk', { reason: 'materials', note: '等待补充材料' });
    expect(paused.status).toBe(200);
    expect(paused.body.clock.pauseReason).toBe('materials');
    expect([paused.body.dueAt, paused.body.stageDueAt]).toEqual([null, null]);
    expect(paused.body.clockActions).toEqual(['resume']);
    expect(paused.body.availableActions).toEqual([]);
    const accept = await act(id, 'accept', 'desk', inputs.accept);
    expect(accept.status).toBe(409);
    expect(accept.body.error.message).toMatch(/paused/);
    const resumed = await act(id, 'resume', 'desk', {});
    expect(resumed.body.clock.pausedSince).toBeNull();
    expect(resumed.body.availableActions).toContain('accept');
    expect((await act(id, 'accept', 'desk', inputs.accept)).status).toBe(200);
  });
});

describe('first aid (救急难)', () => {
  it('records first aid on an urgent help request once, which stops its 48-hour clock', async () => {
    const { id } = await newCase({ kind: 'help', category: 'temporary', urgent: true });
    const before = (await api.request('GET', `/api/cases/${id}`, { token: tokens.desk })).body;
    expect(before.clock).toMatchObject({ urgent: true, firstAidAt: null });
    expect(before.clockActions).toEqual(['pause', 'first-aid']);
    expect(Date.parse(before.dueAt)).toBe(Date.parse(before.receivedAt) + 48 * 3600_000);

    const bad = await act(id, 'first-aid', 'town01', { amount: -5 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['aid', 'amount']);
    const r = await act(id, 'first-aid', 'town01', { aid: '发放临时救助金', amount: 3000 });
    expect(r.status).toBe(200);
    expect(r.body.clock.firstAidAt).toEqual(expect.any(String));
    expect(r.body.clockActions).toEqual(['pause']);
    expect(r.body.timeline.at(-1)).toMatchObject({ type: 'first-aid', data: { aid: '发放临时救助金', amount: 3000, clock: 'emergency', late: false } });
    // The acceptance clock alone sets the due date now.
    expect(r.body.dueAt).toBe(expectedDue(before.receivedAt, 15, 'days'));
    const again = await act(id, 'first-aid', 'town01', { aid: '再次救助' });
    expect(again.status).toBe(409);
  });

  it('takes urgent only for help requests, and has no first aid for other cases', async () => {
    const r = await api.request('POST', '/api/cases', {
      token: tokens.desk, body: registration({ kind: 'complaint', urgent: true }), headers: { 'Idempotency-Key': crypto.randomUUID() },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.fields).toEqual([{ field: 'urgent', message: 'is only for help requests (kind "help")' }]);
    const { id } = await newCase({ kind: 'help' });
    expect((await act(id, 'first-aid', 'town01', { aid: '发放临时救助金' })).status).toBe(409);
    const calculator = await api.request('GET', `/api/calendar/deadline?start=${encodeURIComponent('2026-02-12T10:00:00+08:00')}&clock=emergency`, { token: tokens.desk });
    expect(calculator.body).toMatchObject({
      limit: { amount: 48, unit: 'hours' }, dueAt: '2026-02-14T02:00:00.000Z',
      escalation: { warning: '2026-02-13T14:00:00.000Z', urging: '2026-02-14T02:00:00.000Z', supervision: '2026-02-15T02:00:00.000Z' },
    });
  });
});

describe('holiday calendar', () => {
  it('shows the calendar in force and calculates due dates across the Spring Festival', async () => {
    const cal = await api.request('GET', '/api/calendar', { token: tokens.town01 });
    expect(cal.status).toBe(200);
    expect(cal.body.years.map((y: { year: number }) => y.year)).toEqual(expect.arrayContaining([2026, 2027]));

    const due = await api.request('GET', `/api/calendar/deadline?start=${encodeURIComponent('2026-02-12T10:00:00+08:00')}&amount=8&unit=workingDays`, { token: tokens.desk });
    expect(due.status).toBe(200);
    // Friday 13, Saturday 14 (调休), the festival, 24–27, Saturday 28 (调休), Monday 2 March: 24:00 of the 8th.
    expect(due.body).toMatchObject({ dueAt: '2026-03-02T16:00:00.000Z', provisional: false });
    const acceptance = await api.request('GET', `/api/calendar/deadline?start=${encodeURIComponent('2026-02-12T10:00:00+08:00')}&clock=acceptance`, { token: tokens.desk });
    expect(acceptance.body).toMatchObject({ limit: { amount: 15, unit: 'days' }, dueAt: '2026-02-27T16:00:00.000Z' });
    expect(acceptance.body.remaining.days).toBeLessThan(0);

    const bad = await api.request('GET', '/api/calendar/deadline?amount=3&start=tomorrow', { token: tokens.desk });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['query.start', 'query.unit']);
  });

  it('lets only an admin edit a year, refuses bad dates by field, and moves open cases\' due dates', async () => {
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    const shipped = OFFICIAL_CALENDAR.find((y) => y.year === year)!;
    const { id } = await newCase();
    const before = (await act(id, 'accept', 'desk', inputs.accept)).body;

    const edit = { holidays: shipped.holidays, workdays: shipped.workdays, provisional: shipped.provisional };
    expect((await api.request('PUT', `/api/calendar/${year}`, { token: tokens.manager, body: edit })).status).toBe(403);
    const bad = await api.request('PUT', `/api/calendar/${year}`, {
      token: tokens.admin, body: { holidays: [{ date: `${year + 1}-01-01`, name: '元旦' }], workdays: ['2026-11-30'] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['holidays.0.date', 'workdays.0']);

    // The five weekdays after the acceptance day become holidays: the investigation's due date moves.
    const days: string[] = [];
    for (let t = Date.parse(before.acceptedAt) + DAY; days.length < 5; t += DAY) {
      const d = new Date(t + 8 * 3600_000);
      if (d.getUTCFullYear() !== year) break;
      if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) days.push(d.toISOString().slice(0, 10));
    }
    try {
      const put = await api.request('PUT', `/api/calendar/${year}`, {
        token: tokens.admin, body: { ...edit, holidays: [...shipped.holidays, ...days.map((date) => ({ date, name: '测试假日' }))] },
      });
      expect(put.status, JSON.stringify(put.body)).toBe(200);
      expect(put.body.openCases).toBeGreaterThan(0);
      const after = await eventually(
        () => api.request('GET', `/api/cases/${id}`, { token: tokens.manager }),
        (r) => r.body.timeline.some((e: { type: string }) => e.type === 'calendar-changed') && r.body.stageDueAt !== before.stageDueAt, 'calendar-changed');
      expect(Date.parse(after.body.stageDueAt)).toBeGreaterThan(Date.parse(before.stageDueAt));
      expect(after.body.timeline.at(-1).data).toMatchObject({ version: put.body.version, moved: [{ from: before.stageDueAt, to: after.body.stageDueAt }] });
    } finally {
      await api.request('PUT', `/api/calendar/${year}`, { token: tokens.admin, body: edit });
    }
  });
});

describe('dashboard and overdue list', () => {
  const { code: township, name: townshipName } = ownTownship('clocks');
  const now = Date.now();
  const at = (days: number) => new Date(now + days * DAY);
  let seq = 0;

  /** A read-model row as the workflow's projection leaves it; the dashboard reads nothing else. */
  async function seed(stage: string, clock: { dueAt: Date | null; warnAt?: Date | null; escalation?: string | null }) {
    const id = `c${crypto.randomBytes(16).toString('hex')}`;
    await api.db.case.create({
      data: {
        id, caseNo: `XF1999-${String(++seq).padStart(6, '0')}-${id.slice(1, 7)}`, channel: 'visit', kind: 'complaint', townshipCode: township,
        category: 'dibao', subject: '看板测试', facts: '…', request: '…', receivedAt: at(-30), registeredById: 'seed', requestFingerprint: 'seed',
        stage, dueAt: clock.dueAt, warnAt: clock.warnAt ?? null, escalation: clock.escalation ?? null,
      },
    });
    return id;
  }

  it('counts due soon, overdue and supervised cases per township and stage, and lists the overdue by lateness', async () => {
    await seed('investigation', { dueAt: at(10), warnAt: at(5) }); // on time
    await seed('investigation', { dueAt: at(2), warnAt: at(-1), escalation: 'warning' }); // due soon
    await seed('investigation', { dueAt: at(1), warnAt: at(-2), escalation: 'warning' }); // due soon
    const late3 = await seed('investigation', { dueAt: at(-3), warnAt: at(-6), escalation: 'urging' });
    const late9 = await seed('investigation', { dueAt: at(-9), warnAt: at(-12), escalation: 'supervision' });
    const late1 = await seed('recheck', { dueAt: at(-1), warnAt: at(-4), escalation: 'urging' });
    await seed('recheck', { dueAt: null }); // paused
    await seed('closed', { dueAt: at(-20), escalation: 'supervision' }); // closed: counts nowhere

    const manager = await api.request('GET', '/api/dashboard', { token: tokens.manager });
    expect(manager.status).toBe(200);
    const mine = manager.body.rows.filter((r: { township: { code: string } }) => r.township.code === township);
    expect(mine).toEqual([
      { township: { code: township, name: townshipName }, stage: 'investigation', dueSoon: 2, overdue: 2, underSupervision: 1 },
      { township: { code: township, name: townshipName }, stage: 'recheck', dueSoon: 0, overdue: 1, underSupervision: 0 },
    ]);

    // A township user sees their own township only.
    const officer = await api.request('GET', '/api/dashboard', { token: tokens.town19 });
    expect(officer.body.rows).toEqual(mine);
    expect(officer.body.totals).toEqual({ dueSoon: 2, overdue: 3, underSupervision: 1 });
    expect((await api.request('GET', '/api/dashboard', { token: tokens.admin })).status).toBe(403);

    const list = await api.request('GET', `/api/cases?overdue=true&township=${township}`, { token: tokens.manager });
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([late9, late3, late1]);
    expect(list.body.items.map((i: { escalation: string }) => i.escalation)).toEqual(['supervision', 'urging', 'urging']);
  });
});
