// Messages of the case workflow, defined once: the API sends them and the workflow handles them.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import { ACTION_NAMES, type ActionInputs, type ActionName } from './actions';
import type { WorkCalendar } from './calendar';
import type { Kind, Outcome, ProposedOutcome, Satisfaction, Stage } from './case';
import type { AssistanceDecision, NoticePolicy } from './notice';
import type { ReviewState } from './review';
import type { Clock, ExtensionStatus, Pause } from './clocks';
import type { TimePolicy } from './policy';
import type { Registration } from './registration';

export const CASE_WORKFLOW = 'caseWorkflow';

/** Who performs a step; recorded on every timeline event. */
export interface Actor {
  id: string;
  name: string;
  role: string;
}

export interface CaseWorkflowInput {
  caseId: string;
  registration: Registration;
  registeredBy: Actor;
  /** Hash of the registration request, to tell a retry from a reused idempotency key. */
  fingerprint: string;
  policy: TimePolicy;
  /** The holiday calendar at registration. */
  calendar: WorkCalendar;
  /** How notice cycles run for this case. */
  notice: NoticePolicy;
  /** Set in a run that continues an earlier run of the same case. */
  continued?: CarriedCase;
  /** History events after which a run continues as new; the server may suggest it sooner. */
  historyLimit?: number;
}

/** What a case carries into its next run once its history is long (continue-as-new). */
export interface CarriedCase {
  view: CaseView;
  /** The last timeline event's number: the next run goes on counting from it. */
  seq: number;
  calendar: WorkCalendar;
}

export interface InvestigationRound {
  round: number;
  submittedAt: string;
  submittedBy: string;
  findings: string;
  proposedOutcome: ProposedOutcome;
  review?: { decision: 'approved' | 'returned'; at: string; by: string; reason?: string; note?: string };
}

/** The live state of a case as the workflow knows it. */
export interface CaseView {
  caseId: string;
  caseNo?: string;
  kind: Kind;
  stage: Stage;
  township: string;
  stageDueAt?: string;
  replyDueAt?: string;
  acceptedAt?: string;
  repliedAt?: string;
  closedAt?: string;
  outcome?: Outcome;
  rounds: InvestigationRound[];
  /** Every clock run so far. */
  clocks: Clock[];
  pauses: Pause[];
  extensions: ExtensionRequest[];
  /** The version of the holiday calendar the due dates are computed on. */
  calendarVersion: number;
  /** The statutory review chain after the reply. */
  review: ReviewState;
  satisfaction?: {
    /** Recorded by staff at the follow-up visit. */
    followUp?: { response: Satisfaction; at: string };
    /** Given by the petitioner on the public page. */
    petitioner?: { response: Satisfaction; at: string; comment?: string };
  };
  /** Public notice cycles started by this case's outcome (child workflows). */
  notices?: CaseNotice[];
  /** 救急难: the first aid given to an urgent help request, which stopped its 48-hour clock. */
  firstAid?: FirstAid;
}

export interface FirstAid {
  aid: string;
  /** Yuan. */
  amount?: number;
  by: string;
  at: string;
}

export interface CaseNotice {
  noticeId: string;
  household: string;
  decision: AssistanceDecision;
  startedAt: string;
  /** Set when the cycle has ended and the decision (as confirmed or revised) took effect. */
  outcome?: 'confirmed' | 'revised';
  effectiveAt?: string;
}

export interface ExtensionRequest {
  days: number;
  reason: string;
  requestedBy: string;
  requestedAt: string;
  status: ExtensionStatus;
  decidedBy?: string;
  decidedAt?: string;
  /** The manager's note on approval, or the reason for declining. */
  decision?: string;
}

/** One action on a case: who takes it (none for the petitioner on the public page) and its input, as the API checked it. */
export interface ActionCommand<A extends ActionName = ActionName> {
  actor?: Actor;
  input: ActionInputs[A];
}

/** Failure types the workflow raises and the API maps to HTTP status codes. */
export const FailureType = {
  invalidInput: 'InvalidInput',
  actionNotAllowed: 'ActionNotAllowed',
  idempotencyConflict: 'IdempotencyConflict',
  /** The actor's role may not take the action in the case's stage. */
  forbidden: 'Forbidden',
} as const;

/**
 * What a case Update answers: that the step was taken and where the case stands. Not the whole case:
 * every answer is kept in the workflow's history, and the case is read from the read model or the query.
 */
export interface CaseAck {
  caseId: string;
  caseNo?: string;
  stage: Stage;
  /** The timeline event the step recorded (the last one so far, for a registration). */
  seq: number;
}

export const registerUpdate = defineUpdate<CaseAck, [{ fingerprint: string }]>('register');
export const caseViewQuery = defineQuery<CaseView>('caseView');

/** One Update per action of the action table (domain/actions.ts), named after the action. */
export const actionUpdates = Object.fromEntries(
  ACTION_NAMES.map((a) => [a, defineUpdate<CaseAck, [ActionCommand]>(a)]),
) as { [A in ActionName]: UpdateDefinition<CaseAck, [ActionCommand<A>]> };

/** A new holiday calendar for an open case, which recomputes its due dates with it. */
export const calendarSignal = defineSignal<[WorkCalendar]>('calendarChanged');
