import crypto from 'node:crypto';
import { verify } from '@node-rs/argon2';
import type { Db } from '../../db/client';
import type { Role } from '../../domain/roles';
import { ApiError } from '../http/errors';

export interface AuthUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  townshipCode: string | null;
}

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

// Verifying against a fixed hash when the user is unknown keeps the timing the same either way.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$aUVdd8JkGpwZDlyC5gjXnQ$saWt/zm1PgJNDxbiu9JkSSJ+X63aR6fVrYV7hJ/1sdw';

export function createAuthService(db: Db, tokenTtlHours: number) {
  const toAuthUser = (u: { id: string; username: string; displayName: string; role: Role; townshipCode: string | null }): AuthUser => ({
    id: u.id, username: u.username, displayName: u.displayName, role: u.role, townshipCode: u.townshipCode,
  });

  return {
    async login(username: string, password: string) {
      const user = await db.user.findUnique({ where: { username } });
      const ok = await verify(user?.passwordHash ?? DUMMY_HASH, password).catch(() => false);
      if (!user || !ok) throw new ApiError(401, 'invalid_credentials', 'the username or password is wrong');
      // The token is shown once; only its hash is stored, so a database leak yields no sessions.
      const token = crypto.randomBytes(32).toString('base64url');
      const expiresAt = new Date(Date.now() + tokenTtlHours * 3600_000);
      await db.authToken.create({ data: { tokenHash: sha256(token), userId: user.id, expiresAt } });
      return { token, expiresAt: expiresAt.toISOString(), user: toAuthUser(user) };
    },

    async authenticate(header: string | undefined): Promise<AuthUser> {
      const m = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(header ?? '');
      if (!m) throw ApiError.unauthorized();
      const row = await db.authToken.findUnique({ where: { tokenHash: sha256(m[1]!) }, include: { user: true } });
      if (!row || row.revokedAt || row.expiresAt < new Date()) throw ApiError.unauthorized('the token is unknown, expired or revoked');
      return toAuthUser(row.user);
    },

    async logout(header: string | undefined): Promise<void> {
      const m = /^Bearer (.+)$/.exec(header ?? '');
      if (m) await db.authToken.updateMany({ where: { tokenHash: sha256(m[1]!), revokedAt: null }, data: { revokedAt: new Date() } });
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
