import { route, type Route } from '../http/route';
import { createExportHandlers } from './handler';
import { caseExportQuery, statisticsExportQuery } from './schemas';
import { EXPORT_CONTENT_TYPES, type ExportService } from './service';

const download = { description: 'a CSV (UTF-8, Chinese headers) or XLSX file, as a download', file: Object.values(EXPORT_CONTENT_TYPES) };

export function exportRoutes(exports: ExportService): Route[] {
  const h = createExportHandlers(exports);
  return [
    route({
      method: 'get', path: '/api/exports/cases', tag: 'exports', permission: 'cases.read',
      summary: 'Export a case list',
      query: caseExportQuery,
      responses: { 200: download, 400: { description: 'invalid filters, or more cases than one file holds' } },
      handle: h.cases,
    }),
    route({
      method: 'get', path: '/api/exports/statistics', tag: 'exports', permission: 'statistics.read',
      summary: 'Export the statistics',
      query: statisticsExportQuery,
      responses: { 200: download, 403: { description: 'a township user asked for another township' } },
      handle: h.statistics,
    }),
  ];
}
