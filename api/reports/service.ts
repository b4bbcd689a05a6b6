import crypto from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { Db } from '../../db/client';
import { WEEKLY_REPORT_WORKFLOW, type WeeklyReportInput } from '../../domain/report-messages';
import { cstDate, cstDay, previousWeekStart, weekStartOf } from '../../domain/report-week';
import type { WeeklyReport } from '../../prisma/generated/client';
import type { WeeklyReportContent } from '../../statistics/weekly-report';
import { ApiError } from '../http/errors';

function summary(r: WeeklyReport) {
  const c = r.content as unknown as WeeklyReportContent;
  return {
    weekStart: cstDate(r.weekStart), weekEnd: cstDate(r.weekEnd), label: c.week.label, generatedAt: r.generatedAt.toISOString(),
    trigger: r.trigger, mailedAt: r.mailedAt?.toISOString() ?? null,
    received: c.received.total, closed: c.closed.total, overdue: c.overdueTotal,
  };
}

export function createReportService({ db, temporal, taskQueue }: { db: Db; temporal: Client; taskQueue: string }) {
  return {
    async list() {
      const rows = await db.weeklyReport.findMany({ orderBy: { weekStart: 'desc' }, take: 104 });
      return { items: rows.map(summary) };
    },

    async get(day: string) {
      const row = await db.weeklyReport.findUnique({ where: { weekStart: weekStartOf(cstDay(day)) } });
      if (!row) throw ApiError.notFound('weekly report');
      return { ...summary(row), content: row.content as Record<string, unknown>, html: row.html };
    },

    /** Starts a report run now, for the week of `day` or by default last week; the run stores and mails it. */
    async trigger(day: string | undefined) {
      const weekStart = day ? weekStartOf(cstDay(day)) : previousWeekStart(new Date());
      if (weekStart > new Date()) throw ApiError.badRequest([{ field: 'week', message: 'must not be a future week' }]);
      const input: WeeklyReportInput = { weekStart: weekStart.toISOString(), trigger: 'manual' };
      const workflowId = `weekly-report-manual-${cstDate(weekStart)}-${crypto.randomUUID().slice(0, 8)}`;
      await temporal.workflow.start(WEEKLY_REPORT_WORKFLOW, { workflowId, taskQueue, args: [input] });
      return { workflowId, weekStart: cstDate(weekStart), report: `/api/reports/weekly/${cstDate(weekStart)}` };
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;
