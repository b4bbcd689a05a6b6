import {
  ApplicationFailure, allHandlersFinished, condition, continueAsNew, proxyActivities, setHandler, startChild, workflowInfo,
} from '@temporalio/workflow';
import { caseRow } from '../domain/case-row';
import {
  ACTIONS, ACTION_NAMES, roleRefusal, stateRefusal, type ActionName, type Audience, type CaseStatus, type Effect,
} from '../domain/actions';
import { escalationAudience } from '../domain/clocks';
import {
  actionUpdates, calendarSignal, caseViewQuery, FailureType, registerUpdate, type ActionCommand, type Actor, type CaseAck, type CaseNotice, type CaseView,
  type CaseWorkflowInput,
} from '../domain/messages';
import type { CaseAssistance } from '../domain/notice';
import type { TemplateName } from '../notifications/templates';
import type { Activities } from '../activities';
import type { CaseFacts, NotificationRequest } from '../notifications/request';
import { initialView, moveTo } from './case-state';
import { applyCalendar, clockStatus, nextLevel, reachLevel, startClocks, syncClocks, type ClockContext } from './clock-state';
import { noticeCycleWorkflow } from './notice-cycle.workflow';
import { lapseWindow, noteReviewDue, reviewStatus, windowExpiry } from './review-state';
import { snapshot } from './snapshot';
import { UpdatableTimer } from './updatable-timer';

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
  /** The case's one timer: the next escalation level of its clocks, or the end of its review window. */
  const timer = new UpdatableTimer('next escalation or review window end');
  const plan = () => {
    const next = nextLevel(view)?.at;
    const expiry = windowExpiry(view);
    const at = expiry && (!next || expiry < next) ? expiry : next;
    timer.deadline = at === undefined ? undefined : Date.parse(at);
  };
  plan();
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

  const status = (): CaseStatus => ({
    stage: view.stage, kind: view.kind, ...clockStatus(view), review: reviewStatus(view), rated: Boolean(view.satisfaction?.petitioner),
  });

  /** Refuses, before anything changes, an action the case's stage, the actor's role or its state does not allow. */
  function validate<A extends ActionName>(action: A, { actor, input }: ActionCommand<A>): void {
    const why = stateRefusal(action, status(), new Date(), input);
    if (why) refuse(why.reason, view.stage, why.field);
    const staff = ACTIONS[action].who !== 'petitioner';
    const forbidden = staff ? roleRefusal(action, actor?.role ?? '', view.stage) : undefined;
    if (forbidden) throw ApplicationFailure.nonRetryable(forbidden, FailureType.forbidden, { stage: view.stage });
  }

  /** Takes a validated action: its effect, the move to its stage, the clocks, and its timeline event. */
  async function take<A extends ActionName>(action: A, { actor, input }: ActionCommand<A>): Promise<CaseAck> {
    const now = new Date();
    const spec = ACTIONS[action];
    const effect: Effect = spec.effect({ view, input, actorName: actor?.name ?? '', now, ctx }) ?? {};
    if (spec.to) moveTo(view, spec.to, now);
    syncClocks(view, now, ctx);
    noteReviewDue(view);
    plan();
    const data = { ...input, ...effect.data };
    if (effect.tell) outbox.push(...tell(action, effect.tell, data, actor));
    const eventSeq = await record(action, data, now, actor);
    if (effect.notice && actor) await startNotice(effect.notice, actor, now);
    return ack(eventSeq);
  }

  for (const action of ACTION_NAMES) {
    setHandler(actionUpdates[action], (cmd: ActionCommand) => take(action, cmd), { validator: (cmd: ActionCommand) => validate(action, cmd) });
  }

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
        policy: input.notice, startedBy: actor,
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
    plan();
    await record('review-window-closed', { level }, new Date(endsAt));
  }

  /** Who hears of an action: managers of an extension request, the petitioner (when reachable) of its approval. */
  function tell(action: ActionName, audience: Audience, data: Record<string, unknown>, actor?: Actor): NotificationRequest[] {
    const key = `${input.caseId}/${action}/${view.extensions.length}`;
    const email = input.registration.petitioner?.email;
    const values = { days: data.days as number, reason: data.reason as string, replyDueAt: view.replyDueAt, requestedBy: actor?.name };
    const template: TemplateName = action === 'request-extension' ? 'extension.requested' : 'extension.approved';
    if (audience === 'managers') return [{ key, template, to: { roles: ['manager'] }, case: caseFacts(), data: values }];
    return email ? [{ key, template, to: { addresses: [{ email, name: input.registration.petitioner?.name }] }, case: caseFacts(), data: values }] : [];
  }

  setHandler(calendarSignal, async (calendar) => {
    // Calendars may arrive out of order; only a newer one than the case has applies.
    if (calendar.version <= view.calendarVersion) return;
    ctx.calendar = calendar;
    const moved = applyCalendar(view, ctx);
    plan();
    await record('calendar-changed', { version: calendar.version, moved }, new Date());
  });

  /** Reaches one level of one clock: a timeline event and a notification, once. */
  async function escalate(next: NonNullable<ReturnType<typeof nextLevel>>): Promise<void> {
    const clock = reachLevel(view, next.clockId, next.level);
    plan();
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

  // A closed case with a review window open waits for the window to end, then completes.
  const done = () => view.stage === 'closed' && outbox.length === 0 && runningNotices === 0 && !windowExpiry(view) && allHandlersFinished();
  // A long history continues in a new run, between steps: no message waiting, no notice cycle
  // running (the case awaits its result), no Update half done. The new run plans its timer afresh.
  const historyFull = () => {
    const { continueAsNewSuggested, historyLength } = workflowInfo();
    return continueAsNewSuggested || historyLength >= (input.historyLimit ?? HISTORY_LIMIT);
  };
  const mayContinue = () => outbox.length === 0 && runningNotices === 0 && allHandlersFinished() && historyFull();
  for (;;) {
    const message = outbox.shift();
    if (message) { await sendNotification(message); continue; }
    if (done()) return view;
    if (mayContinue()) return continueAsNew<typeof caseWorkflow>({ ...input, continued: { view, seq, calendar: ctx.calendar } });
    if (!(await timer.expired(() => outbox.length > 0 || done() || mayContinue()))) continue;
    const expiry = windowExpiry(view);
    const next = nextLevel(view);
    if (expiry && (!next || expiry < next.at)) await lapse(expiry);
    else if (next) await escalate(next);
  }
}

/** Refuses an action the case's state does not allow now; `field` names the input at fault, if one is. */
function refuse(why: string | undefined, stage: string, field?: string): void {
  if (why) throw ApplicationFailure.nonRetryable(why, FailureType.actionNotAllowed, { stage, ...(field ? { fields: [{ field, message: why }] } : {}) });
}

function identityOf({ petitioner: p }: CaseWorkflowInput['registration']) {
  return p && { name: p.name, phone: p.phone, idNumber: p.idNumber, address: p.address };
}
