// What the public (petitioners and anyone reading a notice board) may send and receive: these
// schemas document the public endpoints, so every field here is one the world can see.
import { z } from 'zod';
import { text } from '../../domain/text';
import { townshipCode } from '../../domain/text';
import { CATEGORIES, SATISFACTION, STAGES } from '../../domain/case';
import { REVIEW_LEVELS, REVIEW_RESULTS } from '../../domain/review';
import { ASSISTANCE_DECISIONS, NOTICE_LEVELS } from '../../domain/notice';
import { pageOf, pageQuery } from '../http/paging';

export const caseNoParams = z.object({ caseNo: z.string().regex(/^XF\d{4}-\d{6}$/, 'must be a case number like XF2026-000123') }).strict();
export const queryCodeQuery = z.object({ code: z.string().regex(/^[A-Za-z0-9]{8}$/, 'must be the 8-character query code') }).strict();

const date = z.string().describe('ISO 8601 date-time');

/** The written answer the petitioner received, by how the case ended. */
const publicReply = z.discriminatedUnion('type', [
  z.object({ type: z.literal('reply'), at: date, decision: z.string(), facts: z.string(), basis: z.string(), text: z.string() }).strict(),
  z.object({ type: z.literal('not_accepted'), at: date, reason: z.string(), basis: z.string() }).strict(),
  z.object({ type: z.literal('forwarded'), at: date, body: z.string(), reason: z.string() }).strict(),
  z.object({ type: z.literal('answered'), at: date, answer: z.string() }).strict(),
]);

export const NEXT_STEPS = [
  'await_acceptance', 'await_reply', 'await_follow_up', 'rate_satisfaction', 'request_review', 'request_re_review', 'await_review_decision',
] as const;
export type NextStep = (typeof NEXT_STEPS)[number];

const nextStep = z.object({
  step: z.enum(NEXT_STEPS),
  /** The date the step is due by, when it has one. */
  until: date.nullable(),
  description: z.string(),
}).strict();

export const publicCaseSchema = z.object({
  caseNo: z.string(),
  stage: z.enum(STAGES),
  receivedAt: date,
  acceptedAt: date.nullable(),
  /** The statutory date for the written reply, once the case is accepted. */
  replyDueAt: date.nullable(),
  repliedAt: date.nullable(),
  closedAt: date.nullable(),
  reply: publicReply.nullable(),
  /** The statutory review chain: 复查, then 复核, then final (终结). */
  review: z.object({
    /** The request the petitioner may make now, and the end of its window. */
    window: z.object({ level: z.enum(REVIEW_LEVELS), endsAt: date }).strict().nullable(),
    requests: z.array(z.object({
      level: z.enum(REVIEW_LEVELS),
      requestedAt: date,
      /** The body deciding it. */
      body: z.string(),
      decidedAt: date.nullable(),
      result: z.enum(REVIEW_RESULTS).nullable(),
      opinion: z.string().nullable(),
    }).strict()),
    finalAt: date.nullable(),
  }).strict(),
  /** The petitioner's own answer, given on this page. */
  satisfaction: z.object({ response: z.enum(SATISFACTION), at: date }).strict().nullable(),
  nextSteps: z.array(nextStep),
}).strict();

export type PublicCase = z.infer<typeof publicCaseSchema>;

export const noticeIdParams = z.object({ id: z.string().regex(/^[A-Za-z0-9-]{1,100}$/, 'must be a notice id') }).strict();

export const noticeListQuery = z.object({ township: townshipCode.optional(), ...pageQuery(20, 100) }).strict();

export const publicNoticeSchema = z.object({
  id: z.string(),
  /** first: open to objections; second: posts the result of the review of objections. */
  posting: z.enum(['first', 'second']),
  level: z.enum(NOTICE_LEVELS),
  township: z.object({ code: z.string(), name: z.string() }).strict(),
  village: z.string(),
  householdName: z.string(),
  category: z.enum(CATEGORIES),
  decision: z.enum(ASSISTANCE_DECISIONS),
  /** Yuan per month; null for a removal or denial. */
  amount: z.number().nullable(),
  postedAt: date,
  closesAt: date,
  acceptsObjections: z.boolean(),
  reviewResult: z.enum(['upheld', 'revised']).nullable(),
}).strict();

export const publicNoticeListSchema = pageOf(publicNoticeSchema);

export const objectionReceiptSchema = z.object({ noticeId: z.string(), objectionNo: z.number(), receivedAt: date }).strict();

export const assistanceListQuery = z.object({
  category: z.enum(CATEGORIES).default('dibao'),
  township: townshipCode.optional(),
  village: text(100).optional(),
  ...pageQuery(20, 100),
}).strict();

/** The long-term list (长期公示) shows a household's name and amount and nothing else. */
export const assistanceListSchema = pageOf(z.object({ name: z.string(), amount: z.number() }).strict());
