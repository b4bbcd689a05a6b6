import {
  ApplicationFailure, allHandlersFinished, condition, proxyActivities, setHandler,
} from '@temporalio/workflow';
import { actionSchemas, ACTION_NAMES, fieldErrors, refusal, type ActionName } from '../domain/actions';
import {
  actionUpdates, caseViewQuery, FailureType, registerUpdate,
  type ActionCommand, type CaseView, type CaseWorkflowInput,
} from '../domain/messages';
import type { Activities } from '../activities';
import { applyAction, initialView } from './case-state';

const { registerCase, recordEvent } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  // The read model must catch up eventually, however long the database is away.
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/** One petition, from registration to closure (DESIGN.md §2). */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<CaseView> {
  const view = initialView(input);
  let seq = 1;
  let registered = false;

  setHandler(caseViewQuery, () => view);

  setHandler(registerUpdate, async () => {
    await condition(() => registered);
    return view;
  }, {
    validator: ({ fingerprint }) => {
      if (fingerprint !== input.fingerprint) {
        throw ApplicationFailure.nonRetryable('this Idempotency-Key was already used for a different registration', FailureType.idempotencyConflict);
      }
    },
  });

  for (const action of ACTION_NAMES) {
    setHandler(actionUpdates[action], async (cmd) => {
      const now = new Date();
      // Validators do not run on replay, so the handler parses again rather than trusting them to normalise.
      const parsed = actionSchemas[action].parse(cmd.input);
      applyAction(view, action, parsed as never, cmd.actor, now, input.policy);
      const eventSeq = ++seq;
      // Events reference the case row, so none is written before the registration is.
      await condition(() => registered);
      await recordEvent({ caseId: input.caseId, seq: eventSeq, type: action, actor: cmd.actor, at: now.toISOString(), data: parsed, view: snapshot(view) });
      return view;
    }, { validator: (cmd) => validate(view, action, cmd) });
  }

  const { caseNo } = await registerCase({
    caseId: input.caseId, registration: input.registration, registeredBy: input.registeredBy,
    fingerprint: input.fingerprint, at: new Date().toISOString(), view: snapshot(view),
  });
  view.caseNo = caseNo;
  registered = true;

  await condition(() => view.stage === 'closed' && allHandlersFinished());
  return view;
}

/** Refuses, before anything changes, an action that the stage or the input does not allow. */
function validate(view: CaseView, action: ActionName, cmd: ActionCommand): void {
  const why = refusal(action, view.stage, view.kind);
  if (why) throw ApplicationFailure.nonRetryable(why, FailureType.actionNotAllowed, { stage: view.stage });
  const parsed = actionSchemas[action].safeParse(cmd.input);
  if (!parsed.success) {
    throw ApplicationFailure.nonRetryable(`invalid input for "${action}"`, FailureType.invalidInput, { fields: fieldErrors(parsed.error) });
  }
}

/** A copy for an activity's input, so later handlers cannot change what an earlier one recorded. */
function snapshot(view: CaseView): CaseView {
  return JSON.parse(JSON.stringify(view)) as CaseView;
}
