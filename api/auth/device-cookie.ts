// Device cookies (OWASP's defence against lockout abuse): a browser or client where a user has logged in
// before carries a signed cookie naming that user. Its logins are counted against the device alone, so
// failures by others (a rival, or anyone behind the same NAT) cannot lock the user out of their own device.
import crypto from 'node:crypto';
import type { Request } from 'express';
import { readCookie } from './session-cookie';

export const DEVICE_COOKIE = 'jj_device';
const MAX_AGE_DAYS = 180;

export function createDeviceCookies(key: Buffer, secure: boolean) {
  const sign = (id: string, username: string) =>
    crypto.createHmac('sha256', key).update(`${id}\n${username.toLowerCase()}`).digest('base64url');

  return {
    /** The Set-Cookie value after a successful login of `username`. */
    issue(username: string): string {
      const id = crypto.randomBytes(16).toString('base64url');
      return `${DEVICE_COOKIE}=${id}.${sign(id, username)}; HttpOnly; Path=/api/auth; SameSite=Strict; Max-Age=${MAX_AGE_DAYS * 86_400}${secure ? '; Secure' : ''}`;
    },

    /** The device's id when the request carries a genuine device cookie of `username`. */
    deviceOf(req: Request, username: string): string | undefined {
      const m = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/.exec(readCookie(req, DEVICE_COOKIE) ?? '');
      if (!m) return undefined;
      const given = Buffer.from(m[2]!);
      const expected = Buffer.from(sign(m[1]!, username));
      return crypto.timingSafeEqual(given, expected) ? m[1] : undefined;
    },
  };
}

export type DeviceCookies = ReturnType<typeof createDeviceCookies>;
