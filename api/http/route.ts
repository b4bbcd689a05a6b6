import type { Request, Response, Router } from 'express';
import type { z } from 'zod';
import { PERMISSIONS, allows, type Permission } from '../../domain/roles';
import type { AuthUser } from '../auth/service';
import { ApiError, parseOr400 } from './errors';

/**
 * One endpoint: its schemas validate the request and document it in OpenAPI, and its permission
 * decides who may call it. Routes without a permission are public.
 */
export interface Route<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType> {
  method: 'get' | 'post';
  path: string;
  summary: string;
  tag: string;
  permission?: Permission;
  /** Permission decided by the handler (e.g. per action); documented here. */
  permissionNote?: string;
  params?: P;
  query?: Q;
  body?: B;
  /** A body whose schema depends on a path parameter (one per case action); documented as oneOf. */
  bodyVariants?: Record<string, z.ZodType>;
  headers?: Record<string, { required: boolean; description: string }>;
  /** A body that is a file, read by the handler as a stream (no JSON); documented with these types. */
  fileBody?: { contentTypes: readonly string[]; description: string };
  responses: Record<number, { description: string; schema?: z.ZodType; file?: true }>;
  handle(ctx: RouteContext<z.infer<P>, z.infer<Q>, z.infer<B>>): Promise<RouteResult>;
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
  headers?: Record<string, string>;
  /** A stored file to send instead of a JSON body, as a download under its own name. */
  file?: { path: string; contentType: string; name: string };
}

function sendFile(res: Response, file: NonNullable<RouteResult['file']>): Promise<void> {
  res.attachment(file.name);
  return new Promise((resolve, reject) => {
    // The stored type, never one guessed from the name; nosniff stops the browser guessing either.
    res.sendFile(file.path, { headers: { 'Content-Type': file.contentType, 'X-Content-Type-Options': 'nosniff' } }, (e) => (e ? reject(e) : resolve()));
  });
}

/** Typed route definition; the generic parameters flow from the schemas into the handler. */
export function route<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(r: Route<P, Q, B>): Route {
  return r as unknown as Route;
}

/** Express wants `:id`; OpenAPI wants `{id}`. Routes are written the Express way. */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z]+)/g, '{$1}');
}

export function mount(router: Router, routes: Route[], authenticate: (req: Request) => Promise<AuthUser>): void {
  for (const r of routes) {
    router[r.method](r.path, async (req: Request, res: Response) => {
      const user = r.permission || r.permissionNote ? await authenticate(req) : (undefined as unknown as AuthUser);
      if (r.permission && !allows(user.role, r.permission)) {
        throw ApiError.forbidden(`role "${user.role}" may not ${r.summary.toLowerCase()} (allowed: ${PERMISSIONS[r.permission].join(', ')})`);
      }
      const params = r.params ? parseOr400(r.params, req.params, 'params') : {};
      const query = r.query ? parseOr400(r.query, req.query, 'query') : {};
      const body = r.body ? parseOr400(r.body, req.body ?? {}) : undefined;
      const result = await r.handle({ params, query, body, user, req });
      if (result.headers) res.set(result.headers);
      if (result.file) return sendFile(res, result.file);
      res.status(result.status ?? 200).json(result.body);
    });
  }
}
