import { z } from 'zod';
import type { Db } from '../../db/client';
import { STAGES } from '../../domain/case';
import { route, type Route } from '../http/route';
import { createDashboardService } from './service';

const counts = { dueSoon: z.number(), overdue: z.number(), underSupervision: z.number() };
const dashboardSchema = z.object({
  asOf: z.string(),
  totals: z.object(counts),
  rows: z.array(z.object({ township: z.object({ code: z.string(), name: z.string() }), stage: z.enum(STAGES), ...counts })),
});

export function dashboardRoutes(db: Db): Route[] {
  const dashboard = createDashboardService(db);
  return [
    route({
      method: 'get', path: '/api/dashboard', tag: 'dashboard', summary: 'Show due and overdue cases by township and stage', permission: 'dashboard.read',
      responses: { 200: { description: 'due soon, overdue and under supervision, per township and stage (a township user sees their own)', schema: dashboardSchema } },
      handle: async ({ user }) => ({ body: await dashboard(user) }),
    }),
  ];
}
