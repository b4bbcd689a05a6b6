// The weekly analysis report (每周五分析会): last week's new and closed cases, the rates of what
// closed, what is overdue now in each township, and the cases open longest.
import type { Db } from '../db/client';
import { addDays, cstDate } from '../domain/report-week';
import { computeStatistics, type Count, type Statistics } from './compute';

export interface LongRunningCase {
  caseNo: string;
  subject: string;
  township: string;
  stage: string;
  receivedAt: string;
  /** Whole days since receipt, at generation. */
  days: number;
  overdue: boolean;
}

export interface WeeklyReportContent {
  week: { start: string; end: string; label: string };
  generatedAt: string;
  /** Cases received during the week. */
  received: { total: number; byKind: Count[]; bySource: Statistics['counts']['source'] };
  /** Cases closed during the week, and the rates over them. */
  closed: { total: number; byOutcome: Count[]; rates: Statistics['rates'] };
  /** Open cases past their stage's due date at generation, per township (townships with none left out). */
  overdueByTownship: Array<{ code: string; name: string; overdue: number }>;
  overdueTotal: number;
  longestRunning: LongRunningCase[];
}

export const LONGEST_RUNNING = 10;
const DAY_MS = 24 * 3600_000;

/** Builds the report of the week starting `weekStart` (a Monday 00:00 China Standard Time), as of `now`. */
export async function buildWeeklyReportContent(db: Db, weekStart: Date, now: Date): Promise<WeeklyReportContent> {
  const weekEnd = addDays(weekStart, 7);
  const [received, closed, overdue, open] = await Promise.all([
    computeStatistics(db, { basis: 'received', from: weekStart, to: weekEnd }, now),
    computeStatistics(db, { basis: 'closed', from: weekStart, to: weekEnd }, now),
    db.case.groupBy({ by: ['townshipCode'], where: { stage: { not: 'closed' }, stageDueAt: { lt: now } }, _count: { _all: true } }),
    db.case.findMany({
      where: { stage: { not: 'closed' } }, orderBy: [{ receivedAt: 'asc' }, { id: 'asc' }], take: LONGEST_RUNNING, include: { township: true },
    }),
  ]);
  const townships = new Map((await db.township.findMany()).map((t) => [t.code, t.name]));
  const overdueByTownship = overdue
    .map((o) => ({ code: o.townshipCode, name: townships.get(o.townshipCode) ?? o.townshipCode, overdue: o._count._all }))
    .sort((a, b) => b.overdue - a.overdue || a.code.localeCompare(b.code));
  return {
    week: { start: weekStart.toISOString(), end: weekEnd.toISOString(), label: `${cstDate(weekStart)} 至 ${cstDate(addDays(weekEnd, -1))}` },
    generatedAt: now.toISOString(),
    received: { total: received.total, byKind: received.counts.kind, bySource: received.counts.source },
    closed: { total: closed.total, byOutcome: closed.counts.outcome.filter((c) => c.key !== null), rates: closed.rates },
    overdueByTownship,
    overdueTotal: overdueByTownship.reduce((n, t) => n + t.overdue, 0),
    longestRunning: open.map((c) => ({
      caseNo: c.caseNo, subject: c.subject, township: c.township.name, stage: c.stage, receivedAt: c.receivedAt.toISOString(),
      days: Math.floor((now.getTime() - c.receivedAt.getTime()) / DAY_MS),
      overdue: c.stageDueAt !== null && c.stageDueAt < now,
    })),
  };
}
