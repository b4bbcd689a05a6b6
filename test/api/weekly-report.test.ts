// The weekly report on the dev server: the Schedule that setup creates (its spec, an update
// in place), a Friday run taken by backfill (Schedules do not exist on the time-skipping server) that
// reports the week before that Friday and mails it to the managers through a real SMTP server, and a
// manager's manual run for the current week. The stack has a database of its own, so the county-wide
// figures are exactly the cases registered here.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, cstDate, weekStartOf } from '../../domain/report-week';
import { createActivities } from '../../activities';
import { loadAppConfig } from '../../config/app';
import { createMailer } from '../../notifications/mailer';
import { loadTemporalConfig } from '../../temporal.config';
import { ensureWeeklyReportSchedule } from '../../setup/weekly-report-schedule';
import { startApiStack, type ApiStack } from '../support/api-stack';
import { DAY_MS, registerMix } from '../support/case-mix';
import { inputs } from '../support/fixtures';
import { freshDatabase } from '../support/fresh-database';
import { startSmtpCapture, type SmtpCapture } from '../support/smtp';
import { eventually } from '../support/eventually';
import { DEMO_TOWNSHIPS } from '../../prisma/seed';

const SCHEDULE_ID = `weekly-report-test-${crypto.randomUUID()}`;
const thisWeek = weekStartOf(new Date());
/** A Friday run three weeks ago (08:00 China Standard Time), and the week it reports: the one before. */
const friday = new Date(addDays(thisWeek, -21 + 4).getTime() + 8 * 3600_000);
const reportedWeek = addDays(thisWeek, -28);

let smtp: SmtpCapture;
let api: ApiStack;
let manager: string;
let env: Record<string, string>;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  env = { DATABASE_URL: await freshDatabase(), WEEKLY_REPORT_SCHEDULE_ID: SCHEDULE_ID, SMTP_URL: smtp.url };
  api = await startApiStack(env);
  // What `npm run setup` does: the worker leaves the Schedule alone.
  expect(await ensureWeeklyReportSchedule(api.temporal, loadTemporalConfig({ ...env, TEMPORAL_TASK_QUEUE: api.taskQueue }))).toBe('created');
  manager = await api.login('manager');
  // A second manager, and a deactivated one who gets no mail.
  const admin = await api.login('admin');
  for (const [username, email] of [['manager2', 'deputy@county.example.cn'], ['manager3', 'retired@county.example.cn']]) {
    const r = await api.request('POST', '/api/users', { token: admin, body: { username, displayName: username, role: 'manager', email, password: 'Weekly-Report-2026' } });
    expect(r.status).toBe(201);
    if (username === 'manager3') expect((await api.request('PATCH', `/api/users/${r.body.id}`, { token: admin, body: { active: false } })).status).toBe(200);
  }
  const inWeek = (day: number) => new Date(reportedWeek.getTime() + day * DAY_MS + 10 * 3600_000).toISOString();
  const [a, b] = [DEMO_TOWNSHIPS[2]!.code, DEMO_TOWNSHIPS[3]!.code];
  await registerMix(api, [
    // Received in the reported week: a consultation answered, a complaint worked to closure, a help
    // request left open (over 21 days old: overdue at acceptance).
    { registration: { township: a, kind: 'consultation', receivedAt: inWeek(0) }, actions: ['answer'] },
    { registration: { township: a, receivedAt: inWeek(1) }, actions: ['accept', 'submit-investigation', 'approve', 'reply', ['follow-up', { ...inputs['follow-up'], response: 'unsatisfied' }]] },
    { registration: { township: b, kind: 'help', receivedAt: inWeek(2) }, actions: [] },
    // Older, never accepted: overdue, and the longest running.
    { registration: { township: b, receivedAt: new Date(Date.now() - 40 * DAY_MS).toISOString(), subject: '<b>最早</b>的信访件' }, actions: [] },
  ]);
});
afterAll(async () => {
  await api?.temporal.schedule.getHandle(SCHEDULE_ID).delete().catch(() => undefined);
  await api?.stop();
  await smtp?.close();
});

const reportMails = (title: string) => smtp.received.filter((m) => m.subject.includes(title));

/** The run a backfill starts, once the Schedule has taken it (backfills are taken asynchronously). */
async function backfilledRun(scheduledAt: Date): Promise<string> {
  const handle = api.temporal.schedule.getHandle(SCHEDULE_ID);
  const taken = await eventually(
    async () => (await handle.describe()).info.recentActions.find((a) => a.scheduledAt.getTime() === scheduledAt.getTime()),
    (action) => action !== undefined, 'the backfilled run', 600,
  );
  return taken!.action.workflow.workflowId;
}

describe('weekly report', () => {
  it('is scheduled by setup for Friday 08:00 China Standard Time, and updated in place', async () => {
    const handle = api.temporal.schedule.getHandle(SCHEDULE_ID);
    const d = await handle.describe();
    expect(d.action).toMatchObject({ type: 'startWorkflow', workflowType: 'weeklyReportWorkflow' });
    expect(d.policies.overlap).toBe('BUFFER_ALL');
    expect(d.policies.catchupWindow).toBe(7 * DAY_MS);
    expect(d.info.nextActionTimes.length).toBeGreaterThan(1);
    for (const t of d.info.nextActionTimes) {
      const cst = new Date(t.getTime() + 8 * 3600_000);
      expect([cst.getUTCDay(), cst.getUTCHours(), cst.getUTCMinutes()]).toEqual([5, 8, 0]);
    }

    const config = loadTemporalConfig({ ...env, TEMPORAL_TASK_QUEUE: d.action.taskQueue, WEEKLY_REPORT_CRON: '30 9 * * MON' });
    expect(await ensureWeeklyReportSchedule(api.temporal, config)).toBe('updated');
    const monday = new Date((await handle.describe()).info.nextActionTimes[0]!.getTime() + 8 * 3600_000);
    expect([monday.getUTCDay(), monday.getUTCHours(), monday.getUTCMinutes()]).toEqual([1, 9, 30]);
    expect(await ensureWeeklyReportSchedule(api.temporal, { ...config, weeklyReport: { ...config.weeklyReport, cron: '0 8 * * FRI' } })).toBe('updated');
  });

  it('reports the week before a Friday run: new cases, overdue by township, the longest running', async () => {
    const handle = api.temporal.schedule.getHandle(SCHEDULE_ID);
    await handle.backfill({ start: new Date(friday.getTime() - 60_000), end: new Date(friday.getTime() + 60_000), overlap: 'ALLOW_ALL' });
    const result = await api.temporal.workflow.getHandle(await backfilledRun(friday)).result();
    expect(result).toEqual({ weekStart: reportedWeek.toISOString(), received: 3, closed: 0, overdue: 2 });

    const r = await api.request('GET', `/api/reports/weekly/${cstDate(reportedWeek)}`, { token: manager });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ weekStart: cstDate(reportedWeek), trigger: 'schedule', received: 3, closed: 0, overdue: 2 });
    const c = r.body.content;
    expect(c.received.byKind.filter((k: { count: number }) => k.count).map((k: { key: string; count: number }) => [k.key, k.count]))
      .toEqual([['consultation', 1], ['help', 1], ['complaint', 1]]);
    expect(c.overdueByTownship).toEqual([{ code: DEMO_TOWNSHIPS[3]!.code, name: DEMO_TOWNSHIPS[3]!.name, overdue: 2 }]);
    expect(c.longestRunning[0]).toMatchObject({ subject: '<b>最早</b>的信访件', days: 40, overdue: true });
    expect(c.longestRunning).toHaveLength(2);
    expect(r.body.html).toContain('&#60;b&#62;最早&#60;/b&#62;的信访件');
    expect(r.body.html).not.toContain('<b>最早');
  });

  it('mails that report to every active manager, as HTML with its figures, once', async () => {
    const title = `信访工作周报（${cstDate(reportedWeek)} 至 ${cstDate(addDays(reportedWeek, 6))}）`;
    const mails = reportMails(title);
    expect(mails.map((m) => m.to).sort()).toEqual([['deputy@county.example.cn'], ['manager@demo.jianjian.local']]);
    const township = DEMO_TOWNSHIPS[3]!.name;
    for (const m of mails) {
      expect(m.subject).toBe(`【周报】${title}`);
      expect(m.html).toContain('本周新收 3 件，办结 0 件，当前超期 2 件。');
      // The tables: received by kind, and the overdue cases per township.
      expect(m.html).toMatch(/<td[^>]*>求助<\/td><td[^>]*>1<\/td>/);
      expect(m.html).toMatch(new RegExp(`<td[^>]*>${township}</td><td[^>]*>2</td>`));
      expect(m.html).toContain('&#60;b&#62;最早&#60;/b&#62;的信访件');
      expect(m.text).toContain('本周新收 3 件，办结 0 件，当前超期 2 件。');
    }
    const report = await api.request('GET', '/api/reports/weekly', { token: manager });
    expect(report.body.items[0]).toMatchObject({ weekStart: cstDate(reportedWeek), mailedAt: expect.any(String) });
    const stored = await api.db.weeklyReport.findUniqueOrThrow({ where: { weekStart: reportedWeek } });
    expect(stored.recipients).toEqual(['deputy@county.example.cn', 'manager@demo.jianjian.local']);

    // The mail activity run again for the same run (a retry) sends nothing more.
    const rows = await api.db.notification.findMany({ where: { template: 'report.weekly' } });
    expect(rows.map((n) => [n.recipient, n.status, n.attempts]).sort()).toEqual([
      ['deputy@county.example.cn', 'sent', 1], ['manager@demo.jianjian.local', 'sent', 1],
    ]);
    const mailer = createMailer({ ...loadAppConfig(env).mail });
    const again = createActivities({ db: api.db, mailer, mail: { locale: 'zh', maxAttempts: 3 } }).mailWeeklyReport;
    expect(await again({ weekStart: reportedWeek.toISOString(), key: rows[0]!.key })).toEqual({ sent: 2, failed: 0, noAddress: 0 });
    mailer.close();
    expect(reportMails(title)).toHaveLength(2);
  });

  it('lets a manager run this week\'s report by hand, with the rates of what closed', async () => {
    const r = await api.request('POST', '/api/reports/weekly', { token: manager, body: { week: cstDate(new Date()) } });
    expect(r.status).toBe(202);
    expect(r.body.weekStart).toBe(cstDate(thisWeek));
    await api.temporal.workflow.getHandle(r.body.workflowId).result();
    const report = await api.request('GET', r.headers.get('location')!, { token: manager });
    expect(report.body).toMatchObject({ trigger: 'manual', received: 0, closed: 2 });
    // Closed this week: the consultation answered over 21 days after receipt (late) and the complaint
    // replied within the statutory limit; one follow-up response, unsatisfied.
    expect(report.body.content.closed.rates).toEqual({
      onTimeClosure: { numerator: 1, denominator: 2, rate: 0.5 },
      reply: { numerator: 1, denominator: 1, rate: 1 },
      satisfaction: { numerator: 0, denominator: 1, rate: 0 },
    });
    // A manual run is mailed too: its own message, with this week's figures.
    const mailed = reportMails(`信访工作周报（${cstDate(thisWeek)} 至`);
    expect(mailed).toHaveLength(2);
    expect(mailed[0]!.html).toContain('本周新收 0 件，办结 2 件');
    const list = await api.request('GET', '/api/reports/weekly', { token: manager });
    expect(list.body.items.map((i: { weekStart: string }) => i.weekStart)).toEqual([cstDate(thisWeek), cstDate(reportedWeek)]);
  });

  it('lets only managers run a report, and managers and reviewers read them', async () => {
    const desk = await api.login('desk');
    expect((await api.request('POST', '/api/reports/weekly', { token: desk, body: {} })).status).toBe(403);
    expect((await api.request('GET', '/api/reports/weekly', { token: desk })).status).toBe(403);
    const reviewer = await api.login('reviewer');
    expect((await api.request('GET', '/api/reports/weekly', { token: reviewer })).status).toBe(200);
    const future = await api.request('POST', '/api/reports/weekly', { token: manager, body: { week: cstDate(addDays(new Date(), 14)) } });
    expect(future.status).toBe(400);
    expect(future.body.error.fields[0].field).toBe('week');
    expect((await api.request('GET', '/api/reports/weekly/2020-01-06', { token: manager })).status).toBe(404);
  });
});
