import type { z } from 'zod';
import type { ObjectionInput } from '../../domain/notice';
import type { PetitionerSatisfaction } from '../../domain/review';
import type { RateLimiter } from '../http/rate-limit';
import type { RouteContext, RouteResult } from '../http/route';
import type { assistanceListQuery, caseNoParams, noticeIdParams, noticeListQuery, queryCodeQuery } from './schemas';
import type { PublicService } from './service';

type Ctx<P = unknown, Q = unknown, B = unknown> = RouteContext<P, Q, B>;

/** Public endpoints count every call against the caller's address, whatever the answer. */
export function createPublicHandlers(service: PublicService, limiter: RateLimiter) {
  const limited = (ctx: Ctx) => limiter.take(`public:${ctx.req.ip ?? 'unknown'}`);
  return {
    async caseStatus(ctx: Ctx<z.infer<typeof caseNoParams>, z.infer<typeof queryCodeQuery>>): Promise<RouteResult> {
      await limited(ctx);
      return { body: await service.caseFor(ctx.params.caseNo, ctx.query.code), headers: { 'Cache-Control': 'no-store' } };
    },

    async rate(ctx: Ctx<z.infer<typeof caseNoParams>, z.infer<typeof queryCodeQuery>, PetitionerSatisfaction>): Promise<RouteResult> {
      await limited(ctx);
      return { body: await service.rate(ctx.params.caseNo, ctx.query.code, ctx.body), headers: { 'Cache-Control': 'no-store' } };
    },

    async notices(ctx: Ctx<unknown, z.infer<typeof noticeListQuery>>): Promise<RouteResult> {
      await limited(ctx);
      return { body: await service.activeNotices(ctx.query) };
    },

    async object(ctx: Ctx<z.infer<typeof noticeIdParams>, unknown, ObjectionInput>): Promise<RouteResult> {
      await limited(ctx);
      return { status: 201, body: await service.object(ctx.params.id, ctx.body) };
    },

    async assistanceList(ctx: Ctx<unknown, z.infer<typeof assistanceListQuery>>): Promise<RouteResult> {
      await limited(ctx);
      return { body: await service.assistanceList(ctx.query) };
    },
  };
}
