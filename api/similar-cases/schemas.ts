import { z } from 'zod';
import { townshipCode } from '../../domain/text';
import { optionalText } from '../../domain/text';
import { caseSummarySchema } from '../cases/schemas';

/** What the desk has typed so far; every field optional, blanks ignored. */
export const similarQuery = z.object({
  idNumber: optionalText(18),
  phone: optionalText(20),
  township: townshipCode.optional(),
  subject: optionalText(200),
}).strict();

export const SIMILARITY_REASONS = ['idNumber', 'phone', 'subject'] as const;

export const similarListSchema = z.object({
  items: z.array(caseSummarySchema.extend({
    reasons: z.array(z.enum(SIMILARITY_REASONS)),
    /** 终结: 复核 decided on this case; the same facts are not accepted again (不再受理). */
    finalAt: z.string().nullable(),
  })),
});
