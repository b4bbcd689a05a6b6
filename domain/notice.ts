// Public notice of a change in someone's assistance (公示—复议—公示, DESIGN.md §2 step 8): what is
// posted, the objections anyone may raise, and how the county settles them. Pure data and rules;
// the API's input schemas are in notice-schemas.ts, out of the workflows' way.
import { appraisalProblems, tally, type AppraisalRecord } from './appraisal';
import type { ResolutionInput } from './notice-schemas';
import type { FieldError } from './text';
import type { Limit } from './policy';

export type { AssistanceDecisionInput, CaseAssistance, ObjectionInput, ResolutionInput } from './notice-schemas';

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


/** Whether a valid resolution lets the noticed decision stand: the re-investigation's finding, or the panel's vote. */
type Settled = { method: 'reinvestigation'; upheld: boolean } | { method: 'appraisal'; appraisal: AppraisalRecord };

export function upholds(r: Settled): boolean {
  return r.method === 'appraisal' ? tally(r.appraisal).passed : r.upheld;
}

/**
 * The rules a resolution meets beyond its shape, checked by the API's schema and again by the
 * notice cycle: a valid appraisal, and a revision given exactly when the decision does not stand.
 */
export function resolutionProblems(r: ResolutionInput): FieldError[] {
  if (r.method === 'appraisal') {
    const problems = appraisalProblems(r.appraisal);
    if (problems.length > 0) return problems;
  }
  const upheld = upholds(r);
  if (upheld && r.revised) return [{ field: 'revised', message: 'must be left out when the decision is upheld' }];
  if (!upheld && !r.revised) return [{ field: 'revised', message: 'is required when the decision does not stand (the revised decision is posted in the second notice)' }];
  return [];
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
