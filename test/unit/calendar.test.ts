// Working-day arithmetic on the shipped 2026 calendar, across the Spring Festival and its 调休 days.
import { describe, expect, it } from 'vitest';
import { countBetween, dateKey, shift, WEEKENDS_ONLY, workingDays, type WorkCalendar } from '../../domain/calendar';
import { OFFICIAL_CALENDAR, toWorkCalendar } from '../../domain/official-calendar';
import { parsePolicy } from '../../domain/policy';

const calendar: WorkCalendar = toWorkCalendar(OFFICIAL_CALENDAR, 1);
const cst = (s: string) => Date.parse(`${s}+08:00`);
const iso = (t: number | undefined) => (t === undefined ? undefined : new Date(t + 8 * 3600_000).toISOString().slice(0, 16));

describe('working days on the 2026 calendar', () => {
  const isWorking = workingDays(calendar);
  it.each([
    ['2026-02-13', true], // Friday before the festival
    ['2026-02-14', true], // Saturday, worked instead (调休)
    ['2026-02-15', false], ['2026-02-17', false], ['2026-02-23', false], // the festival, Sunday to Monday
    ['2026-02-24', true], // Tuesday, back at work
    ['2026-02-28', true], // Saturday, worked instead
    ['2026-03-01', false], // an ordinary Sunday
    ['2026-10-10', true], ['2026-10-07', false],
  ])('%s counts: %s', (day, expected) => {
    expect(isWorking(cst(`${day}T12:00:00`))).toBe(expected);
  });

  it('adds working days across the Spring Festival, counting both make-up Saturdays', () => {
    // Thursday 12 Feb 10:00: Friday 13 is 1, Saturday 14 (调休) is 2, then the festival until Monday 23,
    // Tuesday 24 to Friday 27 are 3–6, Saturday 28 (调休) is 7, Monday 2 March is 8.
    const start = cst('2026-02-12T10:00:00');
    expect(iso(shift(start, 2, 'workingDays', calendar))).toBe('2026-02-14T10:00');
    expect(iso(shift(start, 3, 'workingDays', calendar))).toBe('2026-02-24T10:00');
    expect(iso(shift(start, 7, 'workingDays', calendar))).toBe('2026-02-28T10:00');
    expect(iso(shift(start, 8, 'workingDays', calendar))).toBe('2026-03-02T10:00');
    // Without the official calendar the same count ends weeks earlier.
    expect(iso(shift(start, 8, 'workingDays', WEEKENDS_ONLY))).toBe('2026-02-24T10:00');
  });

  it('counts a clock started during the festival from the first working day', () => {
    const start = cst('2026-02-17T09:30:00');
    expect(iso(shift(start, 1, 'workingDays', calendar))).toBe('2026-02-25T00:00');
    // 24–27 Feb and Saturday 28 are 1–5, 2–6 March 6–10, 9–13 March 11–15: due as Friday 13 March ends.
    expect(iso(shift(start, 15, 'workingDays', calendar))).toBe('2026-03-14T00:00');
  });

  it('walks backwards for a warning before the due time', () => {
    // 3 working days before Wednesday 25 Feb 10:00: Tuesday 24, then back over the festival to Saturday 14 and Friday 13.
    expect(iso(shift(cst('2026-02-25T10:00:00'), -3, 'workingDays', calendar))).toBe('2026-02-13T10:00');
    expect(iso(shift(cst('2026-02-25T10:00:00'), -3, 'days', calendar))).toBe('2026-02-22T10:00');
  });

  it('counts the working days between two instants', () => {
    expect(countBetween(cst('2026-02-12T10:00:00'), cst('2026-03-02T10:00:00'), 'workingDays', calendar)).toBe(8);
    expect(countBetween(cst('2026-03-02T10:00:00'), cst('2026-02-12T10:00:00'), 'workingDays', calendar)).toBe(-8);
    expect(countBetween(cst('2026-02-15T00:00:00'), cst('2026-02-24T00:00:00'), 'workingDays', calendar)).toBe(0);
    expect(countBetween(cst('2026-02-12T10:00:00'), cst('2026-02-13T22:00:00'), 'days', calendar)).toBe(1.5);
  });

  it('does not count paused time, and freezes while a pause is open', () => {
    const start = cst('2026-03-02T10:00:00'); // Monday
    const pause = { from: cst('2026-03-03T10:00:00'), to: cst('2026-03-05T10:00:00') }; // two working days
    expect(iso(shift(start, 5, 'workingDays', calendar, [pause]))).toBe('2026-03-11T10:00');
    expect(iso(shift(start, 10, 'days', calendar, [pause]))).toBe('2026-03-14T10:00');
    expect(shift(start, 5, 'workingDays', calendar, [{ from: pause.from }])).toBeUndefined();
    // A pause that starts after the limit is reached changes nothing.
    expect(iso(shift(start, 1, 'workingDays', calendar, [{ from: cst('2026-03-04T00:00:00') }]))).toBe('2026-03-03T10:00');
  });

  it('names days in China Standard Time', () => {
    expect(dateKey(Date.parse('2026-02-14T16:30:00Z'))).toBe('2026-02-15');
  });
});

describe('hour clocks (救急难\'s 48 hours)', () => {
  it('count calendar time through holidays, and not while paused', () => {
    // Received on the eve of the Spring Festival: the festival does not stop the first-aid clock.
    expect(iso(shift(cst('2026-02-14T10:00'), 48, 'hours', calendar))).toBe('2026-02-16T10:00');
    const pause = [{ from: cst('2026-02-15T10:00'), to: cst('2026-02-15T16:00') }];
    expect(iso(shift(cst('2026-02-14T10:00'), 48, 'hours', calendar, pause))).toBe('2026-02-16T16:00');
    expect(iso(shift(cst('2026-02-16T10:00'), -12, 'hours', calendar))).toBe('2026-02-15T22:00');
    expect(countBetween(cst('2026-02-14T10:00'), cst('2026-02-16T10:00'), 'hours', calendar)).toBe(48);
  });

  it('take their limits from STAGE_LIMITS', () => {
    const policy = parsePolicy('emergency=24h,emergencyWarning=6h,emergencySupervision=1wd');
    expect(policy.emergency).toEqual({ amount: 24, unit: 'hours' });
    expect(policy.emergencyEscalation).toEqual({ warning: { amount: 6, unit: 'hours' }, supervision: { amount: 1, unit: 'workingDays' } });
    expect(parsePolicy(undefined).emergency).toEqual({ amount: 48, unit: 'hours' });
    expect(() => parsePolicy('emergency=2x')).toThrow(/emergency=48h/);
  });
});

describe('the shipped calendar', () => {
  it.each(OFFICIAL_CALENDAR.map((y) => [y.year, y] as const))('%s: make-up days are weekends, holidays are in the year, none is both', (year, y) => {
    for (const d of y.workdays) expect([0, 6], d).toContain(new Date(`${d}T00:00:00Z`).getUTCDay());
    for (const h of y.holidays) expect(h.date.startsWith(String(year))).toBe(true);
    const off = new Set(y.holidays.map((h) => h.date));
    expect(y.workdays.filter((d) => off.has(d))).toEqual([]);
  });
});
