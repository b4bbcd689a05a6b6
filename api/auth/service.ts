import crypto from 'node:crypto';
import type { Request } from 'express';
import type { Db } from '../../db/client';
import { sha256 } from '../shared/sha256';
import { roleOf, type Role } from '../../domain/roles';
import { requestContext } from '../audit/context';
import type { AuditLog } from '../audit/log';
import { ApiError } from '../http/errors';
import { passwordNamesAccount } from './password-policy';
import { hashPassword, verifyPassword } from './passwords';
import { assertCsrf, readCookie, SESSION_COOKIE } from './session-cookie';
import type { DeviceCookies } from './device-cookie';
import type { Attempt, LoginThrottle } from './throttle';

export interface AuthUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  townshipCode: string | null;
  mustChangePassword: boolean;
}

interface UserRow {
  id: string; username: string; displayName: string; role: string; townshipCode: string | null; mustChangePassword: boolean;
}


export const toAuthUser = (u: UserRow): AuthUser => ({
  id: u.id, username: u.username, displayName: u.displayName, role: roleOf(u.role), townshipCode: u.townshipCode, mustChangePassword: u.mustChangePassword,
});

/** Ends every session of a user (but the one given): after a password change, a reset or deactivation. */
export async function revokeSessions(db: Db, userId: string, exceptTokenHash?: string): Promise<void> {
  await db.authToken.updateMany({
    where: { userId, revokedAt: null, ...(exceptTokenHash ? { tokenHash: { not: exceptTokenHash } } : {}) },
    data: { revokedAt: new Date() },
  });
}

/** The session token a request carries: a bearer header, or else the console's cookie. */
function credentials(req: Request): { token: string; via: 'bearer' | 'cookie' } | undefined {
  const header = req.headers.authorization;
  if (header !== undefined) {
    const m = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(header);
    return m ? { token: m[1]!, via: 'bearer' } : undefined;
  }
  const cookie = readCookie(req, SESSION_COOKIE);
  return cookie && /^[A-Za-z0-9_-]{20,100}$/.test(cookie) ? { token: cookie, via: 'cookie' } : undefined;
}

export interface AuthServiceDeps {
  db: Db;
  audit: AuditLog;
  throttle: LoginThrottle;
  devices: DeviceCookies;
  tokenTtlHours: number;
}

export function createAuthService({ db, audit, throttle, devices, tokenTtlHours }: AuthServiceDeps) {
  const ipNow = () => requestContext()?.ip ?? '';

  /** Counts the attempt before its password is checked; refuses it while its account, device or address is locked. */
  async function countAttempt(attempt: Attempt, actor: { id?: string; username: string; role?: string }) {
    const lock = await throttle.attempt(attempt);
    if (!lock) return;
    const retryAfter = String(Math.max(1, Math.ceil((lock.until.getTime() - Date.now()) / 1000)));
    const byIp = lock.by === 'ip';
    await audit.record({ action: 'auth.login_refused', status: byIp ? 429 : 423, actor, detail: { reason: byIp ? 'too_many_failures_from_address' : 'account_locked', until: lock.until.toISOString() } });
    throw byIp
      ? new ApiError(429, 'too_many_attempts', 'too many failed logins from this address; try again later', undefined, { 'Retry-After': retryAfter })
      : new ApiError(423, 'account_locked', 'too many failed logins for this account; it is locked for a while', undefined, { 'Retry-After': retryAfter });
  }

  const attemptOf = (req: Request, username: string): Attempt => ({ username, ip: ipNow(), device: devices.deviceOf(req, username) });

  return {
    async login(req: Request, usernameGiven: string, password: string) {
      const username = usernameGiven.toLowerCase();
      const attempt = attemptOf(req, username);
      await countAttempt(attempt, { username });
      const user = await db.user.findUnique({ where: { username } });
      const ok = await verifyPassword(user?.passwordHash, password);
      if (!user || !ok || !user.active) {
        const reason = !user ? 'unknown_user' : !ok ? 'wrong_password' : 'account_inactive';
        await audit.record({ action: 'auth.login_failed', status: 401, actor: user ? toAuthUser(user) : { username }, detail: { reason } });
        throw new ApiError(401, 'invalid_credentials', 'the username or password is wrong');
      }
      await throttle.succeeded(attempt);
      // The token is shown once; only its hash is stored, so a database leak yields no sessions.
      const token = crypto.randomBytes(32).toString('base64url');
      const expiresAt = new Date(Date.now() + tokenTtlHours * 3600_000);
      await db.authToken.create({ data: { tokenHash: sha256(token), userId: user.id, expiresAt } });
      await audit.record({ action: 'auth.login', status: 200, actor: toAuthUser(user) });
      return { token, expiresAt, user: toAuthUser(user), deviceCookie: devices.issue(username) };
    },

    /** `originChecked`: the caller has refused every origin but a trusted one, which serves instead of the CSRF token. */
    async authenticate(req: Request, opts: { originChecked?: boolean } = {}): Promise<AuthUser> {
      const cred = credentials(req);
      if (!cred) throw ApiError.unauthorized();
      if (cred.via === 'cookie' && !opts.originChecked) assertCsrf(req, cred.token);
      const row = await db.authToken.findUnique({ where: { tokenHash: sha256(cred.token) }, include: { user: true } });
      if (!row || row.revokedAt || row.expiresAt <= new Date() || !row.user.active) {
        throw ApiError.unauthorized('the token is unknown, expired or revoked');
      }
      return toAuthUser(row.user);
    },

    async logout(req: Request): Promise<void> {
      const cred = credentials(req);
      if (cred) await db.authToken.updateMany({ where: { tokenHash: sha256(cred.token), revokedAt: null }, data: { revokedAt: new Date() } });
    },

    /** A user replaces their own password; every other session of theirs ends. */
    async changePassword(req: Request, user: AuthUser, currentPassword: string, newPassword: string): Promise<void> {
      // A stolen session must not become a way to guess the password without limit.
      const attempt = attemptOf(req, user.username);
      await countAttempt(attempt, user);
      const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
      if (!(await verifyPassword(row.passwordHash, currentPassword))) {
        throw ApiError.badRequest([{ field: 'currentPassword', message: 'is wrong' }]);
      }
      await throttle.succeeded(attempt);
      if (newPassword === currentPassword) throw ApiError.badRequest([{ field: 'newPassword', message: 'must differ from the current password' }]);
      if (passwordNamesAccount(newPassword, user.username)) throw ApiError.badRequest([{ field: 'newPassword', message: 'must not contain the username' }]);
      await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(newPassword), mustChangePassword: false, passwordChangedAt: new Date() } });
      const current = credentials(req);
      await revokeSessions(db, user.id, current ? sha256(current.token) : undefined);
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
