// Public notice of a change in someone's assistance (公示—复议—公示, DESIGN.md §2 step 8): what is
// posted, the objections anyone may raise, and how the county settles them. Pure data and schemas.
import { z } from 'zod';
import { optionalText, text } from './text';
import { appraisalProblems, appraisalRecordSchema, tally, type AppraisalRecord } from './appraisal';
import type { Limit } from './policy';

/** grant 纳入, keep 保留, remove 取消, deny 不予纳入 (only as the result of a review). */
export const ASSISTANCE_DECISIONS = ['grant', 'keep', 'remove', 'deny'] as const;
export type AssistanceDecision = (typeof ASSISTANCE_DECISIONS)[number];

/** Decisions that keep a household on the long-term public list (长期公示). */
export const LISTED_DECISIONS: readonly AssistanceDecision[] = ['grant', 'keep'];

/** Rounds of the three-round notice (三榜公示); a single round is posted at county level. */
export const NOTICE_LEVELS = ['village', 'township', 'county'] as const;
export type NoticeLevel = (typeof NOTICE_LEVELS)[number];

/** first_notice → (objections?) review → second_notice → next round … → effective. */
export const NOTICE_PHASES = ['first_notice', 'review', 'second_notice', 'effective'] as const;
export type NoticePhase = (typeof NOTICE_PHASES)[number];

export interface NoticePolicy {
  /** How long the first notice of each round stays up (公示, default 7 days). */
  first: Limit;
  /** How long the second notice posting a review's result stays up (default 3 days). */
  second: Limit;
  rounds: NoticeLevel[];
}

export const DEFAULT_NOTICE_POLICY: NoticePolicy = {
  first: { amount: 7, unit: 'days' },
  second: { amount: 3, unit: 'days' },
  rounds: ['county'],
};

export const THREE_ROUNDS: NoticeLevel[] = ['village', 'township', 'county'];


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
  if (r.method === 'appraisal') {
    const problems = appraisalProblems(r.appraisal, '');
    for (const p of problems) ctx.addIssue({ code: 'custom', path: ['appraisal', ...p.field.split('.')], message: p.message });
    if (problems.length > 0) return;
  }
  const upheld = upholds(r);
  if (upheld && r.revised) ctx.addIssue({ code: 'custom', path: ['revised'], message: 'must be left out when the decision is upheld' });
  if (!upheld && !r.revised) ctx.addIssue({ code: 'custom', path: ['revised'], message: 'is required when the decision does not stand (the revised decision is posted in the second notice)' });
});

export type ResolutionInput = z.infer<typeof resolutionSchema>;

/** Whether a valid resolution lets the noticed decision stand: the re-investigation's finding, or the panel's vote. */
type Settled = { method: 'reinvestigation'; upheld: boolean } | { method: 'appraisal'; appraisal: AppraisalRecord };

export function upholds(r: Settled): boolean {
  return r.method === 'appraisal' ? tally(r.appraisal).passed : r.upheld;
}

/** Parses `NOTICE_PERIODS` overrides (e.g. `first=7d,second=3d`) and `NOTICE_ROUNDS` (`county` or `village,township,county`). */
export function parseNoticePolicy(periods: string | undefined, rounds: string | undefined, base = DEFAULT_NOTICE_POLICY): NoticePolicy {
  const policy: NoticePolicy = { ...base, rounds: [...base.rounds] };
  for (const part of (periods ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^(first|second)=(\d+)(d|wd)$/.exec(part);
    if (!m || Number(m[2]) < 1) throw new Error(`NOTICE_PERIODS: cannot read "${part}" (expected e.g. first=7d,second=3d)`);
    policy[m[1] as 'first' | 'second'] = { amount: Number(m[2]), unit: m[3] === 'wd' ? 'workingDays' : 'days' };
  }
  if (rounds) {
    const levels = rounds.split(',').map((s) => s.trim());
    const valid = levels.every((l) => (NOTICE_LEVELS as readonly string[]).includes(l)) && new Set(levels).size === levels.length;
    if (!valid) throw new Error(`NOTICE_ROUNDS: cannot read "${rounds}" (expected levels from ${NOTICE_LEVELS.join(', ')}, e.g. village,township,county)`);
    policy.rounds = levels as NoticeLevel[];
  }
  return policy;
}
