// The OpenAPI document, generated from the same route table and zod schemas that validate requests.
import { z } from 'zod';
import { PERMISSIONS } from '../../domain/roles';
import { CSRF_HEADER, SESSION_COOKIE } from '../auth/session-cookie';
import { openApiPath, type Route } from '../http/route';

const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  }),
});

const json = (schema: z.ZodType, io: 'input' | 'output') => z.toJSONSchema(schema, { io, unrepresentable: 'any' });

function parameters(r: Route) {
  const out: object[] = [];
  for (const [where, schema] of [['path', r.params], ['query', r.query]] as const) {
    if (!schema) continue;
    const s = json(schema, 'input') as { properties?: Record<string, object>; required?: string[] };
    for (const [name, prop] of Object.entries(s.properties ?? {})) {
      out.push({ name, in: where, required: where === 'path' || (s.required ?? []).includes(name), schema: prop });
    }
  }
  for (const [name, h] of Object.entries(r.headers ?? {})) {
    out.push({ name, in: 'header', required: h.required, description: h.description, schema: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[\\x21-\\x7e]+$' } });
  }
  return out;
}

const binary = { type: 'string', format: 'binary' };

function requestBody(r: Route) {
  if (r.fileBody) {
    const content = Object.fromEntries(r.fileBody.contentTypes.map((t) => [t, { schema: binary }]));
    return { required: true, description: r.fileBody.description, content };
  }
  const schema = r.body ? json(r.body, 'input')
    : r.bodyVariants ? { oneOf: Object.values(r.bodyVariants).map((s) => json(s, 'input')) }
      : undefined;
  return schema ? { required: true, content: { 'application/json': { schema } } } : undefined;
}

function access(r: Route): string {
  if (r.permission) return `Allowed roles: ${PERMISSIONS[r.permission].join(', ')}.`;
  return r.permissionNote ? `Allowed: ${r.permissionNote}.` : 'Public.';
}

export function openApiDocument(routes: Route[]) {
  const paths: Record<string, Record<string, object>> = {};
  for (const r of routes) {
    const secured = Boolean(r.permission || r.permissionNote);
    const responses: Record<string, object> = {};
    for (const [status, resp] of Object.entries(r.responses)) {
      responses[status] = resp.file ? { description: resp.description, content: { 'application/octet-stream': { schema: binary } } }
        : resp.schema ? { description: resp.description, content: { 'application/json': { schema: json(resp.schema, 'output') } } }
        : Number(status) === 204 ? { description: resp.description }
          : { description: resp.description, content: { 'application/json': { schema: json(errorSchema, 'output') } } };
    }
    // Every endpoint can refuse bad input, and every secured one an unauthenticated call.
    responses['400'] ??= { description: 'invalid request', content: { 'application/json': { schema: json(errorSchema, 'output') } } };
    if (secured) responses['401'] ??= { description: 'no valid bearer token', content: { 'application/json': { schema: json(errorSchema, 'output') } } };
    if (r.permission) responses['403'] ??= { description: 'the role may not call this', content: { 'application/json': { schema: json(errorSchema, 'output') } } };
    if (r.body || r.bodyVariants) responses['415'] ??= { description: 'the body is not JSON', content: { 'application/json': { schema: json(errorSchema, 'output') } } };
    // Every endpoint reads PostgreSQL; while it is away the answer is 503 with Retry-After.
    responses['503'] ??= {
      description: 'a dependency is unavailable; retry after the given seconds',
      headers: { 'Retry-After': { schema: { type: 'integer', minimum: 1 } } },
      content: { 'application/json': { schema: json(errorSchema, 'output') } },
    };
    const path = openApiPath(r.path);
    paths[path] ??= {};
    paths[path][r.method] = {
      summary: r.summary,
      description: access(r),
      tags: [r.tag],
      operationId: `${r.method}${path.replace(/[^A-Za-z]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
      ...(secured ? { security: [{ bearer: [] }, { session: [] }] } : {}),
      // Machine-readable access rule: the authorization test and clients read these.
      ...(r.permission ? { 'x-permission': r.permission, 'x-roles': PERMISSIONS[r.permission] } : {}),
      parameters: parameters(r),
      ...(requestBody(r) ? { requestBody: requestBody(r) } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'jianjian: petition and complaint tracking', version: '0.1.0' },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        session: {
          type: 'apiKey', in: 'cookie', name: SESSION_COOKIE,
          description: `The web console's session (log in with \`session: "cookie"\`). Every POST, PATCH and DELETE must also send the ${CSRF_HEADER} header.`,
        },
      },
    },
    /** The whole authorization table: every permission and the roles that hold it. */
    'x-permissions': PERMISSIONS,
    paths,
  };
}
