// Accounts, managed by the admin: create, change, deactivate, reset a password, lift a lockout.
// Accounts are never deleted, so the audit log and case timelines keep naming real people.
import type { z } from 'zod';
import type { Db } from '../../db/client';
import { isTownshipScoped, roleOf, type Role } from '../../domain/roles';
import type { Prisma, User } from '../../prisma/generated/client';
import type { AuthUser } from '../auth/service';
import { revokeSessions } from '../auth/service';
import { passwordNamesAccount } from '../auth/password-policy';
import { hashPassword } from '../auth/passwords';
import { userKey, type LoginThrottle } from '../auth/throttle';
import { ApiError } from '../http/errors';
import type { createUserSchema, listUsersQuery, updateUserSchema } from './schemas';
import { skipTake } from '../http/paging';
import type { SheetRow } from '../divisions/spreadsheet';
import { importUsers } from './import';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function createUserService({ db, throttle }: { db: Db; throttle: LoginThrottle }) {
  async function present(u: User) {
    const lock = await db.loginThrottle.findUnique({ where: { key: userKey(u.username) } });
    const locked = lock?.lockedUntil && lock.lockedUntil > new Date() ? lock.lockedUntil : null;
    return {
      id: u.id, username: u.username, displayName: u.displayName, role: u.role, townshipCode: u.townshipCode, email: u.email,
      active: u.active, mustChangePassword: u.mustChangePassword, lockedUntil: iso(locked),
      createdAt: u.createdAt.toISOString(), passwordChangedAt: iso(u.passwordChangedAt),
    };
  }

  async function load(id: string): Promise<User> {
    const u = await db.user.findUnique({ where: { id } });
    if (!u) throw ApiError.notFound('user');
    return u;
  }

  /** Township users belong to exactly one township; county users to none. */
  async function assertTownshipFits(role: Role, code: string | null | undefined) {
    if (isTownshipScoped(role)) {
      if (!code) throw ApiError.badRequest([{ field: 'townshipCode', message: `is required for role "${role}"` }]);
      if (!(await db.township.findUnique({ where: { code } }))) throw ApiError.badRequest([{ field: 'townshipCode', message: `unknown township code "${code}"` }]);
    } else if (code) {
      throw ApiError.badRequest([{ field: 'townshipCode', message: `must be left out for role "${role}"` }]);
    }
  }

  return {
    async list(q: z.infer<typeof listUsersQuery>) {
      const where: Prisma.UserWhereInput = {
        ...(q.role ? { role: q.role } : {}),
        ...(q.township ? { townshipCode: q.township } : {}),
        ...(q.active !== undefined ? { active: q.active } : {}),
        ...(q.q ? { OR: [{ username: { contains: q.q.toLowerCase() } }, { displayName: { contains: q.q } }] } : {}),
      };
      const [rows, total] = await Promise.all([
        db.user.findMany({ where, orderBy: { username: 'asc' }, ...skipTake(q) }),
        db.user.count({ where }),
      ]);
      return { items: await Promise.all(rows.map(present)), total, page: q.page, pageSize: q.pageSize };
    },

    async get(id: string) {
      return present(await load(id));
    },

    async create(input: z.infer<typeof createUserSchema>) {
      await assertTownshipFits(input.role, input.townshipCode);
      if (passwordNamesAccount(input.password, input.username)) throw ApiError.badRequest([{ field: 'password', message: 'must not contain the username' }]);
      if (await db.user.findUnique({ where: { username: input.username } })) {
        throw ApiError.conflict('username_taken', `the username "${input.username}" is taken`);
      }
      const { password, ...rest } = input;
      const u = await db.user.create({ data: { ...rest, passwordHash: await hashPassword(password), mustChangePassword: true } });
      return present(u);
    },

    importUsers: (rows: SheetRow[], dryRun: boolean) => importUsers(db, rows, dryRun),

    async update(id: string, patch: z.infer<typeof updateUserSchema>, admin: AuthUser) {
      const u = await load(id);
      if (u.id === admin.id && ((patch.role && patch.role !== u.role) || patch.active === false)) {
        // An admin who demotes or deactivates themselves may leave no one to manage accounts.
        throw ApiError.conflict('own_account', 'an admin cannot change their own role or deactivate themselves');
      }
      const role = patch.role ?? roleOf(u.role);
      const townshipCode = patch.townshipCode !== undefined ? patch.townshipCode : isTownshipScoped(role) ? u.townshipCode : null;
      await assertTownshipFits(role, townshipCode);
      const updated = await db.user.update({ where: { id }, data: { ...patch, role, townshipCode } });
      // A deactivated account, or one whose role or township moved, starts from a fresh login.
      if (patch.active === false || role !== u.role || townshipCode !== u.townshipCode) await revokeSessions(db, id);
      return present(updated);
    },

    async resetPassword(id: string, password: string) {
      const u = await load(id);
      if (passwordNamesAccount(password, u.username)) throw ApiError.badRequest([{ field: 'password', message: 'must not contain the username' }]);
      await db.user.update({ where: { id }, data: { passwordHash: await hashPassword(password), mustChangePassword: true, passwordChangedAt: new Date() } });
      await revokeSessions(db, id);
      await throttle.clear(u.username);
      return present(await load(id));
    },

    async unlock(id: string) {
      const u = await load(id);
      await throttle.clear(u.username);
      return present(u);
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;
