// The password policy: long enough, mixed, and hard to guess by the estimate of zxcvbn-ts (a maintained
// estimator with its dictionaries of common passwords, names and words, keyboard patterns and l33t
// substitutions, all offline), with this system's own words counted as guessable. Applied wherever a
// password is chosen (an admin creating or resetting an account, a user changing theirs).
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import { z } from 'zod';

export const PASSWORD_MIN_LENGTH = 10;

const CLASSES = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/];

const estimator = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...en.dictionary, system: ['jianjian', 'jianjian-demo', 'xinfang', 'petition', 'admin', 'desk', 'reviewer', 'manager'] },
  graphs: common.adjacencyGraphs,
  translations: en.translations,
});

/** zxcvbn's top score: an estimated 10^10 guesses or more, beyond an offline attack on a slow hash's budget for one account. */
const MIN_SCORE = 4;

/** Why the estimator finds `password` guessable, or undefined when it is strong enough. */
function guessable(password: string): string | undefined {
  const r = estimator.check(password);
  if (r.score >= MIN_SCORE) return undefined;
  return `is too easy to guess${r.feedback.warning ? ` (${r.feedback.warning.replace(/\.$/, '').toLowerCase()})` : ''}: add words or characters that do not form a common password, name or keyboard pattern`;
}

export const newPasswordSchema = z.string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(256, 'must be at most 256 characters')
  .refine((p) => CLASSES.filter((c) => c.test(p)).length >= 3, 'must mix at least three of: lower-case letters, upper-case letters, digits, symbols')
  .superRefine((p, ctx) => {
    const why = p.length >= PASSWORD_MIN_LENGTH && p.length <= 256 ? guessable(p) : undefined;
    if (why) ctx.addIssue({ code: 'custom', message: why });
  });

/** The rule zod cannot check alone: the password must not contain the username. */
export function passwordNamesAccount(password: string, username: string): boolean {
  return username.length >= 3 && password.toLowerCase().includes(username.toLowerCase());
}
