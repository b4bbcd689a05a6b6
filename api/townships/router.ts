import { z } from 'zod';
import type { Db } from '../../db/client';
import { route, type Route } from '../http/route';

const townshipList = z.array(z.object({ code: z.string(), name: z.string() }));

export function townshipRoutes(db: Db): Route[] {
  return [
    route({
      method: 'get', path: '/api/townships', tag: 'townships', summary: 'List townships', permission: 'townships.read',
      responses: { 200: { description: 'the county\'s townships', schema: townshipList } },
      handle: async () => ({ body: await db.township.findMany({ orderBy: { code: 'asc' } }) }),
    }),
  ];
}
