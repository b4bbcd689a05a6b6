import type { Db } from '../db/client';
import type { ReportTrigger, WeeklyReportResult } from '../domain/report-messages';
import { cstDate } from '../domain/report-week';
import { renderReportHtml, renderReportText, reportTitle } from '../statistics/report-html';
import { buildWeeklyReportContent, type WeeklyReportContent } from '../statistics/weekly-report';
import type { NotificationResult, createSendNotification } from './send-notification';

export function createBuildWeeklyReport(db: Db) {
  /** Builds the week's report as of now and stores it; a rerun for the same week replaces it. */
  return async function buildWeeklyReport(input: { weekStart: string; trigger: ReportTrigger }): Promise<WeeklyReportResult> {
    const weekStart = new Date(input.weekStart);
    const content = await buildWeeklyReportContent(db, weekStart, new Date());
    const row = {
      weekEnd: new Date(content.week.end), generatedAt: new Date(content.generatedAt), trigger: input.trigger,
      content: content as object, html: renderReportHtml(content), mailedAt: null, recipients: [],
    };
    await db.weeklyReport.upsert({ where: { weekStart }, create: { weekStart, ...row }, update: row });
    return { weekStart: input.weekStart, received: content.received.total, closed: content.closed.total, overdue: content.overdueTotal };
  };
}

export function createMailWeeklyReport(db: Db, sendNotification: ReturnType<typeof createSendNotification>) {
  /**
   * Mails the stored report of the week to every active manager, as HTML with a plain-text part.
   * `key` names the run: a retry or a replay of one run never mails a manager twice.
   */
  return async function mailWeeklyReport(input: { weekStart: string; key: string }): Promise<NotificationResult> {
    const weekStart = new Date(input.weekStart);
    const report = await db.weeklyReport.findUniqueOrThrow({ where: { weekStart } });
    const content = report.content as unknown as WeeklyReportContent;
    const result = await sendNotification({
      key: input.key, template: 'report.weekly', to: { roles: ['manager'] },
      data: {
        title: reportTitle(content), week: cstDate(weekStart), received: content.received.total, closed: content.closed.total,
        overdue: content.overdueTotal, text: renderReportText(content), html: report.html,
      },
    });
    const sent = await db.notification.findMany({ where: { key: input.key, status: 'sent' }, orderBy: { recipient: 'asc' } });
    if (sent.length > 0) {
      await db.weeklyReport.update({
        where: { weekStart },
        data: { mailedAt: sent.reduce((t, n) => (n.sentAt! > t ? n.sentAt! : t), sent[0]!.sentAt!), recipients: sent.map((n) => n.recipient) },
      });
    }
    return result;
  };
}
