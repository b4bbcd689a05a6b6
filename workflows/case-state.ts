// How each action changes a case: pure functions over the workflow's state, kept apart from the
// workflow's plumbing so the rules read in one place.
import type { ActionInput, ActionName } from '../domain/actions';
import { TRANSITIONS } from '../domain/actions';
import type { Actor, CaseView, CaseWorkflowInput } from '../domain/messages';
import { addLimit, stageLimit, type TimePolicy } from '../domain/policy';
import type { Stage } from '../domain/case';

export function initialView(input: CaseWorkflowInput): CaseView {
  const received = new Date(input.registration.receivedAt);
  return {
    caseId: input.caseId,
    kind: input.registration.kind,
    stage: 'registered',
    township: input.registration.township,
    stageDueAt: addLimit(received, input.policy.acceptance).toISOString(),
    rounds: [],
    clocks: [],
    pauses: [],
    extensions: [],
    calendarVersion: input.calendar.version,
    review: { requests: [] },
  };
}

function enterStage(view: CaseView, stage: Stage, now: Date, policy: TimePolicy): void {
  view.stage = stage;
  const limit = stageLimit(policy, stage);
  // Stages without a clock of their own (reply, follow-up) are due with the statutory reply.
  view.stageDueAt = limit ? addLimit(now, limit).toISOString() : stage === 'closed' ? undefined : view.replyDueAt;
  if (stage === 'closed') view.closedAt = now.toISOString();
}

type Changes = { [A in ActionName]: (view: CaseView, input: ActionInput<A>, actor: Actor, now: Date, policy: TimePolicy) => void };

const changes: Changes = {
  accept(view, input, _actor, now, policy) {
    view.township = input.township;
    view.acceptedAt = now.toISOString();
    view.replyDueAt = addLimit(now, policy.reply).toISOString();
  },
  reject(view) { view.outcome = 'rejected'; },
  forward(view) { view.outcome = 'forwarded'; },
  answer(view) { view.outcome = 'answered'; },
  'submit-investigation'(view, input, actor, now) {
    view.rounds.push({
      round: view.rounds.length + 1, submittedAt: now.toISOString(), submittedBy: actor.name,
      findings: input.findings, proposedOutcome: input.proposedOutcome,
    });
  },
  approve(view, input, actor, now) {
    const round = view.rounds.at(-1)!;
    round.review = { decision: 'approved', at: now.toISOString(), by: actor.name, note: input.note };
  },
  return(view, input, actor, now) {
    const round = view.rounds.at(-1)!;
    round.review = { decision: 'returned', at: now.toISOString(), by: actor.name, reason: input.reason };
  },
  reply(view, _input, _actor, now) {
    view.repliedAt = now.toISOString();
    view.outcome = 'replied';
  },
  'follow-up'() {},
};

/** Applies an already validated action: the action's own change, then the move to the next stage. */
export function applyAction<A extends ActionName>(
  view: CaseView, action: A, input: ActionInput<A>, actor: Actor, now: Date, policy: TimePolicy,
): void {
  (changes[action] as Changes[A])(view, input, actor, now, policy);
  enterStage(view, TRANSITIONS[action].to, now, policy);
}
