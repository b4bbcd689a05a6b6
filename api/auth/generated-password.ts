// Passwords the system chooses (the first administrator's, imported accounts'): shown once, typed in
// by a person, and to be replaced at the first login.
import crypto from 'node:crypto';
import { newPasswordSchema, passwordNamesAccount } from './password-policy';

// No look-alike characters (0/O, 1/l/I): the password is read off a screen and typed in.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

/** Four groups of five, e.g. `Kq7mZ-…`: about 115 bits, and it passes the password policy. */
export function generatePassword(username: string): string {
  for (;;) {
    const groups = Array.from({ length: 4 }, () => Array.from({ length: 5 }, () => ALPHABET[crypto.randomInt(ALPHABET.length)]).join(''));
    const password = groups.join('-');
    if (newPasswordSchema.safeParse(password).success && !passwordNamesAccount(password, username)) return password;
  }
}
