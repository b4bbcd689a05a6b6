// The official holiday calendar shipped with the system (国务院办公厅 notices on public holidays):
// days off and the weekend days worked instead (调休). An admin edits it through the API; these are
// the values a new installation starts from.
import type { WorkCalendar } from './calendar';

export interface Holiday {
  date: string;
  name: string;
}

export interface CalendarYear {
  year: number;
  holidays: Holiday[];
  /** Weekend days that are working days (调休上班). */
  workdays: string[];
  /** True while the year's values are projected rather than taken from the published notice. */
  provisional: boolean;
}

/** Every date from `from` to `to` inclusive, with one name. */
function days(from: string, to: string, name: string): Holiday[] {
  const out: Holiday[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 24 * 3600_000) {
    out.push({ date: new Date(t).toISOString().slice(0, 10), name });
  }
  return out;
}

export const OFFICIAL_CALENDAR: CalendarYear[] = [
  {
    // As published by the State Council General Office for 2026.
    year: 2026,
    provisional: false,
    holidays: [
      ...days('2026-01-01', '2026-01-03', '元旦'),
      ...days('2026-02-15', '2026-02-23', '春节'),
      ...days('2026-04-04', '2026-04-06', '清明节'),
      ...days('2026-05-01', '2026-05-05', '劳动节'),
      ...days('2026-06-19', '2026-06-21', '端午节'),
      ...days('2026-09-25', '2026-09-27', '中秋节'),
      ...days('2026-10-01', '2026-10-07', '国庆节'),
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
  {
    // Projected from the lunar calendar and the 2025 holiday rules until the State Council publishes
    // the 2027 notice; an admin replaces it through PUT /api/calendar/2027.
    year: 2027,
    provisional: true,
    holidays: [
      ...days('2027-01-01', '2027-01-03', '元旦'),
      ...days('2027-02-05', '2027-02-13', '春节'),
      ...days('2027-04-03', '2027-04-05', '清明节'),
      ...days('2027-05-01', '2027-05-05', '劳动节'),
      ...days('2027-06-09', '2027-06-09', '端午节'),
      ...days('2027-09-15', '2027-09-15', '中秋节'),
      ...days('2027-10-01', '2027-10-07', '国庆节'),
    ],
    workdays: ['2027-02-20', '2027-04-25', '2027-05-08', '2027-09-26', '2027-10-09'],
  },
];

/** Flattens calendar years into the form a workflow computes with. */
export function toWorkCalendar(years: readonly CalendarYear[], version: number): WorkCalendar {
  return {
    version,
    holidays: years.flatMap((y) => y.holidays.map((h) => h.date)).sort(),
    workdays: years.flatMap((y) => y.workdays).sort(),
    years: years.map((y) => y.year).sort(),
    provisionalYears: years.filter((y) => y.provisional).map((y) => y.year).sort(),
  };
}
