// The OpenAPI document, generated from the same route table and zod schemas that validate requests.
import { z } from 'zod';
import { townshipCode } from '../../domain/text';
import { rolesFor, STAFF_ACTIONS, stagesOf } from '../../domain/actions';
import { PERMISSIONS } from '../../domain/roles';
import { CSRF_HEADER, SESSION_COOKIE } from '../auth/session-cookie';
import { lastParam, openApiPath, type Route, type VariantAccess } from '../http/route';

const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ field: z.string(), message: z.string(), code: z.string().optional() })).optional(),
  }),
});

const json = (schema: z.ZodType, io: 'input' | 'output') => z.toJSONSchema(schema, { io, unrepresentable: 'any' });

export interface DocumentOptions {
  /** The county's township codes: the only ones a request body may name (a filter may name any). */
  townshipCodes?: string[];
  /** Path items written by hand, for an API outside the route table (Open311, whose formats are its own). */
  extraPaths?: Record<string, Record<string, object>>;
}

/** A request body's schema, with the values that master data allows listed where the schema cannot know them. */
function bodyJson(schema: z.ZodType, o: DocumentOptions) {
  return z.toJSONSchema(schema, {
    io: 'input', unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      if (zodSchema === townshipCode && o.townshipCodes?.length) jsonSchema.enum = o.townshipCodes;
    },
  });
}

/**
 * One documented operation. A route whose body depends on its last path parameter (the case
 * actions) is documented as one operation per value, each with its own body, so that a client
 * or a fuzzer knows exactly which body each path takes.
 */
interface Operation {
  route: Route;
  path: string;
  body?: z.ZodType;
  /** The path parameter that this operation fixes to a value. */
  fixed?: string;
  access?: VariantAccess;
}

function operations(routes: Route[]): Operation[] {
  return routes.flatMap((r): Operation[] => {
    const last = lastParam(r.path);
    const access = r.permission && { name: r.permission, roles: PERMISSIONS[r.permission] };
    if (!r.bodyVariants || !last) return [{ route: r, path: openApiPath(r.path), body: r.body, access }];
    return Object.entries(r.bodyVariants).map(([value, body]) => ({
      route: r, path: openApiPath(r.path.slice(0, -last.length - 1) + value), body, fixed: last,
      access: r.variantAccess?.(value) ?? access,
    }));
  });
}

function parameters({ route: r, fixed }: Operation) {
  const out: object[] = [];
  for (const [where, schema] of [['path', r.params], ['query', r.query]] as const) {
    if (!schema) continue;
    const s = json(schema, 'input') as { properties?: Record<string, object>; required?: string[] };
    for (const [name, prop] of Object.entries(s.properties ?? {})) {
      if (where === 'path' && name === fixed) continue;
      out.push({ name, in: where, required: where === 'path' || (s.required ?? []).includes(name), schema: prop });
    }
  }
  for (const [name, h] of Object.entries(r.headers ?? {})) {
    out.push({ name, in: 'header', required: h.required, description: h.description, schema: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[\\x21-\\x7e]+$' } });
  }
  return out;
}

const binary = { type: 'string', format: 'binary' };

function requestBody({ route: r, body }: Operation, o: DocumentOptions) {
  if (r.fileBody) {
    const content = Object.fromEntries(r.fileBody.contentTypes.map((t) => [t, { schema: binary }]));
    return { required: true, description: r.fileBody.description, content };
  }
  return body ? { required: true, content: { 'application/json': { schema: bodyJson(body, o) } } } : undefined;
}

function accessText({ route: r, access }: Operation): string {
  if (access) return `Allowed roles: ${access.roles.join(', ')}.${access.note ? ` ${access.note}` : ''}`;
  return r.permissionNote ? `Allowed: ${r.permissionNote}.` : 'Public.';
}

export function openApiDocument(routes: Route[], o: DocumentOptions = {}) {
  const paths: Record<string, Record<string, object>> = {};
  for (const op of operations(routes)) {
    const { route: r, access } = op;
    const secured = Boolean(access || r.permissionNote);
    const responses: Record<string, object> = {};
    for (const [status, resp] of Object.entries(r.responses)) {
      responses[status] = resp.file ? { description: resp.description, content: Object.fromEntries(resp.file.map((t) => [t, { schema: binary }])) }
        : resp.schema ? { description: resp.description, content: { 'application/json': { schema: json(resp.schema, 'output') } } }
        : Number(status) === 204 ? { description: resp.description }
          : { description: resp.description, content: { 'application/json': { schema: json(errorSchema, 'output') } } };
    }
    // Every endpoint can refuse bad input, and every secured one an unauthenticated call.
    responses['400'] ??= { description: 'invalid request', content: { 'application/json': { schema: json(errorSchema, 'output') } } };
    if (secured) responses['401'] ??= { description: 'no valid bearer token', content: { 'application/json': { schema: json(errorSchema, 'output') } } };
    if (access) responses['403'] ??= { description: 'the role may not call this', content: { 'application/json': { schema: json(errorSchema, 'output') } } };
    if (r.body || r.bodyVariants) responses['415'] ??= { description: 'the body is not JSON', content: { 'application/json': { schema: json(errorSchema, 'output') } } };
    // Every endpoint reads PostgreSQL; while it is away the answer is 503 with Retry-After.
    responses['503'] ??= {
      description: 'a dependency is unavailable; retry after the given seconds',
      headers: { 'Retry-After': { schema: { type: 'integer', minimum: 1 } } },
      content: { 'application/json': { schema: json(errorSchema, 'output') } },
    };
    const { path } = op;
    const body = requestBody(op, o);
    paths[path] ??= {};
    paths[path][r.method] = {
      summary: r.summary,
      description: accessText(op),
      tags: [r.tag],
      operationId: `${r.method}${path.replace(/[^A-Za-z]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
      ...(secured ? { security: [{ bearer: [] }, { session: [] }] } : {}),
      // Machine-readable access rule: the authorization test and clients read these.
      ...(access ? { 'x-permission': access.name, 'x-roles': access.roles } : {}),
      parameters: parameters(op),
      ...(body ? { requestBody: body } : {}),
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
    /** Every case action: the stages it may be taken in, and the roles that may take it in each. */
    'x-actions': Object.fromEntries(STAFF_ACTIONS.map((a) => [a, Object.fromEntries(stagesOf(a).map((s) => [s, rolesFor(a, s)]))])),
    paths: { ...paths, ...o.extraPaths },
  };
}
