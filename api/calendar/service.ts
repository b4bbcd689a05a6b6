import type { Client } from '@temporalio/client';
import type { z } from 'zod';
import { calendarInForce, saveCalendarYear, workCalendar } from '../../db/calendar';
import type { Db } from '../../db/client';
import { countBetween } from '../../domain/calendar';
import { clockLimit, escalationFor, schedule, type Clock } from '../../domain/clocks';
import type { FieldError } from '../../domain/text';
import type { TimePolicy } from '../../domain/policy';
import type { AuthUser } from '../auth/service';
import { ApiError } from '../http/errors';
import type { calendarYearSchema, deadlineQuery } from './schemas';

export interface CalendarServiceDeps {
  db: Db;
  temporal: Client;
  taskQueue: string;
  policy: TimePolicy;
}

type CalendarYearInput = z.infer<typeof calendarYearSchema>;

/** Rules the schema cannot see: every date in the year, make-up days on weekends, no day both. */
function yearErrors(year: number, y: CalendarYearInput): FieldError[] {
  const errors: FieldError[] = [];
  const inYear = (d: string) => d.startsWith(`${year}-`);
  const seen = new Set<string>();
  y.holidays.forEach((h, i) => {
    if (!inYear(h.date)) errors.push({ field: `holidays.${i}.date`, message: `must be a day of ${year}` });
    if (seen.has(h.date)) errors.push({ field: `holidays.${i}.date`, message: `${h.date} is listed twice` });
    seen.add(h.date);
  });
  y.workdays.forEach((d, i) => {
    const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (!inYear(d)) errors.push({ field: `workdays.${i}`, message: `must be a day of ${year}` });
    else if (weekday !== 0 && weekday !== 6) errors.push({ field: `workdays.${i}`, message: `${d} is a weekday; make-up working days are Saturdays or Sundays` });
    if (seen.has(d)) errors.push({ field: `workdays.${i}`, message: `${d} cannot be both a holiday and a working day` });
  });
  return errors;
}

export function createCalendarService({ db, temporal, taskQueue, policy }: CalendarServiceDeps) {
  return {
    get: () => calendarInForce(db),

    /**
     * Replaces a year's calendar and sends the calendar in force to every open case, which
     * recomputes its due dates and escalation times and records that in its timeline.
     */
    async put(year: number, input: CalendarYearInput, user: AuthUser) {
      const errors = yearErrors(year, input);
      if (errors.length) throw ApiError.badRequest(errors);
      const version = await saveCalendarYear(db, { year, ...input }, user.username);
      // A durable workflow delivers it, so every open case gets it even if this process stops now.
      await temporal.workflow.start('calendarBroadcastWorkflow', { workflowId: `calendar-broadcast-${version}`, taskQueue, args: [{}] });
      const openCases = await db.case.count({ where: { stage: { not: 'closed' } } });
      return { year, version, openCases };
    },

    /** The desk's calculator: a start and a clock (or an amount and unit) → due date and ladder, by the clocks' own rule. */
    async deadline(q: z.infer<typeof deadlineQuery>) {
      const calendar = await workCalendar(db);
      const now = Date.now();
      const start = q.start ? new Date(q.start).toISOString() : new Date(now).toISOString();
      const limit = q.clock ? clockLimit(q.clock, policy) : { amount: q.amount!, unit: q.unit! };
      const clock: Clock = { id: 'calculator', kind: q.clock ?? 'reply', limit, startedAt: start };
      const s = schedule(clock, [], calendar, escalationFor(clock.kind, policy));
      const due = Date.parse(s.dueAt!);
      const round = (n: number) => Math.round(n * 100) / 100;
      return {
        start, limit, calendarVersion: calendar.version, dueAt: s.dueAt!, provisional: s.provisional!,
        escalation: { warning: s.warnAt!, urging: s.dueAt!, supervision: s.superviseAt! },
        remaining: { days: round(countBetween(now, due, 'days', calendar)), workingDays: round(countBetween(now, due, 'workingDays', calendar)) },
      };
    },
  };
}

export type CalendarService = ReturnType<typeof createCalendarService>;
