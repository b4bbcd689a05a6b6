// Messages of the notice cycle workflow, defined once: the case workflow starts it, the API sends
// objections and resolutions to it, and the workflow handles them.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { AppraisalTally } from './appraisal';
import type { Category } from './case';
import type { Actor } from './messages';
import type {
  AssistanceDecision, NoticeLevel, NoticePhase, NoticePolicy, ObjectionInput, ResolutionInput,
} from './notice';

export const NOTICE_CYCLE_WORKFLOW = 'noticeCycleWorkflow';

export interface Assistance {
  decision: AssistanceDecision;
  amount?: number;
}

/** What a notice is about: one household's assistance, decided in one case. */
export interface NoticeSubject {
  /** Also the workflow id. */
  noticeId: string;
  caseId: string;
  township: string;
  category: Category;
  household: { name: string; village: string };
  /** The decision the case's outcome proposes; posted, and in force once the cycle ends. */
  proposed: Assistance;
}

export interface NoticeCycleInput extends NoticeSubject {
  policy: NoticePolicy;
  startedBy: Actor;
}

export interface NoticeObjection {
  no: number;
  round: number;
  at: string;
  reason: string;
  name?: string;
  contact?: string;
}

export interface NoticeResolution {
  method: ResolutionInput['method'];
  upheld: boolean;
  at: string;
  by: string;
  /** The decision after the review: the one posted in the second notice. */
  result: Assistance;
  tally?: AppraisalTally;
}

export interface NoticeRound {
  round: number;
  level: NoticeLevel;
  postedAt: string;
  closesAt: string;
  objections: number;
  resolution?: NoticeResolution;
  secondPostedAt?: string;
  secondClosesAt?: string;
}

/** The live state of a notice cycle. */
export interface NoticeView extends NoticeSubject {
  /** The decision as it stands now: the proposed one, or the last review's revision. */
  current: Assistance;
  levels: NoticeLevel[];
  phase: NoticePhase;
  /** The round under way, from 1. */
  round: number;
  /** The posting on the board now (first or second notice), while there is one. */
  postedAt?: string;
  closesAt?: string;
  rounds: NoticeRound[];
  objections: NoticeObjection[];
  effectiveAt?: string;
  outcome?: 'confirmed' | 'revised';
}

export interface NoticeOutcome {
  noticeId: string;
  outcome: 'confirmed' | 'revised';
  decision: Assistance;
  effectiveAt: string;
}

export interface ObjectionReceipt {
  noticeId: string;
  objectionNo: number;
  receivedAt: string;
}

export interface ResolveCommand {
  actor: Actor;
  input: ResolutionInput;
}

export const objectUpdate = defineUpdate<ObjectionReceipt, [ObjectionInput]>('object');
export const resolveObjectionsUpdate = defineUpdate<NoticeView, [ResolveCommand]>('resolveObjections');
export const noticeViewQuery = defineQuery<NoticeView>('noticeView');
