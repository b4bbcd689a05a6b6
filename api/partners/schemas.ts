import { z } from 'zod';
import { SOURCE_LEVELS } from '../../domain/case';
import { text } from '../../domain/text';

export const partnerIdParams = z.object({ id: z.uuid({ message: 'must be a partner id' }) }).strict();

export const createPartnerSchema = z.object({
  /** Shown as the source body of every case it files, e.g. 市12345政务服务便民热线. */
  name: text(200),
  /** The level its petitions come from, as a source on the registration form. */
  sourceLevel: z.enum(SOURCE_LEVELS),
}).strict();

export const partnerSchema = z.object({
  id: z.string(),
  name: z.string(),
  sourceLevel: z.enum(SOURCE_LEVELS),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
}).strict();

/** The key is in this answer only: the database keeps its SHA-256. */
export const newPartnerSchema = partnerSchema.extend({ apiKey: z.string() }).strict();

export const partnerListSchema = z.object({ items: z.array(partnerSchema) }).strict();
