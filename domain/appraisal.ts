// Village democratic appraisal (民主评议): the rules a recorded appraisal must meet before its vote
// can settle objections to a public notice. Pure: used by the API's schema (notice-schemas.ts) and the
// notice workflow.
import type { AppraisalRecord } from './notice-schemas';
import type { FieldError } from './text';

export type { AppraisalRecord };

/** A panel needs this many members who have no conflict of interest. */
export const MIN_PANEL = 15;

export const VOTES = ['for', 'against', 'abstain'] as const;

export interface AppraisalTally {
  /** Members without a conflict: the panel that counts. */
  panel: number;
  recused: number;
  present: number;
  votesFor: number;
  votesAgainst: number;
  abstentions: number;
  /** Two thirds of the members present voted for the motion. */
  passed: boolean;
}

/** Counts a recorded appraisal. Meaningful only when `appraisalProblems` finds none. */
export function tally(record: AppraisalRecord): AppraisalTally {
  const counting = record.members.filter((m) => !m.conflict);
  const present = counting.filter((m) => m.present);
  const count = (v: (typeof VOTES)[number]) => present.filter((m) => m.vote === v).length;
  const votesFor = count('for');
  return {
    panel: counting.length,
    recused: record.members.length - counting.length,
    present: present.length,
    votesFor,
    votesAgainst: count('against'),
    abstentions: count('abstain'),
    // Integer arithmetic: 3·for ≥ 2·present is "at least two thirds" without rounding.
    passed: present.length > 0 && 3 * votesFor >= 2 * present.length,
  };
}

/**
 * Why a recorded appraisal cannot stand, as field errors (empty when it can): a panel of at least
 * 15 members without a conflict, at least two thirds of them present, every present member's vote
 * recorded, and no vote from an absent or recused member.
 */
export function appraisalProblems(record: AppraisalRecord, prefix = 'appraisal'): FieldError[] {
  const problems: FieldError[] = [];
  const at = (path: string) => [prefix, path].filter(Boolean).join('.');
  const names = new Set<string>();
  record.members.forEach((m, i) => {
    if (names.has(m.name)) problems.push({ field: at(`members.${i}.name`), message: `"${m.name}" is listed twice` });
    names.add(m.name);
    if (m.conflict && m.vote) problems.push({ field: at(`members.${i}.vote`), message: 'a member with a conflict of interest is recused and may not vote' });
    else if (!m.conflict && m.present && !m.vote) problems.push({ field: at(`members.${i}.vote`), message: 'is required for a member present' });
    else if (!m.present && m.vote) problems.push({ field: at(`members.${i}.vote`), message: 'an absent member cannot vote' });
  });
  const t = tally(record);
  if (t.panel < MIN_PANEL) {
    problems.push({ field: at('members'), message: `the panel needs at least ${MIN_PANEL} members without a conflict of interest (has ${t.panel})` });
  } else if (3 * t.present < 2 * t.panel) {
    problems.push({ field: at('members'), message: `at least two thirds of the panel must attend: ${t.present} of ${t.panel} present, ${Math.ceil((2 * t.panel) / 3)} needed` });
  }
  return problems;
}
