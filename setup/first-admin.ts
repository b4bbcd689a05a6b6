// The first administrator of a new installation: created once, when no administrator exists, with a
// random password that is shown once and must be changed at the first login.
import { generatePassword } from '../api/auth/generated-password';
import { hashPassword } from '../api/auth/passwords';
import type { Db } from '../db/client';

export const FIRST_ADMIN_USERNAME = 'admin';

/** Creates the first administrator when the installation has none; undefined when it has one. */
export async function ensureFirstAdmin(db: Db): Promise<{ username: string; password: string } | undefined> {
  if (await db.user.count({ where: { role: 'admin' } })) return undefined;
  const password = generatePassword(FIRST_ADMIN_USERNAME);
  const created = await db.user.createMany({
    data: [{
      username: FIRST_ADMIN_USERNAME, displayName: '系统管理员', role: 'admin',
      passwordHash: await hashPassword(password), mustChangePassword: true,
    }],
    // Another setup running at the same moment created it: that one shows the password.
    skipDuplicates: true,
  });
  if (created.count) return { username: FIRST_ADMIN_USERNAME, password };
  if (await db.user.count({ where: { role: 'admin' } })) return undefined;
  throw new Error(`no administrator exists, and the username "${FIRST_ADMIN_USERNAME}" is taken by an account of another role: give that account the admin role`);
}
