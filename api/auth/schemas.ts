import { z } from 'zod';
import { text } from '../../domain/text';
import { ROLES } from '../../domain/roles';
import { newPasswordSchema } from './password-policy';

export const loginSchema = z.object({
  username: text(64),
  password: z.string().min(1, 'is required').max(256),
  /** `cookie`: the web console's session, an HttpOnly cookie plus a CSRF token, instead of a bearer token. */
  session: z.enum(['token', 'cookie']).default('token'),
}).strict();

export const passwordChangeSchema = z.object({
  currentPassword: z.string().min(1, 'is required').max(256),
  newPassword: newPasswordSchema,
}).strict();

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  townshipCode: z.string().nullable(),
  mustChangePassword: z.boolean(),
});

export const loginResponseSchema = z.object({
  /** The bearer token (token sessions only; a cookie session's token stays in its HttpOnly cookie). */
  token: z.string().optional(),
  /** Cookie sessions: the value to send in X-CSRF-Token on every POST, PATCH and DELETE. */
  csrfToken: z.string().optional(),
  expiresAt: z.string(),
  user: userSchema,
});
