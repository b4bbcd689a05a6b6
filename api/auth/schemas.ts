import { z } from 'zod';
import { ROLES } from '../../domain/roles';

export const loginSchema = z.object({
  username: z.string().trim().min(1, 'is required').max(64),
  password: z.string().min(1, 'is required').max(256),
}).strict();

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  townshipCode: z.string().nullable(),
});

export const loginResponseSchema = z.object({ token: z.string(), expiresAt: z.string(), user: userSchema });
