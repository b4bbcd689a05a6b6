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
  /** A registered village's code: its cases only. */
  village?: string;
  /** One kind of petition only. */
  kind?: string;
}

/** The SQL condition selecting the filter's cases from `"Case"` aliased as `alias`. */
export function caseCondition(f: StatisticsFilter, alias = 'c'): Prisma.Sql {
  const column = Prisma.raw(`${alias}."${f.basis === 'closed' ? 'closedAt' : 'receivedAt'}"`);
  const parts: Prisma.Sql[] = [Prisma.sql`${column} IS NOT NULL`];
  if (f.from) parts.push(Prisma.sql`${column} >= ${f.from}`);
  if (f.to) parts.push(Prisma.sql`${column} < ${f.to}`);
  if (f.township) parts.push(Prisma.sql`${Prisma.raw(`${alias}."townshipCode"`)} = ${f.township}`);
  if (f.village) parts.push(Prisma.sql`${Prisma.raw(`${alias}."villageCode"`)} = ${f.village}`);
  if (f.kind) parts.push(Prisma.sql`${Prisma.raw(`${alias}."kind"`)} = ${f.kind}`);
  return Prisma.join(parts, ' AND ');
}
