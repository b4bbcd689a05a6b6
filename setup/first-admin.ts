// The first administrator of a new installation: created once, when no administrator exists, with a
// random password that is shown once and must be changed at the first login.
import crypto from 'node:crypto';
import { newPasswordSchema, passwordNamesAccount } from '../api/auth/password-policy';
import { hashPassword } from '../api/auth/passwords';
import type { Db } from '../db/client';

export const FIRST_ADMIN_USERNAME = 'admin';

// No look-alike characters (0/O, 1/l/I): the password is read off a screen and typed in.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

/** Four groups of five, e.g. `Kq7mZ-…`: about 115 bits, and it passes the password policy. */
export function generatePassword(): string {
  for (;;) {
    const groups = Array.from({ length: 4 }, () => Array.from({ length: 5 }, () => ALPHABET[crypto.randomInt(ALPHABET.length)]).join(''));
    const password = groups.join('-');
    if (newPasswordSchema.safeParse(password).success && !passwordNamesAccount(password, FIRST_ADMIN_USERNAME)) return password;
  }
}

/** Creates the first administrator when the installation has none; undefined when it has one. */
export async function ensureFirstAdmin(db: Db): Promise<{ username: string; password: string } | undefined> {
  if (await db.user.count({ where: { role: 'admin' } })) return undefined;
  const password = generatePassword();
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
