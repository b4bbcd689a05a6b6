import type { ErrorRequestHandler } from 'express';
import type { z } from 'zod';
import { isDatabaseUnavailable } from '../../db/unavailable';
import { fieldErrors, type FieldError } from '../../domain/text';

/** Seconds a client should wait before retrying while a dependency is away. */
export const RETRY_AFTER_SECONDS = 5;

/** The one error type of the API: a status, a stable code, a message, and the fields at fault. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }

  static badRequest(fields: FieldError[], message = 'the request is invalid'): ApiError {
    return new ApiError(400, 'invalid_request', message, fields);
  }
  static unauthorized(message = 'a valid bearer token is required'): ApiError {
    return new ApiError(401, 'unauthorized', message);
  }
  static forbidden(message: string): ApiError {
    return new ApiError(403, 'forbidden', message);
  }
  static notFound(what: string): ApiError {
    return new ApiError(404, 'not_found', `${what} not found`);
  }
  static conflict(code: string, message: string, fields?: FieldError[]): ApiError {
    return new ApiError(409, code, message, fields);
  }
  static methodNotAllowed(allow: string): ApiError {
    return new ApiError(405, 'method_not_allowed', `this endpoint takes only ${allow}`, undefined, { Allow: allow });
  }
  static unavailable(what: string): ApiError {
    return new ApiError(503, 'service_unavailable', `${what} is unavailable; retry shortly`, undefined, { 'Retry-After': String(RETRY_AFTER_SECONDS) });
  }
}

/** Parses a part of the request with a schema; a failure is a 400 naming every bad field. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown, prefix = ''): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw ApiError.badRequest(fieldErrors(parsed.error, prefix));
  return parsed.data;
}

/** Turns every error into `{error: {code, message, fields?}}`; internals stay in the log. */
export const errorHandler: ErrorRequestHandler = (err, _req, res, _next) => {
  // A dependency that is away is the client's cue to retry, not a server fault.
  if (isDatabaseUnavailable(err)) err = ApiError.unavailable('the database');
  if (err instanceof ApiError) {
    if (err.headers) res.set(err.headers);
    res.status(err.status).json({ error: { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) } });
    return;
  }
  // body-parser's own errors: malformed JSON, a body too large, a wrong charset.
  const status = typeof err?.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
  if (status < 500) {
    const code = err.type === 'entity.too.large' ? 'payload_too_large' : err.type === 'entity.parse.failed' ? 'malformed_json' : 'invalid_request';
    const message = code === 'malformed_json' ? 'the body is not valid JSON' : code === 'payload_too_large' ? 'the body is too large' : 'the request could not be read';
    res.status(status).json({ error: { code, message, fields: [{ field: '(body)', message }] } });
    return;
  }
  console.error('[api] unexpected error', err);
  res.status(500).json({ error: { code: 'internal', message: 'an unexpected error occurred' } });
};
