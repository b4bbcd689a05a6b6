import type { Client } from '@temporalio/client';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { route, type Route } from '../http/route';

const health = z.object({ status: z.enum(['ok', 'degraded']), database: z.boolean(), temporal: z.boolean() });

const within = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p.then(() => true, () => false), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);

export function healthRoutes(db: Db, temporal: Client): Route[] {
  return [
    route({
      method: 'get', path: '/healthz', tag: 'health', summary: 'Check the API and its dependencies',
      responses: { 200: { description: 'all dependencies answer', schema: health }, 503: { description: 'a dependency does not answer', schema: health } },
      handle: async () => {
        const [database, temporalOk] = await Promise.all([
          within(db.$queryRaw`SELECT 1`, 2000),
          within(temporal.workflowService.getSystemInfo({}), 2000),
        ]);
        const ok = database && temporalOk;
        return { status: ok ? 200 : 503, body: { status: ok ? 'ok' : 'degraded', database, temporal: temporalOk } };
      },
    }),
  ];
}
