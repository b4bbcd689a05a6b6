import type { z } from 'zod';
import type { RouteContext, RouteResult } from '../http/route';
import type { triggerBody, weekParams } from './schemas';
import type { ReportService } from './service';

export function createReportHandlers(reports: ReportService) {
  return {
    async list(): Promise<RouteResult> {
      return { body: await reports.list() };
    },
    async get({ params }: RouteContext<z.infer<typeof weekParams>, unknown, unknown>): Promise<RouteResult> {
      return { body: await reports.get(params.week) };
    },
    async trigger({ body }: RouteContext<unknown, unknown, z.infer<typeof triggerBody>>): Promise<RouteResult> {
      const started = await reports.trigger(body.week);
      return { status: 202, body: started, headers: { Location: started.report } };
    },
  };
}
