// Working-day arithmetic on the official holiday calendar (holidays and 调休 make-up working days).
// Pure and deterministic. Due dates follow the day-counting rule in day-count.ts; this module gives it
// the calendar's working days and measures spans of time: hour limits (救急难's 48 hours, exact from the
// minute), the escalation ladder's offsets before and after a due time, and the time remaining.
//
// `shift` advances only while a span counts: calendar time always, working-day time only during working
// days (whole days, China Standard Time), and neither while paused. So 1 working day from Friday 10:00
// is Monday 10:00.

/** The calendar a workflow computes with: every year's days off and make-up working days, flattened. */
export interface WorkCalendar {
  /** Increases with every edit; a workflow applies only a newer calendar than it has. */
  version: number;
  /** Days off that would otherwise be working days (YYYY-MM-DD, China Standard Time). */
  holidays: string[];
  /** Weekend days that are working days (调休). */
  workdays: string[];
  /** The years with a calendar; past them only weekends are rest days. Absent: not known (every year counts as published). */
  years?: number[];
  /** Years whose calendar is projected, not yet published: due dates counted in them are provisional. */
  provisionalYears?: number[];
}

export type ClockUnit = 'days' | 'workingDays' | 'hours';

export interface Interval {
  from: number;
  /** Undefined while still open (a pause not yet resumed). */
  to?: number;
}

export const DAY_MS = 24 * 3600_000;
const HOUR_MS = 3600_000;
const unitMs = (unit: ClockUnit) => (unit === 'hours' ? HOUR_MS : DAY_MS);
const CST_OFFSET_MS = 8 * 3600_000;
/** No clock in the system runs longer than this; a walk past it means a frozen clock. */
export const MAX_WALK_DAYS = 20 * 366;

/** A calendar with weekends only, for computations that have no official calendar. */
export const WEEKENDS_ONLY: WorkCalendar = { version: 0, holidays: [], workdays: [] };

/** The China Standard Time date of an instant, as YYYY-MM-DD. */
export function dateKey(t: number): string {
  return new Date(t + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** Midnight (China Standard Time) at the start of the day holding `t`. */
export function dayStart(t: number): number {
  return Math.floor((t + CST_OFFSET_MS) / DAY_MS) * DAY_MS - CST_OFFSET_MS;
}

/** Decides, for one calendar, whether a day counts for a working-day clock. */
export function workingDays(calendar: WorkCalendar): (t: number) => boolean {
  const off = new Set(calendar.holidays);
  const on = new Set(calendar.workdays);
  return (t) => {
    const key = dateKey(t);
    if (on.has(key)) return true;
    if (off.has(key)) return false;
    const weekday = new Date(t + CST_OFFSET_MS).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  };
}

function counter(unit: ClockUnit, calendar: WorkCalendar): (t: number) => boolean {
  return unit === 'workingDays' ? workingDays(calendar) : () => true;
}

/** The parts of [a, b) outside every pause, in time order. */
function outsidePauses(a: number, b: number, pauses: readonly Interval[]): [number, number][] {
  let parts: [number, number][] = [[a, b]];
  for (const p of pauses) {
    const to = p.to ?? Infinity;
    parts = parts.flatMap(([x, y]): [number, number][] => {
      if (to <= x || p.from >= y) return [[x, y]];
      return [[x, Math.max(x, p.from)], [Math.min(y, to), y]].filter(([s, e]) => e! > s!) as [number, number][];
    });
  }
  return parts;
}

/**
 * The instant at which `amount` days (of the unit) have counted, walking forward from `from`
 * (or backward for a negative amount). Undefined when an open pause freezes the clock first.
 */
export function shift(from: number, amount: number, unit: ClockUnit, calendar: WorkCalendar, pauses: readonly Interval[] = []): number | undefined {
  let left = Math.abs(amount) * unitMs(unit);
  if (left === 0) return from;
  if (unit !== 'workingDays' && pauses.length === 0) return from + Math.sign(amount) * left;
  const counts = counter(unit, calendar);
  const forward = amount > 0;
  let t = from;
  for (let i = 0; i < MAX_WALK_DAYS; i++) {
    const start = dayStart(forward ? t : t - 1);
    const [a, b] = forward ? [t, start + DAY_MS] : [start, t];
    if (counts(start)) {
      const parts = outsidePauses(a, b, pauses);
      for (const [x, y] of forward ? parts : parts.reverse()) {
        if (y - x >= left) return forward ? x + left : y - left;
        left -= y - x;
      }
    }
    if (forward && pauses.some((p) => p.to === undefined && p.from <= b)) return undefined;
    t = forward ? b : a;
  }
  throw new Error(`no instant within ${MAX_WALK_DAYS} days counts ${amount} ${unit}`);
}

/** How many days or hours (of the unit, fractional) count between two instants; negative when `to` is earlier. */
export function countBetween(from: number, to: number, unit: ClockUnit, calendar: WorkCalendar): number {
  if (to < from) return -countBetween(to, from, unit, calendar);
  if (unit !== 'workingDays') return (to - from) / unitMs(unit);
  const counts = counter(unit, calendar);
  let total = 0;
  for (let t = from; t < to;) {
    const end = Math.min(dayStart(t) + DAY_MS, to);
    if (counts(dayStart(t))) total += end - t;
    t = end;
  }
  return total / DAY_MS;
}
