import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { NextFunction, Request, Response, Router } from 'express';
import type { z } from 'zod';
import { PERMISSIONS, type Permission, type Role } from '../../domain/roles';
import { withRequestContext } from '../audit/context';
import type { AuditLog } from '../audit/log';
import type { AuthUser } from '../auth/service';
import { ApiError, parseOr400 } from './errors';
import { assertJsonBody } from './security';

/**
 * One endpoint: its schemas validate the request and document it in OpenAPI, and its permission
 * decides who may call it. Routes without a permission are public.
 */
export interface Route<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType> {
  method: 'get' | 'post' | 'patch' | 'put';
  path: string;
  summary: string;
  tag: string;
  permission?: Permission;
  /** Who may call a route open to more than one permission (any logged-in user); documented here. */
  permissionNote?: string;
  params?: P;
  query?: Q;
  body?: B;
  /** A body whose schema depends on the last path parameter's value (one per case action); documented per value. */
  bodyVariants?: Record<string, z.ZodType>;
  /** Who may call each value of the last path parameter (one per case action): checked before the body, documented per value. */
  variantAccess?: (value: string) => VariantAccess;
  headers?: Record<string, { required: boolean; description: string }>;
  /** A body that is a file, read by the handler as a stream (no JSON); documented with these types. */
  fileBody?: { contentTypes: readonly string[]; description: string };
  /** `file` lists the content types a file response may have. */
  responses: Record<number, { description: string; schema?: z.ZodType; file?: readonly string[] }>;
  /**
   * The audit log's name for a call; every call that is not a GET is logged (GETs when refused).
   * `false` for a route that writes its own entries (login). Defaults to `METHOD /path`.
   */
  audit?: false | ((params: Record<string, string>) => string);
  /** Callable while the user still has to replace a password an admin chose (logout, me, change it). */
  beforePasswordChange?: true;
  handle(ctx: RouteContext<z.infer<P>, z.infer<Q>, z.infer<B>>): Promise<RouteResult>;
}

export interface VariantAccess {
  /** Its name in the document's `x-permission`. */
  name: string;
  roles: readonly Role[];
  /** How the roles narrow further (by the case's stage), for the document. */
  note?: string;
}

/** The name of a path's last parameter, if it ends in one (`/api/cases/:id/actions/:action` → `action`). */
export const lastParam = (path: string) => /:([A-Za-z]+)$/.exec(path)?.[1];

function assertAllowed(user: AuthUser, roles: readonly Role[], what: string): void {
  if (!roles.includes(user.role)) {
    throw ApiError.forbidden(`role "${user.role}" may not ${what} (allowed: ${roles.join(', ')})`);
  }
}

export interface RouteContext<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  user: AuthUser;
  req: Request;
}

export interface RouteResult {
  status?: number;
  body?: unknown;
  headers?: Record<string, string | string[]>;
  /** A stored or generated file to send instead of a JSON body, as a download under its own name. */
  file?: { stream: Readable; size: number; contentType: string; name: string } | { data: Buffer; contentType: string; name: string };
}

function sendFile(res: Response, file: NonNullable<RouteResult['file']>): Promise<void> {
  res.attachment(file.name);
  // The stored type, never one guessed from the name; nosniff stops the browser guessing either.
  res.set({ 'Content-Type': file.contentType, 'X-Content-Type-Options': 'nosniff' });
  if ('data' in file) {
    res.send(file.data);
    return Promise.resolve();
  }
  res.set('Content-Length', String(file.size));
  return pipeline(file.stream, res);
}

/** Typed route definition; the generic parameters flow from the schemas into the handler. */
export function route<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(r: Route<P, Q, B>): Route {
  return r as unknown as Route;
}

/** Express wants `:id`; OpenAPI wants `{id}`. Routes are written the Express way. */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z]+)/g, '{$1}');
}

/** The body was left out, or sent as something other than JSON: the schema never saw it. */
const NO_JSON_BODY = [{ field: '(body)', message: 'a JSON body is required (Content-Type: application/json)' }];

export interface MountDeps {
  authenticate(req: Request): Promise<AuthUser>;
  audit: AuditLog;
}

export function mount(router: Router, routes: Route[], { authenticate, audit }: MountDeps): void {
  const allowed = (path: string) => routes.filter((r) => r.path === path)
    .flatMap((r) => (r.method === 'get' ? ['GET', 'HEAD'] : [r.method.toUpperCase()]));
  // A known path called with a method it does not take answers 405 naming the ones it does. Literal
  // paths are guarded before any route, so `GET /api/cases/similar` is not taken for `/api/cases/:id`;
  // paths with parameters after every route, so they never shadow a literal one.
  const paths = [...new Set(routes.map((r) => r.path))];
  const refuse = (path: string) => (req: Request, _res: Response, next: NextFunction) => {
    if (allowed(path).includes(req.method)) next();
    else throw ApiError.methodNotAllowed(allowed(path).join(', '));
  };
  for (const path of paths.filter((p) => !p.includes(':'))) router.all(path, refuse(path));
  for (const r of routes) {
    const variantParam = lastParam(r.path);
    // Written before the response goes out, so whoever saw the answer can find the entry.
    const record = (req: Request, status: number, result?: RouteResult) => {
      if (r.audit === false || (r.method === 'get' && status !== 403)) return Promise.resolve();
      const target = req.params.id ?? (result?.body as { id?: unknown } | undefined)?.id;
      return audit.record({
        action: r.audit ? r.audit(req.params as Record<string, string>) : `${req.method} ${r.path}`,
        status, target: typeof target === 'string' ? target : null,
        // Field names only: values may hold personal data that the log's readers need not see.
        detail: { request: `${req.method} ${req.path}`, fields: req.body?.constructor === Object ? Object.keys(req.body) : [] },
      }).catch((e) => console.error('[audit] could not record', r.path, e));
    };

    router[r.method](r.path, (req: Request, res: Response) => withRequestContext({ ip: req.ip ?? '' }, async (ctx) => {
      // For the request's log line and metrics: the pattern, and the case it is about.
      res.locals.route = r.path;
      if (r.path.startsWith('/api/cases/:id')) res.locals.caseId = req.params.id;
      let result: RouteResult;
      try {
        const user = r.permission || r.variantAccess || r.permissionNote ? await authenticate(req) : (undefined as unknown as AuthUser);
        ctx.user = user;
        if (r.permission) assertAllowed(user, PERMISSIONS[r.permission], r.summary.toLowerCase());
        if (user?.mustChangePassword && !r.beforePasswordChange) {
          throw new ApiError(403, 'password_change_required', 'the password an administrator set must be changed first (POST /api/auth/password)');
        }
        if (r.body || r.bodyVariants) assertJsonBody(req);
        const params = r.params ? parseOr400(r.params, req.params, 'params') : {};
        if (r.variantAccess && variantParam) {
          const value = String((params as Record<string, unknown>)[variantParam]);
          assertAllowed(user, r.variantAccess(value).roles, `perform "${value}"`);
        }
        const query = r.query ? parseOr400(r.query, req.query, 'query') : {};
        if ((r.body || r.bodyVariants) && req.body === undefined) throw ApiError.badRequest(NO_JSON_BODY);
        const body = r.body ? parseOr400(r.body, req.body) : undefined;
        result = await r.handle({ params, query, body, user, req });
      } catch (e) {
        await record(req, e instanceof ApiError ? e.status : 500);
        throw e;
      }
      await record(req, result.status ?? 200, result);
      if (result.headers) res.set(result.headers);
      if (result.file) return sendFile(res, result.file);
      res.status(result.status ?? 200).json(result.body);
    }));
  }
  for (const path of paths.filter((p) => p.includes(':'))) router.all(path, refuse(path));
}
