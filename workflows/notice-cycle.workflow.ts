import {
  ApplicationFailure, allHandlersFinished, condition, proxyActivities, setHandler, sleep,
} from '@temporalio/workflow';
import { FailureType, type Actor } from '../domain/messages';
import { resolutionProblems } from '../domain/notice';
import {
  noticeViewQuery, objectUpdate, resolveObjectionsUpdate,
  type NoticeCycleInput, type NoticeOutcome, type ResolveCommand,
} from '../domain/notice-messages';
import type { Activities } from '../activities';
import {
  addObjection, closeFirstNotice, initialNoticeView, isResolved, objectionRefusal, postFirstNotice,
  postSecondNotice, resolutionRefusal, resolve, revisionProblem, takeEffect,
} from './notice-state';
import { snapshot } from './snapshot';

const { recordNoticeEvent, updateAssistanceList } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/**
 * One public notice cycle (公示—复议—公示): for each round a first notice open to objections; a
 * round with objections waits for the county's review and posts its result in a second notice;
 * after the last round the decision takes effect and the long-term list follows it.
 */
export async function noticeCycleWorkflow(input: NoticeCycleInput): Promise<NoticeOutcome> {
  const view = initialNoticeView(input);
  const { policy } = input;
  let seq = 0;
  // Posted before the handlers are set, so an objection delivered with the start finds the notice up.
  let round = postFirstNotice(view, new Date(), policy.first);

  const record = (type: string, data: Record<string, unknown>, actor?: Actor) => recordNoticeEvent({
    noticeId: input.noticeId, seq: ++seq, type, at: new Date().toISOString(), actor, data, view: snapshot(view),
  });

  setHandler(noticeViewQuery, () => view);

  // The API has checked each input's shape (domain/notice-schemas.ts); the validators check the cycle's state.
  setHandler(objectUpdate, async (given) => {
    const objection = addObjection(view, given, new Date());
    await record('objection', { ...objection });
    return { noticeId: input.noticeId, objectionNo: objection.no, receivedAt: objection.at };
  }, {
    validator: (_given) => {
      const why = objectionRefusal(view, new Date());
      if (why) throw ApplicationFailure.nonRetryable(why, FailureType.actionNotAllowed, { phase: view.phase });
    },
  });

  setHandler(resolveObjectionsUpdate, async (cmd: ResolveCommand) => {
    resolve(view, cmd.input, cmd.actor, new Date());
    await record('objections_resolved', { ...view.rounds.at(-1)!.resolution, input: cmd.input }, cmd.actor);
    return view;
  }, {
    validator: (cmd) => {
      const why = resolutionRefusal(view);
      if (why) throw ApplicationFailure.nonRetryable(why, FailureType.actionNotAllowed, { phase: view.phase });
      const problem = revisionProblem(view, cmd.input);
      const fields = resolutionProblems(cmd.input);
      if (problem) fields.push({ field: 'revised', message: problem });
      if (fields.length > 0) throw ApplicationFailure.nonRetryable('invalid input', FailureType.invalidInput, { fields });
    },
  });

  for (;;) {
    await record('first_notice_posted', { round: round.round, level: round.level, closesAt: round.closesAt, decision: view.current });
    await sleepUntil(round.closesAt);
    // Postings follow each other at the scheduled closing times, not whenever a timer's task ran.
    let next = new Date(round.closesAt);
    if (closeFirstNotice(view) === 'clear') {
      await record('first_notice_closed', { round: round.round, level: round.level, objections: 0 });
    } else {
      await record('review_opened', { round: round.round, level: round.level, objections: round.objections });
      await condition(() => isResolved(view));
      postSecondNotice(view, new Date(), policy.second);
      await record('second_notice_posted', { round: round.round, level: round.level, closesAt: view.closesAt, decision: view.current });
      await sleepUntil(view.closesAt!);
      next = new Date(view.closesAt!);
    }
    if (view.round === view.levels.length) {
      takeEffect(view, next);
      break;
    }
    round = postFirstNotice(view, next, policy.first);
  }

  await updateAssistanceList({
    noticeId: input.noticeId, category: input.category, township: input.township,
    household: input.household, decision: view.current, effectiveAt: view.effectiveAt!,
  });
  await record('effective', { outcome: view.outcome, decision: view.current });
  await condition(allHandlersFinished);
  return { noticeId: input.noticeId, outcome: view.outcome!, decision: view.current, effectiveAt: view.effectiveAt! };
}

function sleepUntil(iso: string): Promise<void> {
  return sleep(Math.max(0, Date.parse(iso) - Date.now()));
}
