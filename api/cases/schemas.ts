import { z } from 'zod';
import { ACTIONS, STAFF_ACTIONS, type ActionGroup } from '../../domain/actions';
import { EXTENSION_STATUSES, LEVELS, PAUSE_REASONS } from '../../domain/clocks';
import { CATEGORIES, CHANNELS, KINDS, SATISFACTION, STAGES } from '../../domain/case';
import { REVIEW_LEVELS } from '../../domain/review';
import { villageCode } from '../../domain/divisions';
import { text, townshipCode } from '../../domain/text';
import { pageOf, pageQuery } from '../http/paging';

export const caseIdParams = z.object({ id: z.string().regex(/^c[0-9a-f]{32}$/, 'must be a case id') });

export const actionParams = caseIdParams.extend({
  action: z.enum(STAFF_ACTIONS, { message: `must be one of: ${STAFF_ACTIONS.join(', ')}` }),
});

const actionsOf = (group: ActionGroup) => z.array(z.enum(STAFF_ACTIONS.filter((a) => ACTIONS[a].group === group)));

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const listQuery = z.object({
  stage: z.enum(STAGES).optional(),
  township: townshipCode.optional(),
  /** A registered village's code: its cases only. */
  village: villageCode.optional(),
  kind: z.enum(KINDS).optional(),
  overdue: bool.optional(),
  /** The latest extension request's status: `requested` is the managers' queue of decisions. */
  extension: z.enum(EXTENSION_STATUSES).optional(),
  q: text(100).optional(),
  /** `due`: the stage due date first (a township's work list); default: the newest first. */
  sort: z.enum(['received', 'due']).optional(),
  ...pageQuery(20, 100),
}).strict();

export const idempotencyKey = z.string().regex(/^[\x21-\x7e]{1,200}$/, 'must be 1 to 200 visible ASCII characters');

const timelineEvent = z.object({
  seq: z.number(), type: z.string(), at: z.string(), actor: z.string().nullable(), data: z.record(z.string(), z.unknown()),
});

export const caseSummarySchema = z.object({
  id: z.string(),
  caseNo: z.string(),
  stage: z.enum(STAGES),
  kind: z.enum(KINDS),
  channel: z.enum(CHANNELS),
  category: z.enum(CATEGORIES),
  township: z.object({ code: z.string(), name: z.string() }),
  subject: z.string(),
  petitionerName: z.string().nullable(),
  petitionerIdNumber: z.string().nullable(),
  receivedAt: z.string(),
  stageDueAt: z.string().nullable(),
  replyDueAt: z.string().nullable(),
  /** The earliest due time among the running clocks; null while paused or closed. */
  dueAt: z.string().nullable(),
  /** A due time counts days of a year whose holiday calendar is not published yet (weekends only): it may move. */
  dueProvisional: z.boolean(),
  overdue: z.boolean(),
  /** The highest escalation level reached by a running clock. */
  escalation: z.enum(LEVELS).nullable(),
  outcome: z.string().nullable(),
});

export const caseDetailSchema = caseSummarySchema.extend({
  queryCode: z.string().optional(),
  source: z.object({ level: z.string().nullable(), body: z.string().nullable(), reference: z.string().nullable() }),
  village: z.string().nullable(),
  /** The registered village; null for a village typed as text. */
  villageCode: z.string().nullable(),
  facts: z.string(),
  request: z.string(),
  anonymous: z.boolean(),
  petitioner: z.object({
    name: z.string().nullable(), phone: z.string().nullable(), idNumber: z.string().nullable(), address: z.string().nullable(),
  }).nullable(),
  petitionerWithheld: z.boolean(),
  acceptedAt: z.string().nullable(),
  repliedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  investigationRounds: z.number(),
  availableActions: actionsOf('stage'),
  clock: z.object({
    warnAt: z.string().nullable(),
    pausedSince: z.string().nullable(),
    pauseReason: z.enum(PAUSE_REASONS).nullable(),
    extension: z.enum(EXTENSION_STATUSES).nullable(),
    /** An urgent help request (救急难): its first aid is due within 48 hours of receipt. */
    urgent: z.boolean(),
    firstAidAt: z.string().nullable(),
  }),
  /** The clock actions (extensions, pauses, first aid) valid now. */
  clockActions: actionsOf('clock'),
  review: z.object({
    /** The request the petitioner may make now, and until when. */
    window: z.object({ level: z.enum(REVIEW_LEVELS), endsAt: z.string() }).nullable(),
    /** The level of the request waiting for the next level's decision. */
    pending: z.enum(REVIEW_LEVELS).nullable(),
    /** 终结: 复核 decided. */
    finalAt: z.string().nullable(),
  }),
  /** The review actions (复查, 复核) valid now. */
  reviewActions: actionsOf('review'),
  satisfaction: z.object({ followUp: z.enum(SATISFACTION).nullable(), petitioner: z.enum(SATISFACTION).nullable() }),
  /** Flagged at intake: the same petitioner's earlier case on the same matter, final after 复核 (不再受理). */
  repeatOf: z.object({ id: z.string(), caseNo: z.string(), finalAt: z.string().nullable() }).nullable(),
  timeline: z.array(timelineEvent),
});

export const caseListSchema = pageOf(caseSummarySchema);
