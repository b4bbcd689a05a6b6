// Which cases a statistic counts: a date range on one of the case's dates, and optionally one township.
import { Prisma } from '../prisma/generated/client';

export const BASES = ['received', 'closed'] as const;

export interface StatisticsFilter {
  /** Inclusive start; none: since the first case. */
  from?: Date;
  /** Exclusive end; none: up to now. */
  to?: Date;
  /**
   * `received`: cases received in the range, in whatever state they are now (the default: a cohort);
   * `closed`: cases closed in the range (what a week's work finished).
   */
  basis: (typeof BASES)[number];
  /** A township code: that township's cases only (always set for township users). */
  township?: string;
}

const DAY_MS = 24 * 3600_000;
const CST_OFFSET_MS = 8 * 3600_000;

/** Midnight China Standard Time at the start of a `YYYY-MM-DD` day. */
export function cstDay(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

/** The Monday 00:00 (China Standard Time) that starts the week containing `at`. */
export function weekStartOf(at: Date): Date {
  const local = new Date(at.getTime() + CST_OFFSET_MS);
  const sinceMonday = (local.getUTCDay() + 6) % 7;
  const midnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - CST_OFFSET_MS;
  return new Date(midnight - sinceMonday * DAY_MS);
}

export function addDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * DAY_MS);
}

/** `YYYY-MM-DD` of an instant in China Standard Time. */
export function cstDate(d: Date): string {
  return new Date(d.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The SQL condition selecting the filter's cases from `"Case"` aliased as `alias`. */
export function caseCondition(f: StatisticsFilter, alias = 'c'): Prisma.Sql {
  const column = Prisma.raw(`${alias}."${f.basis === 'closed' ? 'closedAt' : 'receivedAt'}"`);
  const parts: Prisma.Sql[] = [Prisma.sql`${column} IS NOT NULL`];
  if (f.from) parts.push(Prisma.sql`${column} >= ${f.from}`);
  if (f.to) parts.push(Prisma.sql`${column} < ${f.to}`);
  if (f.township) parts.push(Prisma.sql`${Prisma.raw(`${alias}."townshipCode"`)} = ${f.township}`);
  return Prisma.join(parts, ' AND ');
}
