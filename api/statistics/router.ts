import { route, type Route } from '../http/route';
import { createStatisticsHandlers } from './handler';
import { statisticsQuery, statisticsSchema } from './schemas';
import type { StatisticsService } from './service';

export function statisticsRoutes(statistics: StatisticsService): Route[] {
  const h = createStatisticsHandlers(statistics);
  return [
    route({
      method: 'get', path: '/api/statistics', tag: 'statistics', permission: 'statistics.read',
      summary: 'Count cases and compute the on-time closure, reply and satisfaction rates',
      query: statisticsQuery,
      responses: {
        200: { description: 'counts by kind, channel, source, township, category, stage, outcome and satisfaction; rates; days per stage', schema: statisticsSchema },
        403: { description: 'a township user asked for another township' },
      },
      handle: h.get,
    }),
  ];
}
