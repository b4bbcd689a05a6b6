// The password policy: long enough, mixed, not guessable from the account. Applied wherever a
// password is chosen (an admin creating or resetting an account, a user changing theirs).
import { z } from 'zod';

export const PASSWORD_MIN_LENGTH = 10;

const CLASSES = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/];

// The start of every leaked-password list, and this system's own name and demo password.
const COMMON = ['password', 'passw0rd', '12345678', 'qwerty', 'abc123', 'iloveyou', 'admin', 'welcome', 'jianjian', '123456789'];

export const newPasswordSchema = z.string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(256, 'must be at most 256 characters')
  .refine((p) => CLASSES.filter((c) => c.test(p)).length >= 3, 'must mix at least three of: lower-case letters, upper-case letters, digits, symbols')
  .refine((p) => !COMMON.some((w) => p.toLowerCase().includes(w)), 'must not contain a common password or the system\'s name');

/** The rule zod cannot check alone: the password must not contain the username. */
export function passwordNamesAccount(password: string, username: string): boolean {
  return username.length >= 3 && password.toLowerCase().includes(username.toLowerCase());
}
