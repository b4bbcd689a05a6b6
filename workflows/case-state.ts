// A case's state as the workflow starts it, and the one place a case changes stage. What each
// action changes is in the action table (domain/actions.ts).
import type { CaseView, CaseWorkflowInput } from '../domain/messages';
import type { Stage } from '../domain/stages';

export function initialView(input: CaseWorkflowInput): CaseView {
  return {
    caseId: input.caseId,
    kind: input.registration.kind,
    stage: 'registered',
    township: input.registration.township,
    rounds: [],
    clocks: [],
    pauses: [],
    extensions: [],
    calendarVersion: input.calendar.version,
    review: { requests: [] },
  };
}

/** Moves a case to a stage; a case closed again after a review keeps the time it first closed. */
export function moveTo(view: CaseView, stage: Stage, now: Date): void {
  view.stage = stage;
  if (stage === 'closed') view.closedAt ??= now.toISOString();
}
