import type { z } from 'zod';
import type { ResolutionInput } from '../../domain/notice';
import { resolutionSchema } from '../../domain/notice-schemas';
import { route, type Route, type RouteContext } from '../http/route';
import { noticeDetailSchema, noticeIdParams, noticeListSchema, staffNoticeListQuery } from './schemas';
import type { NoticeService } from './service';

type IdCtx<B = unknown> = RouteContext<z.infer<typeof noticeIdParams>, unknown, B>;

export function noticeRoutes(notices: NoticeService): Route[] {
  return [
    route({
      method: 'get', path: '/api/notices', tag: 'notices', summary: 'List notice cycles', permission: 'notices.read',
      query: staffNoticeListQuery,
      responses: { 200: { description: 'a page of notice cycles, newest first', schema: noticeListSchema } },
      handle: async ({ query, user }) => ({ body: await notices.list(query, user) }),
    }),
    route({
      method: 'get', path: '/api/notices/:id', tag: 'notices', summary: 'Show a notice cycle with its objections', permission: 'notices.read',
      params: noticeIdParams,
      responses: { 200: { description: 'the notice cycle', schema: noticeDetailSchema }, 404: { description: 'no such notice, or not visible to the caller' } },
      handle: async ({ params, user }: IdCtx) => ({ body: await notices.detail(params.id, user) }),
    }),
    route({
      method: 'post', path: '/api/notices/:id/resolve', tag: 'notices', summary: 'Resolve the objections to a notice', permission: 'notices.resolve',
      params: noticeIdParams, body: resolutionSchema,
      responses: {
        200: { description: 'the notice cycle, now posting the result in its second notice', schema: noticeDetailSchema },
        404: { description: 'no such notice, or not visible to the caller' },
        409: { description: 'the notice is not under review' },
      },
      handle: async ({ params, body, user }: IdCtx<ResolutionInput>) => ({ body: await notices.resolve(params.id, body, user) }),
    }),
  ];
}
