import type { z } from 'zod';
import { route, type Route, type RouteContext } from '../http/route';
import { calendarEditSchema, calendarSchema, calendarYearSchema, deadlineQuery, deadlineSchema, yearParams } from './schemas';
import type { CalendarService } from './service';

export function calendarRoutes(calendar: CalendarService): Route[] {
  return [
    route({
      method: 'get', path: '/api/calendar', tag: 'calendar', summary: 'Show the holiday calendar in force', permission: 'calendar.read',
      responses: { 200: { description: 'every year\'s holidays and make-up working days, and the calendar\'s version', schema: calendarSchema } },
      handle: async () => ({ body: await calendar.get() }),
    }),
    route({
      method: 'put', path: '/api/calendar/:year', tag: 'calendar', summary: 'Replace a year of the holiday calendar', permission: 'calendar.manage',
      params: yearParams,
      body: calendarYearSchema,
      responses: {
        200: { description: 'the new version; every open case recomputes its due dates on it', schema: calendarEditSchema },
        400: { description: 'invalid dates, named by field' },
      },
      handle: async ({ params, body, user }: RouteContext<z.infer<typeof yearParams>, unknown, z.infer<typeof calendarYearSchema>>) =>
        ({ body: await calendar.put(params.year, body, user) }),
    }),
    route({
      method: 'get', path: '/api/calendar/deadline', tag: 'calendar', summary: 'Calculate a due date', permission: 'calendar.read',
      query: deadlineQuery,
      responses: { 200: { description: 'the due date, the escalation times and the time left', schema: deadlineSchema } },
      handle: async ({ query }: RouteContext<unknown, z.infer<typeof deadlineQuery>, unknown>) => ({ body: await calendar.deadline(query) }),
    }),
  ];
}
