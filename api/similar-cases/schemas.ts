import { z } from 'zod';
import { townshipCode } from '../../domain/actions';
import { caseSummarySchema } from '../cases/schemas';

/** What the desk has typed so far; every field optional, blanks ignored. */
export const similarQuery = z.object({
  idNumber: z.string().trim().max(18).optional(),
  phone: z.string().trim().max(20).optional(),
  township: townshipCode.optional(),
  subject: z.string().trim().max(200).optional(),
}).strict();

export const SIMILARITY_REASONS = ['idNumber', 'phone', 'subject'] as const;

export const similarListSchema = z.object({
  items: z.array(caseSummarySchema.extend({ reasons: z.array(z.enum(SIMILARITY_REASONS)) })),
});
