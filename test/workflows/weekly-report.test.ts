// The weekly report workflow over skipped time: started with no week, each run reports the week
// before the one it runs in, and mails it to the managers through a real SMTP server. (Schedules do
// not exist on the time-skipping server; the Schedule runs on the dev server in
// test/api/weekly-report.test.ts.)
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEEKLY_REPORT_WORKFLOW, type WeeklyReportResult } from '../../domain/report-messages';
import { addDays, cstDate, previousWeekStart, weekStartOf } from '../../domain/report-week';
import { startSmtpCapture, type SmtpCapture } from '../support/smtp';
import { startTimeSkipping, type ClockTestKit } from '../support/time-skipping';

let smtp: SmtpCapture;
let kit: ClockTestKit;
beforeAll(async () => {
  smtp = await startSmtpCapture();
  kit = await startTimeSkipping({ smtpUrl: smtp.url });
});
afterAll(async () => {
  await kit?.stop();
  await smtp?.close();
});

/** Runs the workflow to its end; returns its result and the (virtual) time it started. */
async function run(): Promise<WeeklyReportResult & { startedAt: Date }> {
  const handle = await kit.env.client.workflow.start(WEEKLY_REPORT_WORKFLOW, {
    workflowId: `weekly-report-${crypto.randomUUID()}`, taskQueue: kit.worker.options.taskQueue, args: [{}],
  });
  const result = await handle.result() as WeeklyReportResult;
  return { ...result, startedAt: (await handle.describe()).startTime };
}

/** Skips the test server's clock to the next Friday 08:00 China Standard Time. */
async function skipToFridayMorning(): Promise<void> {
  const now = await kit.env.currentTimeMs();
  let friday = addDays(weekStartOf(new Date(now)), 4).getTime() + 8 * 3600_000;
  if (friday <= now) friday = addDays(new Date(friday), 7).getTime();
  await kit.env.sleep(friday - now);
}

describe('weekly report workflow', () => {
  it('reports the previous week of each run, stores one report per week, and mails it', async () => {
    const first = await run();
    expect(first.weekStart).toBe(previousWeekStart(first.startedAt).toISOString());
    await kit.env.sleep('7 days');
    await skipToFridayMorning();
    const second = await run();
    const friday = new Date(second.startedAt.getTime() + 8 * 3600_000);
    expect([friday.getUTCDay(), friday.getUTCHours()]).toEqual([5, 8]);
    expect(second.weekStart).toBe(previousWeekStart(second.startedAt).toISOString());
    expect(new Date(second.weekStart).getTime()).toBeGreaterThanOrEqual(addDays(new Date(first.weekStart), 7).getTime());
    const stored = await kit.db.weeklyReport.findMany({ where: { weekStart: { in: [new Date(first.weekStart), new Date(second.weekStart)] } }, orderBy: { weekStart: 'asc' } });
    expect(stored.map((r) => [r.weekStart.toISOString(), r.trigger])).toEqual([[first.weekStart, 'schedule'], [second.weekStart, 'schedule']]);
    expect(stored[1]!.html).toContain('信访工作周报');
    expect(stored[1]!.recipients).toContain('manager@demo.jianjian.local');

    // Friday's mail, as the run left it: the week before, with the figures it stored.
    const week = new Date(second.weekStart);
    const mails = smtp.received.filter((m) => m.subject.includes(`（${cstDate(week)} 至 ${cstDate(addDays(week, 6))}）`) && m.to.includes('manager@demo.jianjian.local'));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.html).toBe(stored[1]!.html);
    expect(mails[0]!.html).toContain(`本周新收 ${second.received} 件，办结 ${second.closed} 件，当前超期 ${second.overdue} 件。`);
  });
});
