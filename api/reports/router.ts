import { route, type Route } from '../http/route';
import { createReportHandlers } from './handler';
import { reportListSchema, reportSchema, triggerBody, triggeredSchema, weekParams } from './schemas';
import type { ReportService } from './service';

export function reportRoutes(reports: ReportService): Route[] {
  const h = createReportHandlers(reports);
  return [
    route({
      method: 'get', path: '/api/reports/weekly', tag: 'reports', permission: 'reports.read',
      summary: 'List the stored weekly reports',
      responses: { 200: { description: 'the newest two years of weekly reports', schema: reportListSchema } },
      handle: h.list,
    }),
    route({
      method: 'get', path: '/api/reports/weekly/:week', tag: 'reports', permission: 'reports.read',
      summary: 'Show the weekly report of the week containing a day',
      params: weekParams,
      responses: { 200: { description: 'the report, with its HTML', schema: reportSchema }, 404: { description: 'no report of that week yet' } },
      handle: h.get,
    }),
    route({
      method: 'post', path: '/api/reports/weekly', tag: 'reports', permission: 'reports.trigger',
      summary: 'Run the weekly report now',
      body: triggerBody,
      responses: {
        202: { description: 'the report run started; the report appears at `report` and is mailed to managers', schema: triggeredSchema },
      },
      handle: h.trigger,
    }),
  ];
}
