import { z } from 'zod';
import { CLOCK_KINDS, LEVELS } from '../../domain/clocks';
import { text } from '../../domain/text';

const day = z.iso.date({ message: 'must be a date YYYY-MM-DD' });
const isoDateTime = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' });
const unit = z.enum(['days', 'workingDays', 'hours']);

export const yearParams = z.object({ year: z.coerce.number().int().min(2000, 'must be a year from 2000').max(2100, 'must be a year up to 2100') });

export const calendarYearSchema = z.object({
  holidays: z.array(z.object({ date: day, name: text(50) }).strict()).max(366),
  /** Weekend days worked instead (调休上班). */
  workdays: z.array(day).max(120),
  /** True while the year's values are projected rather than published. */
  provisional: z.boolean().default(false),
}).strict();

const calendarYearOut = calendarYearSchema.extend({ year: z.number() });
export const calendarSchema = z.object({ version: z.number(), years: z.array(calendarYearOut) });
export const calendarEditSchema = z.object({
  year: z.number(), version: z.number(),
  /** Open cases that will recompute their due dates on the new calendar. */
  openCases: z.number(),
});

export const deadlineQuery = z.object({
  start: isoDateTime.optional(),
  clock: z.enum(CLOCK_KINDS).optional(),
  amount: z.coerce.number().int().min(1).max(3650).optional(),
  unit: unit.optional(),
}).strict().superRefine((q, ctx) => {
  if (q.clock && (q.amount !== undefined || q.unit)) {
    ctx.addIssue({ code: 'custom', path: ['clock'], message: 'give either a clock or an amount and a unit, not both' });
  } else if (!q.clock && q.amount === undefined) {
    ctx.addIssue({ code: 'custom', path: ['amount'], message: 'is required unless a clock is given' });
  } else if (!q.clock && !q.unit) {
    ctx.addIssue({ code: 'custom', path: ['unit'], message: 'is required unless a clock is given' });
  }
});

export const deadlineSchema = z.object({
  start: z.string(),
  limit: z.object({ amount: z.number(), unit }),
  calendarVersion: z.number(),
  /** For days and working days, 24:00 China Standard Time of the last day (DESIGN.md §7). */
  dueAt: z.string(),
  /** The count runs into a year whose holiday calendar is not published yet (weekends only): it may move. */
  provisional: z.boolean(),
  escalation: z.object(Object.fromEntries(LEVELS.map((l) => [l, z.string()])) as Record<(typeof LEVELS)[number], z.ZodString>),
  /** From now to the due time; negative once it has passed. */
  remaining: z.object({ days: z.number(), workingDays: z.number() }),
});
