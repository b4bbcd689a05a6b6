// The holiday calendar in force: the newest revision of each year in the database, and the shipped
// official calendar for years nobody has edited. The newest revision id is the calendar's version.
import type { Db } from './client';
import type { WorkCalendar } from '../domain/calendar';
import { OFFICIAL_CALENDAR, toWorkCalendar, type CalendarYear, type Holiday } from '../domain/official-calendar';

export interface CalendarInForce {
  version: number;
  years: CalendarYear[];
}

export async function calendarInForce(db: Db): Promise<CalendarInForce> {
  const rows = await db.calendarRevision.findMany({ distinct: ['year'], orderBy: [{ year: 'asc' }, { id: 'desc' }] });
  const edited = rows.map((r): CalendarYear => ({
    year: r.year, holidays: r.holidays as unknown as Holiday[], workdays: r.workdays as string[], provisional: r.provisional,
  }));
  const shipped = OFFICIAL_CALENDAR.filter((y) => !edited.some((e) => e.year === y.year));
  return {
    version: Math.max(0, ...rows.map((r) => r.id)),
    years: [...edited, ...shipped].sort((a, b) => a.year - b.year),
  };
}

export async function workCalendar(db: Db): Promise<WorkCalendar> {
  const { version, years } = await calendarInForce(db);
  return toWorkCalendar(years, version);
}

/** Stores a year's new calendar as a revision; returns the calendar's new version. */
export async function saveCalendarYear(db: Db, year: CalendarYear, editedBy: string): Promise<number> {
  const row = await db.calendarRevision.create({
    data: { year: year.year, holidays: year.holidays as object[], workdays: year.workdays, provisional: year.provisional, editedBy },
  });
  return row.id;
}
