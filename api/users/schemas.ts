import { z } from 'zod';
import { townshipCode } from '../../domain/text';
import { ROLES } from '../../domain/roles';
import { newPasswordSchema } from '../auth/password-policy';
import { pageOf, pageQuery } from '../http/paging';
import { text } from '../../domain/text';

export const userIdParams = z.object({ id: z.uuid({ message: 'must be a user id' }) });

const username = z.string().trim().regex(/^[a-z0-9][a-z0-9_.-]{2,31}$/, 'must be 3 to 32 lower-case letters, digits, "_", "." or "-"');
const displayName = text(100);
const email = z.email({ message: 'must be an email address' }).max(200);

export const createUserSchema = z.object({
  username,
  displayName,
  role: z.enum(ROLES),
  /** Required for township roles, refused for county roles. */
  townshipCode: townshipCode.optional(),
  email: email.optional(),
  /** The first password; the user must replace it at the first login. */
  password: newPasswordSchema,
}).strict();

export const updateUserSchema = z.object({
  displayName: displayName.optional(),
  role: z.enum(ROLES).optional(),
  townshipCode: townshipCode.nullable().optional(),
  email: email.nullable().optional(),
  /** false deactivates the account: it keeps its history, cannot log in, and its sessions end. */
  active: z.boolean().optional(),
}).strict().refine((u) => Object.keys(u).length > 0, 'must change at least one field');

export const resetPasswordSchema = z.object({ password: newPasswordSchema }).strict();

export const listUsersQuery = z.object({
  role: z.enum(ROLES).optional(),
  township: townshipCode.optional(),
  active: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  q: text(64).optional(),
  ...pageQuery(50, 200),
}).strict();

export const accountSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  townshipCode: z.string().nullable(),
  email: z.string().nullable(),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
  passwordChangedAt: z.string().nullable(),
});

export const accountListSchema = pageOf(accountSchema);

export const importUsersQuery = z.object({
  /** `true`: check the file and report, creating nobody. */
  dryRun: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
}).strict();

export const userImportReportSchema = z.object({
  dryRun: z.boolean(),
  rows: z.number(),
  created: z.number(),
  rejected: z.array(z.object({ row: z.number(), field: z.string(), message: z.string() })),
  /** Each created account's first password, shown this once; the user must change it at the first login. */
  accounts: z.array(z.object({ row: z.number(), username: z.string(), password: z.string() })),
});
