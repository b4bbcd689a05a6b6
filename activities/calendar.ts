import type { Db } from '../db/client';
import { workCalendar } from '../db/calendar';
import type { WorkCalendar } from '../domain/calendar';

export function createCalendarActivities(db: Db) {
  return {
    /** The holiday calendar in force, for the broadcast to open cases. */
    async loadCalendar(): Promise<WorkCalendar> {
      return workCalendar(db);
    },

    /** A page of open cases that run clocks, in id order after `after`. */
    async openCaseIds({ after, limit }: { after?: string; limit: number }): Promise<string[]> {
      const rows = await db.case.findMany({
        where: { stage: { not: 'closed' }, ...(after ? { id: { gt: after } } : {}) },
        orderBy: { id: 'asc' }, take: limit, select: { id: true },
      });
      return rows.map((r) => r.id);
    },
  };
}
