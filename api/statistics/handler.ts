import type { RouteContext, RouteResult } from '../http/route';
import type { StatisticsQuery } from './schemas';
import type { StatisticsService } from './service';

export function createStatisticsHandlers(statistics: StatisticsService) {
  return {
    async get({ query, user }: RouteContext<unknown, StatisticsQuery, unknown>): Promise<RouteResult> {
      return { body: await statistics.get(query, user) };
    },
  };
}
