import type { Db } from '../../db/client';
import { route, type Route } from '../http/route';
import { dashboardSchema } from './schemas';
import { createDashboardService } from './service';

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
