import type { RouteContext, RouteResult } from '../http/route';
import type { CaseExportQuery, StatisticsExportQuery } from './schemas';
import type { ExportService } from './service';

export function createExportHandlers(exports: ExportService) {
  return {
    async cases({ query, user }: RouteContext<unknown, CaseExportQuery, unknown>): Promise<RouteResult> {
      return { file: await exports.cases(query, user) };
    },
    async statistics({ query, user }: RouteContext<unknown, StatisticsExportQuery, unknown>): Promise<RouteResult> {
      return { file: await exports.statistics(query, user) };
    },
  };
}
