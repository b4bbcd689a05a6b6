import type { Db } from '../db/client';
import type { ReportTrigger, WeeklyReportResult } from '../domain/report-messages';
import { renderReportHtml } from '../statistics/report-html';
import { buildWeeklyReportContent } from '../statistics/weekly-report';

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
