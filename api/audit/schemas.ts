import { z } from 'zod';
import { pageOf, pageQuery } from '../http/paging';
import { text } from '../../domain/text';

const isoDateTime = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' }).transform((s) => new Date(s));

export const auditQuery = z.object({
  actor: text(64).optional(),
  /** An action or its prefix: `case.` finds every case action, `auth.login` every login outcome. */
  action: z.string().trim().regex(/^[a-z][a-z0-9._/: -]{0,99}$/i, 'must be an action name or its prefix').optional(),
  target: text(100).optional(),
  ip: text(64).optional(),
  status: z.coerce.number().int().min(100).max(599).optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  ...pageQuery(50, 200),
}).strict();

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({ id: z.string().nullable(), username: z.string(), role: z.string().nullable() }).nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  status: z.number(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});

export const auditPageSchema = pageOf(auditEntrySchema);
