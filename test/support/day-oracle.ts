// An oracle for the day-counting rule, written from DESIGN.md §7's text alone and sharing nothing
// with domain/day-count.ts but the shipped holiday data: a plain walker over calendar dates
// (YYYY-MM-DD strings). Tests compare the system's due dates with it.
import { OFFICIAL_CALENDAR, type CalendarYear } from '../../domain/official-calendar';

export const nextDate = (d: string): string => {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, day + 1)).toISOString().slice(0, 10);
};

/** The China Standard Time date of an instant. */
export const cstDate = (t: string | number): string => new Date(new Date(t).getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** 24:00 China Standard Time of a date, as an ISO instant. */
export const endOf = (date: string): string => new Date(Date.parse(`${nextDate(date)}T00:00:00+08:00`)).toISOString();

export interface OracleDue {
  /** The day at whose 24:00 the limit ends. */
  last: string;
  provisional: boolean;
}

export function dayOracle(years: readonly CalendarYear[] = OFFICIAL_CALENDAR) {
  const holidays = new Set(years.flatMap((y) => y.holidays.map((h) => h.date)));
  const makeUp = new Set(years.flatMap((y) => y.workdays));
  const published = new Set(years.filter((y) => !y.provisional).map((y) => y.year));
  const isRest = (d: string) => {
    if (makeUp.has(d)) return false;
    if (holidays.has(d)) return true;
    const [y, m, day] = d.split('-').map(Number) as [number, number, number];
    const weekday = new Date(Date.UTC(y, m - 1, day)).getUTCDay();
    return weekday === 0 || weekday === 6;
  };
  const unsure = (d: string) => !published.has(Number(d.slice(0, 4)));
  return {
    isRest,
    /** N days after the event's date, skipping `skip` (days a pause stopped the clock); a last rest day moves on. */
    days(start: string, n: number, skip: ReadonlySet<string> = new Set()): OracleDue {
      let d = start;
      let provisional = false;
      for (let counted = 0; counted < n;) {
        d = nextDate(d);
        provisional ||= unsure(d);
        if (!skip.has(d)) counted++;
      }
      while (isRest(d)) { d = nextDate(d); provisional ||= unsure(d); }
      return { last: d, provisional };
    },
    /** The Nth working day after the event's date. */
    workingDays(start: string, n: number): OracleDue {
      let d = start;
      let provisional = false;
      for (let counted = 0; counted < n;) {
        d = nextDate(d);
        provisional ||= unsure(d);
        if (!isRest(d)) counted++;
      }
      return { last: d, provisional };
    },
  };
}

const shipped = dayOracle();

/** The due instant (ISO) of a limit from an event at `at`, on the shipped calendar. */
export function expectedDue(at: string | number, amount: number, unit: 'days' | 'workingDays'): string {
  return endOf(shipped[unit](cstDate(at), amount).last);
}

/** The due instant of an extension of `days`, counted from the day after the original due time's last day. */
export function expectedExtension(originalDue: string, days: number): string {
  return endOf(shipped.days(cstDate(Date.parse(originalDue) - 1), days).last);
}
