// The one day-counting rule (DESIGN.md §7, after 民法典 第二百零一条、第二百零三条) that every due date
// in days or working days follows: the clocks, the desk's calculator, the case page, exports, mail and
// documents all take their due dates from here. Pure and deterministic, so the case workflow uses it.
//
// - Days: the day of the event (receipt, acceptance, delivery…) is not counted; the period ends at 24:00
//   China Standard Time of its last day; a last day that is a rest day or holiday moves to the next
//   working day.
// - Working days: the period ends at 24:00 of the Nth working day after the day of the event.
// - Hours: exact, from the minute.
// - A day on which a clock stood still (a pause with a legal basis) is not counted, like the day of the event.
// - Past the last year with a calendar, only weekends are rest days, and the due date is provisional.
import { dateKey, DAY_MS, dayStart, MAX_WALK_DAYS, shift, workingDays, type Interval, type WorkCalendar } from './calendar';
import type { Limit } from './policy';

export interface Due {
  /** The due instant: for days and working days, 24:00 (China Standard Time) of the last day. */
  at: number;
  /** True when a day counted falls in a year whose calendar is projected or missing (weekends only). */
  provisional: boolean;
}

const yearOf = (day: number) => Number(dateKey(day).slice(0, 4));

/** Whether a day's year lacks a published calendar: absent (weekends only) or projected. */
function projected(calendar: WorkCalendar): (day: number) => boolean {
  if (!calendar.years) return () => false;
  const known = new Set(calendar.years);
  const guessed = new Set(calendar.provisionalYears ?? []);
  return (day) => !known.has(yearOf(day)) || guessed.has(yearOf(day));
}

/** Whether a pause stops the clock at any time of the day starting at `day` (null: an open pause does). */
function touched(day: number, pauses: readonly Interval[]): boolean | null {
  for (const p of pauses) {
    if (p.to === undefined && p.from < day + DAY_MS) return null;
    if (p.to !== undefined && p.from < day + DAY_MS && p.to > day) return true;
  }
  return false;
}

/**
 * The due time of `limit` counted from the event at `from`; undefined while an open pause freezes the
 * clock before the limit is reached.
 */
export function dueAfter(from: number, limit: Limit, calendar: WorkCalendar, pauses: readonly Interval[] = []): Due | undefined {
  if (limit.unit === 'hours') {
    const at = shift(from, limit.amount, 'hours', calendar, pauses);
    return at === undefined ? undefined : { at, provisional: false };
  }
  const isWorking = workingDays(calendar);
  const isProjected = projected(calendar);
  const counts = limit.unit === 'days' ? () => true : isWorking;
  let provisional = false;
  let day = dayStart(from);
  let left = limit.amount;
  for (let i = 0; left > 0; i++) {
    if (i > MAX_WALK_DAYS) throw new Error(`no day within ${MAX_WALK_DAYS} days ends ${limit.amount} ${limit.unit}`);
    day += DAY_MS;
    const stopped = touched(day, pauses);
    if (stopped === null) return undefined;
    provisional ||= isProjected(day);
    if (!stopped && counts(day)) left -= 1;
  }
  // Only a period in calendar days can end on a rest day; it moves to the next working day.
  while (!isWorking(day)) {
    day += DAY_MS;
    provisional ||= isProjected(day);
  }
  return { at: day + DAY_MS, provisional };
}

/** The due time of an extension of `days`, counted from the day after the original period's last day. */
export function extendedDue(originalDue: number, days: number, calendar: WorkCalendar, pauses: readonly Interval[] = []): Due | undefined {
  // The original period ends at 24:00 of its last day: that day is the event, not counted.
  return dueAfter(originalDue - 1, { amount: days, unit: 'days' }, calendar, pauses);
}

/** Whether a due time is 24:00 (China Standard Time) of a day, as every limit in days or working days is. */
export const endsAtMidnight = (t: number): boolean => t === dayStart(t);

/** The last day of a limit (YYYY-MM-DD, China Standard Time): the day at whose 24:00 it ends. */
export function lastDay(iso: string | number): string {
  const t = typeof iso === 'number' ? iso : Date.parse(iso);
  return dateKey(endsAtMidnight(t) ? t - 1 : t);
}

/**
 * A due time as the law states it: 24:00 of the last day (`2026-10-26 24:00`), China Standard Time;
 * any other instant (an hour limit) as its minute.
 */
export function dueText(iso: string | number | undefined): string {
  if (iso === undefined) return '—';
  const t = typeof iso === 'number' ? iso : Date.parse(iso);
  if (endsAtMidnight(t)) return `${lastDay(t)} 24:00`;
  return new Date(t + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}
