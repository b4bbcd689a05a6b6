import type { z } from 'zod';
import type { Registration } from '../../domain/registration';
import { ApiError, parseOr400 } from '../http/errors';
import type { RouteContext, RouteResult } from '../http/route';
import { ACTION_SCHEMAS } from './action-schemas';
import { idempotencyKey, type actionParams, type caseIdParams, type listQuery } from './schemas';
import type { CaseService } from './service';

type Ctx<P = unknown, Q = unknown, B = unknown> = RouteContext<P, Q, B>;

export function createCaseHandlers(cases: CaseService) {
  return {
    async register({ body, user, req }: Ctx<unknown, unknown, Registration>): Promise<RouteResult> {
      const key = req.header('Idempotency-Key');
      if (key === undefined) throw ApiError.badRequest([{ field: 'Idempotency-Key', message: 'header is required' }]);
      const validKey = parseOr400(idempotencyKey, key, 'Idempotency-Key');
      const { replayed, case: c } = await cases.register(body, validKey, user);
      return { status: 201, body: c, headers: { Location: `/api/cases/${c.id}`, ...(replayed ? { 'Idempotent-Replayed': 'true' } : {}) } };
    },

    async list({ query, user }: Ctx<unknown, z.infer<typeof listQuery>>): Promise<RouteResult> {
      return { body: await cases.list(query, user) };
    },

    async detail({ params, user }: Ctx<z.infer<typeof caseIdParams>>): Promise<RouteResult> {
      return { body: await cases.detail(params.id, user) };
    },

    async act({ params, req, user }: Ctx<z.infer<typeof actionParams>>): Promise<RouteResult> {
      const action = params.action;
      // Each action has its own body schema, so the body is parsed here rather than by the route.
      const input = parseOr400(ACTION_SCHEMAS[action], req.body ?? {});
      return { body: await cases.act(params.id, action, input, user) };
    },
  };
}
