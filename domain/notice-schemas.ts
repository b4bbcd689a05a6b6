// The input schemas of public notices (domain/notice.ts): what the API checks before an objection or
// a resolution reaches a notice cycle, and a reply's change of assistance. Kept apart from the rules so
// the workflow bundle carries no schema library.
import { z } from 'zod';
import { VOTES } from './appraisal';
import { ASSISTANCE_DECISIONS, LISTED_DECISIONS, resolutionProblems, type AssistanceDecision } from './notice';
import { isoDateTime, optionalText, text } from './text';

const member = z.object({
  name: text(100),
  present: z.boolean(),
  /** Why the member is recused (a relative of the household, a cadre handling the case…); recused members do not vote. */
  conflict: text(300).optional(),
  vote: z.enum(VOTES).optional(),
}).strict();

export const appraisalRecordSchema = z.object({
  heldAt: isoDateTime(),
  place: text(200),
  /** What the panel voted on; a vote in favour upholds the noticed decision. */
  motion: text(1000),
  members: z.array(member).min(1, 'must list the panel').max(500),
}).strict();

export type AppraisalRecord = z.infer<typeof appraisalRecordSchema>;

/** Yuan per month, to the fen. */
export const amountSchema = z.number().positive().max(1_000_000)
  .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, 'must be in yuan with at most two decimals');

function amountGoesWithListing(d: { decision: AssistanceDecision; amount?: number }, ctx: z.RefinementCtx): void {
  const listed = LISTED_DECISIONS.includes(d.decision);
  if (listed && d.amount === undefined) ctx.addIssue({ code: 'custom', path: ['amount'], message: `is required when the decision is "${d.decision}"` });
  if (!listed && d.amount !== undefined) ctx.addIssue({ code: 'custom', path: ['amount'], message: `must be left out when the decision is "${d.decision}"` });
}

/** A decision about a household's assistance: the amount goes with listing decisions only. */
export const assistanceDecisionSchema = z.object({
  decision: z.enum(ASSISTANCE_DECISIONS),
  amount: amountSchema.optional(),
}).strict().superRefine(amountGoesWithListing);

export type AssistanceDecisionInput = z.infer<typeof assistanceDecisionSchema>;

/** The household a notice is about: posted publicly by name and village only. */
export const householdSchema = z.object({ name: text(100), village: text(100) }).strict();

/** What a written reply changes in someone's assistance: posted in a notice cycle before it takes effect. */
export const caseAssistanceSchema = z.object({
  household: householdSchema,
  decision: z.enum(['grant', 'keep', 'remove']),
  amount: amountSchema.optional(),
}).strict().superRefine(amountGoesWithListing);

export type CaseAssistance = z.infer<typeof caseAssistanceSchema>;

/** Anyone may object while a first notice is up; only the reason is required. */
export const objectionSchema = z.object({
  reason: text(2000),
  name: optionalText(100),
  contact: optionalText(100),
}).strict();

export type ObjectionInput = z.infer<typeof objectionSchema>;

const revised = assistanceDecisionSchema.optional();

/**
 * How the county settles a round's objections (复议): a re-investigation that upholds the noticed
 * decision or revises it, or a village democratic appraisal whose vote decides the same question.
 * A revision is given exactly when the decision does not stand.
 */
export const resolutionSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('reinvestigation'), findings: text(20000), upheld: z.boolean(), revised }).strict(),
  z.object({ method: z.literal('appraisal'), appraisal: appraisalRecordSchema, note: optionalText(), revised }).strict(),
]).superRefine((r, ctx) => {
  for (const p of resolutionProblems(r)) ctx.addIssue({ code: 'custom', path: p.field.split('.'), message: p.message });
});

export type ResolutionInput = z.infer<typeof resolutionSchema>;

