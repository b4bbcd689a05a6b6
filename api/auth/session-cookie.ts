// The optional cookie session for the web console, and the CSRF token that guards it.
//
// A browser attaches cookies to requests other sites make, so a request authenticated by the cookie
// must also carry the CSRF token in the X-CSRF-Token header: the console reads it from the readable
// `jj_csrf` cookie (or the login response) and echoes it; another site can do neither. The token is
// derived from the session token, so it cannot be planted separately and dies with the session.
import crypto from 'node:crypto';
import type { Request } from 'express';
import { ApiError } from '../http/errors';

export const SESSION_COOKIE = 'jj_session';
export const CSRF_COOKIE = 'jj_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function csrfTokenFor(sessionToken: string): string {
  return crypto.createHash('sha256').update(`csrf\n${sessionToken}`).digest('base64url');
}

export function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** Refuses an unsafe request authenticated by the cookie without the matching CSRF header. */
export function assertCsrf(req: Request, sessionToken: string): void {
  if (SAFE_METHODS.has(req.method)) return;
  const sent = Buffer.from(req.header(CSRF_HEADER) ?? '');
  const expected = Buffer.from(csrfTokenFor(sessionToken));
  if (sent.length !== expected.length || !crypto.timingSafeEqual(sent, expected)) {
    throw new ApiError(403, 'csrf_token_invalid', `a request authenticated by the session cookie must carry the ${CSRF_HEADER} header`);
  }
}

/** Set-Cookie values for a new session: the session itself HttpOnly, the CSRF token readable by the console. */
export function sessionCookies(sessionToken: string, maxAgeSeconds: number, secure: boolean): string[] {
  const attrs = `Path=/; SameSite=Strict; Max-Age=${Math.floor(maxAgeSeconds)}${secure ? '; Secure' : ''}`;
  return [`${SESSION_COOKIE}=${sessionToken}; HttpOnly; ${attrs}`, `${CSRF_COOKIE}=${csrfTokenFor(sessionToken)}; ${attrs}`];
}

export function clearedCookies(secure: boolean): string[] {
  const attrs = `Path=/; SameSite=Strict; Max-Age=0${secure ? '; Secure' : ''}`;
  return [`${SESSION_COOKIE}=; HttpOnly; ${attrs}`, `${CSRF_COOKIE}=; ${attrs}`];
}
