import {
  ApplicationFailure, allHandlersFinished, condition, patched, proxyActivities, setHandler,
} from '@temporalio/workflow';
import { actionSchemas, ACTION_NAMES, fieldErrors, refusal, type ActionName } from '../domain/actions';
import { WEEKENDS_ONLY } from '../domain/calendar';
import { clockActionRefusal, clockActionSchemas, CLOCK_ACTION_NAMES, type ClockActionName } from '../domain/clock-actions';
import { escalationAudience, nextEscalation, type PlannedEscalation } from '../domain/clocks';
import {
  actionUpdates, calendarSignal, caseViewQuery, clockActionUpdates, FailureType, registerUpdate,
  type Actor, type CaseView, type CaseWorkflowInput,
} from '../domain/messages';
import type { Activities } from '../activities';
import type { CaseFacts, NotificationRequest } from '../notifications/request';
import { applyAction, initialView } from './case-state';
import {
  applyCalendar, applyClockAction, clockStatus, reachLevel, startClocks, syncClocks, type ClockContext,
} from './clock-state';

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

/** Cases registered before this patch run without clocks; test/replay guards their histories. */
export const CLOCKS_PATCH = 'clocks-v1';

/** One petition, from registration to closure (DESIGN.md §2), under the clocks of §3. */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<CaseView> {
  const view = initialView(input);
  let seq = 1;
  let registered = false;
  const clocked = patched(CLOCKS_PATCH);
  const ctx: ClockContext = { policy: input.policy, calendar: input.calendar ?? WEEKENDS_ONLY };
  if (clocked) startClocks(view, input.registration.receivedAt, ctx);
  /** Messages waiting for the main loop to send them. */
  const outbox: NotificationRequest[] = [];

  const caseFacts = (): CaseFacts => ({
    caseId: input.caseId, caseNo: view.caseNo ?? '', kind: view.kind, subject: input.registration.subject,
    township: view.township, petitioner: identityOf(input.registration),
  });

  /** Appends a timeline event with the case as it is now. */
  async function record(type: string, data: Record<string, unknown>, at: Date, actor?: Actor): Promise<void> {
    const eventSeq = ++seq;
    // Events reference the case row, so none is written before the registration is.
    await condition(() => registered);
    await recordEvent({ caseId: input.caseId, seq: eventSeq, type, actor, at: at.toISOString(), data, view: snapshot(view) });
  }

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
      if (clocked) syncClocks(view, now, ctx);
      await record(action, parsed, now, cmd.actor);
      return view;
    }, { validator: (cmd) => validate(view, action, cmd.input, clocked) });
  }

  for (const action of CLOCK_ACTION_NAMES) {
    setHandler(clockActionUpdates[action], async (cmd) => {
      const now = new Date();
      const parsed = clockActionSchemas[action].parse(cmd.input);
      const extra = applyClockAction(view, action, parsed as never, cmd.actor, now, ctx);
      const data = { ...parsed, ...extra };
      outbox.push(...clockActionNotices(action, data, cmd.actor));
      await record(action, data, now, cmd.actor);
      return view;
    }, { validator: (cmd) => validateClockAction(view, action, cmd.input, clocked) });
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
    if (!clocked || calendar.version <= (view.calendarVersion ?? 0)) return;
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

  const { caseNo } = await registerCase({
    caseId: input.caseId, registration: input.registration, registeredBy: input.registeredBy,
    fingerprint: input.fingerprint, at: new Date().toISOString(), view: snapshot(view),
  });
  view.caseNo = caseNo;
  registered = true;

  if (!clocked) {
    await condition(() => view.stage === 'closed' && allHandlersFinished());
    return view;
  }

  // One timer at a time: the next level of the earliest clock. Any change that moves it (a stage
  // change, a pause, an extension, a new calendar) wakes the loop, which plans again.
  const done = () => view.stage === 'closed' && outbox.length === 0 && allHandlersFinished();
  for (;;) {
    const message = outbox.shift();
    if (message) { await sendNotification(message); continue; }
    if (done()) return view;
    const next = nextEscalation(view.clocks!);
    const plan = JSON.stringify(next);
    const changed = () => outbox.length > 0 || done() || JSON.stringify(nextEscalation(view.clocks!)) !== plan;
    if (!next) { await condition(changed); continue; }
    const wait = Date.parse(next.at) - Date.now();
    if (wait > 0 && await condition(changed, wait)) continue;
    await escalate(next);
  }
}

function refuse(why: string | undefined, stage: string): void {
  if (why) throw ApplicationFailure.nonRetryable(why, FailureType.actionNotAllowed, { stage });
}

function parseOrRefuse(schema: { safeParse(v: unknown): { success: boolean; error?: unknown } }, name: string, value: unknown): void {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw ApplicationFailure.nonRetryable(`invalid input for "${name}"`, FailureType.invalidInput, { fields: fieldErrors(parsed.error as never) });
  }
}

/** Refuses, before anything changes, an action that the stage or the input does not allow. */
function validate(view: CaseView, action: ActionName, input: unknown, clocked: boolean): void {
  refuse(refusal(action, view.stage, view.kind), view.stage);
  const pause = clocked ? view.pauses?.at(-1) : undefined;
  refuse(pause && !pause.to ? `the case is paused (${pause.reason}); resume it first` : undefined, view.stage);
  parseOrRefuse(actionSchemas[action], action, input);
}

function validateClockAction(view: CaseView, action: ClockActionName, input: unknown, clocked: boolean): void {
  refuse(clockActionRefusal(action, clockStatus(view, clocked)), view.stage);
  parseOrRefuse(clockActionSchemas[action], action, input);
}

function identityOf({ petitioner: p }: CaseWorkflowInput['registration']) {
  return p && { name: p.name, phone: p.phone, idNumber: p.idNumber, address: p.address };
}

/** A copy for an activity's input, so later handlers cannot change what an earlier one recorded. */
function snapshot(view: CaseView): CaseView {
  return JSON.parse(JSON.stringify(view)) as CaseView;
}
