import type { Db } from '../../db/client';
import { isTownshipScoped } from '../../domain/roles';
import { computeStatistics } from '../../statistics/compute';
import { addDays, cstDay } from '../../domain/report-week';
import type { StatisticsFilter } from '../../statistics/filter';
import type { AuthUser } from '../auth/service';
import { ApiError } from '../http/errors';
import type { StatisticsQuery } from './schemas';

const isDay = (s: string) => s.length === 10;

/**
 * The filter a caller asked for, within what the caller may see: a township user's statistics are
 * always their own township's. Bare dates are China Standard Time days, `to` inclusive.
 */
export function filterFor(q: StatisticsQuery, user: AuthUser): StatisticsFilter {
  const from = q.from ? (isDay(q.from) ? cstDay(q.from) : new Date(q.from)) : undefined;
  const to = q.to ? (isDay(q.to) ? addDays(cstDay(q.to), 1) : new Date(q.to)) : undefined;
  if (from && to && from >= to) throw ApiError.badRequest([{ field: 'query.to', message: 'must be after from' }]);
  let township = q.township;
  if (isTownshipScoped(user.role)) {
    if (township && township !== user.townshipCode) throw ApiError.forbidden('township users see only their own township\'s statistics');
    township = user.townshipCode ?? '';
  }
  return { from, to, basis: q.basis, township, village: q.village, kind: q.kind };
}

export function createStatisticsService(db: Db) {
  return {
    get: (q: StatisticsQuery, user: AuthUser) => computeStatistics(db, filterFor(q, user)),
  };
}

export type StatisticsService = ReturnType<typeof createStatisticsService>;
