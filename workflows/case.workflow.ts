import {
  ApplicationFailure, allHandlersFinished, condition, continueAsNew, proxyActivities, setHandler, startChild, workflowInfo,
} from '@temporalio/workflow';
import { caseRow } from '../domain/case-row';
import { actionSchemas, ACTION_NAMES, fieldErrors, refusal, type ActionName } from '../domain/actions';
import { clockActionRefusal, clockActionSchemas, CLOCK_ACTION_NAMES, type ClockActionName } from '../domain/clock-actions';
import { escalationAudience, nextEscalation, type PlannedEscalation } from '../domain/clocks';
import {
  actionUpdates, calendarSignal, caseViewQuery, clockActionUpdates, FailureType, petitionerSatisfactionUpdate,
  registerUpdate, reviewActionUpdates, type Actor, type CarriedCase, type CaseAck, type CaseNotice, type CaseView,
  type CaseWorkflowInput,
} from '../domain/messages';
import { DEFAULT_NOTICE_POLICY, type CaseAssistance } from '../domain/notice';
import {
  petitionerSatisfactionSchema, REVIEW_ACTION_NAMES, requestDate, reviewActionRefusal, reviewActionSchemas, satisfactionRefusal,
} from '../domain/review';
import type { Activities } from '../activities';
import type { CaseFacts, NotificationRequest } from '../notifications/request';
import { applyAction, initialView } from './case-state';
import {
  applyCalendar, applyClockAction, clockStatus, reachLevel, startClocks, syncClocks, type ClockContext,
} from './clock-state';
import { noticeCycleWorkflow } from './notice-cycle.workflow';
import {
  decideReview, lapseWindow, noteReviewDue, recordFollowUpSatisfaction, recordPetitionerSatisfaction, requestReview,
  reviewStatus, startReviewChain, windowExpiry,
} from './review-state';

const { registerCase, recordEvent } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  // The read model must catch up eventually, however long the database is away.
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

const { sendNotification } = proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  // The activity gives up on a message itself after its configured number of attempts.
  retry: { initialInterval: '30 seconds', backoffCoefficient: 2, maximumInterval: '30 minutes' },
});

/**
 * History events after which a case continues as new. An ordinary case ends with 50–150; a case sent
 * back again and again reaches this after about 150 steps, long before the server's limits.
 */
export const HISTORY_LIMIT = 2_000;

/** One petition, from registration to closure (DESIGN.md §2), under the clocks of §3. */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<CaseView> {
  const carried = input.continued;
  const view = carried?.view ?? initialView(input);
  let seq = carried?.seq ?? 1;
  let registered = Boolean(carried);
  const ctx: ClockContext = {
    policy: input.policy, calendar: carried?.calendar ?? input.calendar, emergency: input.registration.urgent === true,
  };
  if (!carried) startClocks(view, input.registration.receivedAt, ctx);
  /** Notice cycles started and not yet ended: the case workflow outlives them. */
  let runningNotices = 0;
  /** Messages waiting for the main loop to send them. */
  const outbox: NotificationRequest[] = [];

  const caseFacts = (): CaseFacts => ({
    caseId: input.caseId, caseNo: view.caseNo ?? '', kind: view.kind, subject: input.registration.subject,
    township: view.township, petitioner: identityOf(input.registration),
  });

  /** Appends a timeline event with the case row as it is now; answers the event's number. */
  async function record(type: string, data: Record<string, unknown>, at: Date, actor?: Actor): Promise<number> {
    const eventSeq = ++seq;
    // Events reference the case row, so none is written before the registration is.
    await condition(() => registered);
    await recordEvent({ caseId: input.caseId, seq: eventSeq, type, actor, at: at.toISOString(), data, row: caseRow(view) });
    return eventSeq;
  }

  const ack = (eventSeq: number): CaseAck => ({ caseId: input.caseId, caseNo: view.caseNo, stage: view.stage, seq: eventSeq });

  setHandler(caseViewQuery, () => view);

  setHandler(registerUpdate, async () => {
    await condition(() => registered);
    return ack(seq);
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
      if (action === 'reply') startReviewChain(view, now, ctx);
      if (action === 'follow-up') recordFollowUpSatisfaction(view, (parsed as { response: never }).response, now);
      syncClocks(view, now, ctx);
      const eventSeq = await record(action, parsed, now, cmd.actor);
      const assistance = (parsed as { assistance?: CaseAssistance }).assistance;
      if (assistance) await startNotice(assistance, cmd.actor, now);
      return ack(eventSeq);
    }, { validator: (cmd) => validate(view, action, cmd.input) });
  }

  for (const action of REVIEW_ACTION_NAMES) {
    setHandler(reviewActionUpdates[action], async (cmd) => {
      const now = new Date();
      const parsed = reviewActionSchemas[action].parse(cmd.input);
      const request = action === 'request-review'
        ? requestReview(view, parsed as never, cmd.actor, now)
        : decideReview(view, parsed as never, cmd.actor, now, ctx);
      syncClocks(view, now, ctx);
      noteReviewDue(view);
      return ack(await record(action, { ...parsed, level: request.level }, now, cmd.actor));
    }, {
      validator: (cmd) => {
        parseOrRefuse(reviewActionSchemas[action], action, cmd.input);
        const now = new Date();
        const why = reviewActionRefusal(action, reviewStatus(view), now, requestDate(cmd.input as { requestedAt?: unknown }, now));
        refuse(why?.reason, view.stage, why?.field);
      },
    });
  }

  setHandler(petitionerSatisfactionUpdate, async (answer) => {
    const now = new Date();
    const parsed = petitionerSatisfactionSchema.parse(answer);
    recordPetitionerSatisfaction(view, parsed, now);
    return ack(await record('petitioner-satisfaction', parsed, now));
  }, {
    validator: (answer) => {
      refuse(satisfactionRefusal({ ...reviewStatus(view), rated: Boolean(view.satisfaction?.petitioner) }, new Date()), view.stage);
      parseOrRefuse(petitionerSatisfactionSchema, 'petitioner-satisfaction', answer);
    },
  });

  /** Posts a change in someone's assistance for public notice, as a child workflow the case waits for. */
  async function startNotice(assistance: CaseAssistance, actor: Actor, now: Date): Promise<void> {
    view.notices ??= [];
    const noticeId = `${input.caseId}-notice-${view.notices.length + 1}`;
    const entry: CaseNotice = { noticeId, household: assistance.household.name, decision: assistance.decision, startedAt: now.toISOString() };
    view.notices.push(entry);
    runningNotices += 1;
    const child = await startChild(noticeCycleWorkflow, {
      workflowId: noticeId,
      args: [{
        noticeId, caseId: input.caseId, township: view.township, category: input.registration.category,
        household: assistance.household, proposed: { decision: assistance.decision, amount: assistance.amount },
        policy: input.notice ?? DEFAULT_NOTICE_POLICY, startedBy: actor,
      }],
    });
    await record('notice-started', { noticeId, household: assistance.household, decision: assistance.decision, amount: assistance.amount }, now, actor);
    void (async () => {
      try {
        const outcome = await child.result();
        Object.assign(entry, { outcome: outcome.outcome, effectiveAt: outcome.effectiveAt });
        await record('notice-effective', { noticeId, outcome: outcome.outcome, decision: outcome.decision }, new Date());
      } catch (e) {
        await record('notice-failed', { noticeId, error: e instanceof Error ? e.message : String(e) }, new Date());
      } finally {
        runningNotices -= 1;
      }
    })();
  }

  /** The window of a closed case ends unused: nothing more can be asked for. */
  async function lapse(endsAt: string): Promise<void> {
    const level = lapseWindow(view);
    await record('review-window-closed', { level }, new Date(endsAt));
  }

  for (const action of CLOCK_ACTION_NAMES) {
    setHandler(clockActionUpdates[action], async (cmd) => {
      const now = new Date();
      const parsed = clockActionSchemas[action].parse(cmd.input);
      const extra = applyClockAction(view, action, parsed as never, cmd.actor, now, ctx);
      const data = { ...parsed, ...extra };
      outbox.push(...clockActionNotices(action, data, cmd.actor));
      return ack(await record(action, data, now, cmd.actor));
    }, { validator: (cmd) => validateClockAction(view, action, cmd.input) });
  }

  /** Who hears of a clock action: managers of a request, the petitioner (when reachable) of an approval. */
  function clockActionNotices(action: ClockActionName, data: Record<string, unknown>, actor: Actor): NotificationRequest[] {
    const key = `${input.caseId}/${action}/${view.extensions?.length ?? 0}`;
    const email = input.registration.petitioner?.email;
    const values = { days: data.days as number, reason: data.reason as string, replyDueAt: view.replyDueAt, requestedBy: actor.name };
    if (action === 'request-extension') return [{ key, template: 'extension.requested', to: { roles: ['manager'] }, case: caseFacts(), data: values }];
    if (action === 'approve-extension' && email) {
      return [{ key, template: 'extension.approved', to: { addresses: [{ email, name: input.registration.petitioner?.name }] }, case: caseFacts(), data: values }];
    }
    return [];
  }

  setHandler(calendarSignal, async (calendar) => {
    // Calendars may arrive out of order; only a newer one than the case has applies.
    if (calendar.version <= view.calendarVersion) return;
    ctx.calendar = calendar;
    const moved = applyCalendar(view, ctx);
    await record('calendar-changed', { version: calendar.version, moved }, new Date());
  });

  /** Reaches one level of one clock: a timeline event and a notification, once. */
  async function escalate(next: PlannedEscalation): Promise<void> {
    const clock = reachLevel(view, next.clockId, next.level);
    outbox.push({
      key: `${input.caseId}/${clock.id}/${next.level}`,
      template: `clock.${next.level}`,
      to: { roles: escalationAudience(clock.kind, next.level, view.stage), township: view.township },
      case: caseFacts(),
      data: { clock: clock.kind, dueAt: clock.dueAt },
    });
    await record(next.level, { clock: clock.kind, clockId: clock.id, dueAt: clock.dueAt }, new Date());
  }

  if (!carried) {
    const { caseNo } = await registerCase({
      caseId: input.caseId, registration: input.registration, registeredBy: input.registeredBy,
      fingerprint: input.fingerprint, at: new Date().toISOString(), view: snapshot(view),
    });
    view.caseNo = caseNo;
    registered = true;
  }

  // One timer at a time: the next level of the earliest clock. Any change that moves it (a stage
  // change, a pause, an extension, a new calendar) wakes the loop, which plans again.
  // A closed case with a review window open waits for the window to end, then completes.
  const done = () => view.stage === 'closed' && outbox.length === 0 && runningNotices === 0 && !windowExpiry(view) && allHandlersFinished();
  // A long history continues in a new run, between steps: no message waiting, no notice cycle
  // running (the case awaits its result), no Update half done. The new run plans its timers afresh.
  const historyFull = () => {
    const { continueAsNewSuggested, historyLength } = workflowInfo();
    return continueAsNewSuggested || historyLength >= (input.historyLimit ?? HISTORY_LIMIT);
  };
  const mayContinue = () => outbox.length === 0 && runningNotices === 0 && allHandlersFinished() && historyFull();
  const planOf = () => JSON.stringify([nextEscalation(view.clocks), windowExpiry(view)]);
  for (;;) {
    const message = outbox.shift();
    if (message) { await sendNotification(message); continue; }
    if (done()) return view;
    if (mayContinue()) return continueAsNew<typeof caseWorkflow>({ ...input, continued: { view, seq, calendar: ctx.calendar } });
    const next = nextEscalation(view.clocks);
    const expiry = windowExpiry(view);
    const plan = planOf();
    const changed = () => outbox.length > 0 || done() || mayContinue() || planOf() !== plan;
    const at = expiry && (!next || expiry < next.at) ? expiry : next?.at;
    if (!at) { await condition(changed); continue; }
    const wait = Date.parse(at) - Date.now();
    if (wait > 0 && await condition(changed, wait)) continue;
    if (at === expiry) await lapse(expiry);
    else await escalate(next!);
  }
}

/** Refuses an action the case's state does not allow now; `field` names the input at fault, if one is. */
function refuse(why: string | undefined, stage: string, field?: string): void {
  if (why) throw ApplicationFailure.nonRetryable(why, FailureType.actionNotAllowed, { stage, ...(field ? { fields: [{ field, message: why }] } : {}) });
}

function parseOrRefuse(schema: { safeParse(v: unknown): { success: boolean; error?: unknown } }, name: string, value: unknown): void {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw ApplicationFailure.nonRetryable(`invalid input for "${name}"`, FailureType.invalidInput, { fields: fieldErrors(parsed.error as never) });
  }
}

/** Refuses, before anything changes, an action that the stage or the input does not allow. */
function validate(view: CaseView, action: ActionName, input: unknown): void {
  refuse(refusal(action, view.stage, view.kind), view.stage);
  const pause = view.pauses.at(-1);
  refuse(pause && !pause.to ? `the case is paused (${pause.reason}); resume it first` : undefined, view.stage);
  parseOrRefuse(actionSchemas[action], action, input);
}

function validateClockAction(view: CaseView, action: ClockActionName, input: unknown): void {
  refuse(clockActionRefusal(action, clockStatus(view)), view.stage);
  parseOrRefuse(clockActionSchemas[action], action, input);
}

function identityOf({ petitioner: p }: CaseWorkflowInput['registration']) {
  return p && { name: p.name, phone: p.phone, idNumber: p.idNumber, address: p.address };
}

/** A copy for an activity's input, so later handlers cannot change what an earlier one recorded. */
function snapshot(view: CaseView): CaseView {
  return JSON.parse(JSON.stringify(view)) as CaseView;
}
