// Messages of the case workflow, defined once: the API sends them and the workflow handles them.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type { ActionInput, ActionName } from './actions';
import { ACTION_NAMES } from './actions';
import type { WorkCalendar } from './calendar';
import type { Kind, Outcome, ProposedOutcome, Stage } from './case';
import { CLOCK_ACTION_NAMES, type ClockActionInput, type ClockActionName, type ExtensionStatus } from './clock-actions';
import type { Clock, Pause } from './clocks';
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
  /** The holiday calendar at registration; absent for cases started before clocks ran. */
  calendar?: WorkCalendar;
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
  /** Every clock run so far; absent for cases registered before clocks ran in the workflow. */
  clocks?: Clock[];
  pauses?: Pause[];
  extensions?: ExtensionRequest[];
  /** The version of the holiday calendar the due dates are computed on. */
  calendarVersion?: number;
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

export interface ActionCommand<A extends ActionName = ActionName> {
  actor: Actor;
  input: ActionInput<A>;
}

export interface ClockActionCommand<A extends ClockActionName = ClockActionName> {
  actor: Actor;
  input: ClockActionInput<A>;
}

/** Failure types the workflow raises and the API maps to HTTP status codes. */
export const FailureType = {
  invalidInput: 'InvalidInput',
  actionNotAllowed: 'ActionNotAllowed',
  idempotencyConflict: 'IdempotencyConflict',
} as const;

export const registerUpdate = defineUpdate<CaseView, [{ fingerprint: string }]>('register');
export const caseViewQuery = defineQuery<CaseView>('caseView');

/** One Update per human action, named after the action. */
export const actionUpdates = Object.fromEntries(
  ACTION_NAMES.map((a) => [a, defineUpdate<CaseView, [ActionCommand]>(a)]),
) as Record<ActionName, UpdateDefinition<CaseView, [ActionCommand]>>;

/** One Update per clock action (extensions, pauses), named after the action. */
export const clockActionUpdates = Object.fromEntries(
  CLOCK_ACTION_NAMES.map((a) => [a, defineUpdate<CaseView, [ClockActionCommand]>(a)]),
) as Record<ClockActionName, UpdateDefinition<CaseView, [ClockActionCommand]>>;

/** A new holiday calendar for an open case, which recomputes its due dates with it. */
export const calendarSignal = defineSignal<[WorkCalendar]>('calendarChanged');
