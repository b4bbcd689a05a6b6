// Response headers and request checks that every endpoint gets, whatever its feature.
import type { Request, RequestHandler } from 'express';
import { ApiError } from './errors';

/**
 * Headers for every response. API answers are data, never pages: no sniffing, no framing, no
 * caching of personal data, no scripts. Under HTTPS, browsers are told to stay on it.
 */
export function securityHeaders(https: boolean): RequestHandler {
  return (req, res, next) => {
    res.set({
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
      ...(https ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
    });
    if (req.path.startsWith('/api/') || req.path === '/healthz') {
      res.set({ 'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'", 'Cache-Control': 'no-store' });
    }
    next();
  };
}

/**
 * A body for a JSON endpoint must say it is JSON. Other types would otherwise be ignored and the
 * request judged as empty; and HTML forms, which cannot send JSON, cannot forge one.
 */
export function assertJsonBody(req: Request): void {
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (hasBody && !req.is('application/json')) {
    throw new ApiError(415, 'unsupported_media_type', 'the body must be JSON (Content-Type: application/json)', [{ field: '(body)', message: 'must be sent as application/json' }]);
  }
}
