// The day-counting rule of DESIGN.md §7, checked against the oracle in test/support/day-oracle.ts (a plain
// walker over calendar dates written from §7's text): every start day of 2026 and 2027, for the limits in
// days and in working days, on the shipped calendar and after an administrator enters 2027.
import { describe, expect, it } from 'vitest';
import type { Interval } from '../../domain/calendar';
import { dueAfter, dueText, extendedDue } from '../../domain/day-count';
import { OFFICIAL_CALENDAR, toWorkCalendar, type CalendarYear } from '../../domain/official-calendar';
import { dayOracle as oracle, endOf as endOfDay, nextDate } from '../support/day-oracle';

/** Shipped: 2026 published, 2027 projected (provisional), nothing after. */
const SHIPPED = OFFICIAL_CALENDAR;
/** An administrator has entered 2027 as published: only 2028 on is provisional. */
const ENTERED: CalendarYear[] = OFFICIAL_CALENDAR.map((y) => ({ ...y, provisional: false }));

const at = (date: string, time: string) => Date.parse(`${date}T${time}+08:00`);
const endOf = (date: string) => Date.parse(endOfDay(date));

function everyDate(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = nextDate(d)) out.push(d);
  return out;
}
const START_DAYS = everyDate('2026-01-01', '2027-12-31');
/** The day of the event is not counted whatever its hour: the first and last minute, and one between. */
const TIMES = ['00:00:00', '13:33:00', '23:59:59'];

describe.each([['shipped', SHIPPED], ['2027 entered', ENTERED]] as const)('every start day of 2026 and 2027 (%s calendar)', (_name, years) => {
  const calendar = toWorkCalendar(years, 1);
  const expected = oracle(years);

  it.each([15, 30, 60])('%i days end at 24:00 of the oracle\'s last day', (n) => {
    for (const start of START_DAYS) {
      const want = expected.days(start, n);
      for (const time of TIMES) {
        const due = dueAfter(at(start, time), { amount: n, unit: 'days' }, calendar)!;
        expect({ start, time, at: due.at, provisional: due.provisional }).toEqual({ start, time, at: endOf(want.last), provisional: want.provisional });
      }
    }
  });

  it.each([3, 5, 10, 15])('%i working days end at 24:00 of the oracle\'s last working day', (n) => {
    for (const start of START_DAYS) {
      const want = expected.workingDays(start, n);
      for (const time of TIMES) {
        const due = dueAfter(at(start, time), { amount: n, unit: 'workingDays' }, calendar)!;
        expect({ start, time, at: due.at, provisional: due.provisional }).toEqual({ start, time, at: endOf(want.last), provisional: want.provisional });
      }
    }
  });

  it('a 30-day extension counts from the day after the 60-day period\'s last day, after its move', () => {
    for (const start of START_DAYS) {
      const original = expected.days(start, 60);
      const want = expected.days(original.last, 30);
      const first = dueAfter(at(start, '10:00:00'), { amount: 60, unit: 'days' }, calendar)!;
      expect({ start, at: extendedDue(first.at, 30, calendar)!.at }).toEqual({ start, at: endOf(want.last) });
    }
  });
});

describe('the named examples of §7 and the issue', () => {
  const calendar = toWorkCalendar(SHIPPED, 1);
  const fifteen = (date: string, time = '13:33:00') => dueText(dueAfter(at(date, time), { amount: 15, unit: 'days' }, calendar)!.at);

  it('received Friday 2026-10-09: day 15 is Saturday 10-24, due Monday 10-26 24:00', () => {
    expect(fifteen('2026-10-09')).toBe('2026-10-26 24:00');
  });

  it('received 2026-09-29: due Wednesday 2026-10-14 24:00', () => {
    expect(fifteen('2026-09-29')).toBe('2026-10-14 24:00');
  });

  it('received 2026-09-20: day 15 falls in the National Day holiday, due Thursday 2026-10-08 24:00', () => {
    expect(fifteen('2026-09-20')).toBe('2026-10-08 24:00');
  });

  it('a last day on a make-up working Saturday (调休) does not move', () => {
    // 2026-09-25 + 15 = Saturday 10-10, worked instead of a National Day holiday.
    expect(fifteen('2026-09-25')).toBe('2026-10-10 24:00');
  });
});

describe('limits past the calendar, pauses, hours', () => {
  it('a limit into a year without a calendar counts weekends only and is provisional; entering the year settles it', () => {
    const only2026 = toWorkCalendar(SHIPPED.filter((y) => y.year === 2026), 1);
    // 2026-12-20 + 15 = Monday 2027-01-04: weekends only, so 元旦 (projected 01-01..03) does not matter here.
    const due = dueAfter(at('2026-12-20', '09:00:00'), { amount: 15, unit: 'days' }, only2026)!;
    expect({ text: dueText(due.at), provisional: due.provisional }).toEqual({ text: '2027-01-04 24:00', provisional: true });
    // 2026-12-17 + 15 = Friday 2027-01-01: a working day on weekends only, a holiday once 2027 is entered.
    const newYear = (years: CalendarYear[]) => dueAfter(at('2026-12-17', '09:00:00'), { amount: 15, unit: 'days' }, toWorkCalendar(years, 2))!;
    expect(dueText(newYear(SHIPPED.filter((y) => y.year === 2026)).at)).toBe('2027-01-01 24:00');
    const entered = newYear(ENTERED);
    expect({ text: dueText(entered.at), provisional: entered.provisional }).toEqual({ text: '2027-01-04 24:00', provisional: false });
  });

  it('a limit inside a published year is not provisional', () => {
    expect(dueAfter(at('2026-03-02', '09:00:00'), { amount: 60, unit: 'days' }, toWorkCalendar(SHIPPED, 1))!.provisional).toBe(false);
  });

  it('a day on which a pause with a legal basis stopped the clock is not counted; an open pause freezes it', () => {
    const calendar = toWorkCalendar(SHIPPED, 1);
    const hearing: Interval = { from: at('2026-11-10', '09:00:00'), to: at('2026-11-11', '11:30:00') };
    const skip = new Set(['2026-11-10', '2026-11-11']);
    const due = dueAfter(at('2026-11-02', '15:00:00'), { amount: 30, unit: 'days' }, calendar, [hearing])!;
    expect(due.at).toBe(endOf(oracle(SHIPPED).days('2026-11-02', 30, skip).last));
    expect(dueText(due.at)).toBe('2026-12-04 24:00');
    expect(dueAfter(at('2026-11-02', '15:00:00'), { amount: 30, unit: 'days' }, calendar, [{ from: hearing.from }])).toBeUndefined();
    // A pause that starts after the last day changes nothing.
    const late = dueAfter(at('2026-11-02', '15:00:00'), { amount: 5, unit: 'days' }, calendar, [{ from: at('2026-11-20', '09:00:00') }]);
    expect(dueText(late!.at)).toBe('2026-11-09 24:00');
  });

  it('hours run exactly from the minute, whatever the day', () => {
    const due = dueAfter(at('2026-10-01', '13:33:00'), { amount: 48, unit: 'hours' }, toWorkCalendar(SHIPPED, 1))!;
    expect(dueText(due.at)).toBe('2026-10-03 13:33');
  });

  it('shows a due time at midnight as 24:00 of the day before, others as their minute, none as a dash', () => {
    expect(dueText('2026-10-26T16:00:00.000Z')).toBe('2026-10-26 24:00');
    expect(dueText('2026-10-26T05:33:00.000Z')).toBe('2026-10-26 13:33');
    expect(dueText(undefined)).toBe('—');
  });
});
