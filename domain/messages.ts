// Messages of the case workflow, defined once: the API sends them and the workflow handles them.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type { ActionInput, ActionName } from './actions';
import { ACTION_NAMES } from './actions';
import type { Kind, Outcome, ProposedOutcome, Stage } from './case';
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
}

export interface ActionCommand<A extends ActionName = ActionName> {
  actor: Actor;
  input: ActionInput<A>;
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
