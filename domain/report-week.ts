// Calendar arithmetic for reports, in China Standard Time (the county's clock). Pure: the weekly
// report workflow picks its week with it.
const DAY_MS = 24 * 3600_000;
const CST_OFFSET_MS = 8 * 3600_000;

/** Midnight China Standard Time at the start of a `YYYY-MM-DD` day. */
export function cstDay(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

/** `YYYY-MM-DD` of an instant in China Standard Time. */
export function cstDate(d: Date): string {
  return new Date(d.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

export function addDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * DAY_MS);
}

/** The Monday 00:00 (China Standard Time) that starts the week containing `at`. */
export function weekStartOf(at: Date): Date {
  const local = new Date(at.getTime() + CST_OFFSET_MS);
  const sinceMonday = (local.getUTCDay() + 6) % 7;
  const midnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - CST_OFFSET_MS;
  return new Date(midnight - sinceMonday * DAY_MS);
}

/** The week before the one containing `at`: what Friday's analysis meeting looks back on. */
export function previousWeekStart(at: Date): Date {
  return addDays(weekStartOf(at), -7);
}
