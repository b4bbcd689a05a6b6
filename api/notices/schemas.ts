import { z } from 'zod';
import { townshipCode } from '../../domain/text';
import { CATEGORIES } from '../../domain/case';
import { ASSISTANCE_DECISIONS, NOTICE_LEVELS, NOTICE_PHASES } from '../../domain/notice';
import { pageOf, pageQuery } from '../http/paging';

export { noticeIdParams } from '../public/schemas';

export const staffNoticeListQuery = z.object({
  phase: z.enum(NOTICE_PHASES).optional(),
  township: townshipCode.optional(),
  caseId: z.string().regex(/^c[0-9a-f]{32}$/, 'must be a case id').optional(),
  ...pageQuery(20, 100),
}).strict();

const assistance = z.object({ decision: z.enum(ASSISTANCE_DECISIONS), amount: z.number().nullable() });

export const noticeSummarySchema = z.object({
  id: z.string(),
  caseId: z.string(),
  caseNo: z.string(),
  township: z.object({ code: z.string(), name: z.string() }),
  village: z.string(),
  householdName: z.string(),
  category: z.enum(CATEGORIES),
  proposed: assistance,
  current: assistance,
  levels: z.array(z.enum(NOTICE_LEVELS)),
  round: z.number(),
  level: z.enum(NOTICE_LEVELS).nullable(),
  phase: z.enum(NOTICE_PHASES),
  postedAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  objections: z.number(),
  reviewResult: z.enum(['upheld', 'revised']).nullable(),
  outcome: z.enum(['confirmed', 'revised']).nullable(),
  effectiveAt: z.string().nullable(),
});

export const noticeDetailSchema = noticeSummarySchema.extend({
  objectionList: z.array(z.object({
    no: z.number(), round: z.number(), at: z.string(), reason: z.string(),
    /** Withheld (null) from township users, like an accuser's identity. */
    name: z.string().nullable(), contact: z.string().nullable(),
  })),
  timeline: z.array(z.object({ seq: z.number(), type: z.string(), at: z.string(), actor: z.string().nullable() })),
  availableActions: z.array(z.literal('resolve')),
});

export const noticeListSchema = pageOf(noticeSummarySchema);
