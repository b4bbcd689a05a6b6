// How clocks change: pure functions over the case workflow's state, beside case-state.ts. Which
// clocks run follows the stage; due, warning and supervision times follow the clocks' starts, the
// case's pauses, any extension and the holiday calendar, and are recomputed after every change.
import type { WorkCalendar } from '../domain/calendar';
import type { ClockActionInput, ClockActionName, ClockStatus } from '../domain/clock-actions';
import {
  clockLimit, escalationFor, schedule, stageClockKind, type Clock, type ClockKind, type EscalationLevel,
} from '../domain/clocks';
import type { Actor, CaseView } from '../domain/messages';
import type { TimePolicy } from '../domain/policy';

export interface ClockContext {
  policy: TimePolicy;
  calendar: WorkCalendar;
  /** An urgent help request (救急难): a first-aid clock runs until its first aid is recorded. */
  emergency?: boolean;
}

const running = (view: CaseView) => view.clocks.filter((c) => !c.stoppedAt);
const latest = (view: CaseView, kind: ClockKind) => view.clocks.filter((c) => c.kind === kind).at(-1);

function recompute(view: CaseView, ctx: ClockContext): void {
  for (const c of running(view)) Object.assign(c, schedule(c, view.pauses, ctx.calendar, escalationFor(c.kind, ctx.policy)));
  const stageKind = stageClockKind(view.stage);
  const reply = latest(view, 'reply');
  view.replyDueAt = reply?.dueAt;
  view.stageDueAt = stageKind ? latest(view, stageKind)?.dueAt : view.stage === 'reply' ? reply?.dueAt : undefined;
}

const newClock = (kind: ClockKind, n: number, startedAt: string, ctx: ClockContext): Clock =>
  ({ id: `${kind}-${n}`, kind, limit: clockLimit(kind, ctx.policy), startedAt });

/** Gives a new case its clocks: acceptance, and an urgent help request's first aid, run from receipt. */
export function startClocks(view: CaseView, receivedAt: string, ctx: ClockContext): void {
  view.clocks = [newClock('acceptance', 1, receivedAt, ctx), ...(ctx.emergency ? [newClock('emergency', 1, receivedAt, ctx)] : [])];
  recompute(view, ctx);
}

/** After a stage change: stops the clocks whose work is done and starts those of the new stage. */
export function syncClocks(view: CaseView, now: Date, ctx: ClockContext): void {
  const wanted = new Set<ClockKind>();
  const stageKind = stageClockKind(view.stage);
  if (stageKind) wanted.add(stageKind);
  if (view.acceptedAt && !view.repliedAt && view.stage !== 'closed') wanted.add('reply');
  if (ctx.emergency && !view.firstAid && view.stage !== 'closed') wanted.add('emergency');
  const clocks = view.clocks;
  for (const c of running(view)) if (!wanted.has(c.kind)) c.stoppedAt = now.toISOString();
  for (const kind of wanted) {
    if (running(view).some((c) => c.kind === kind)) continue;
    clocks.push(newClock(kind, clocks.filter((c) => c.kind === kind).length + 1, now.toISOString(), ctx));
  }
  recompute(view, ctx);
}

/** Marks a level reached on a clock; returns the clock. */
export function reachLevel(view: CaseView, clockId: string, level: EscalationLevel): Clock {
  const clock = view.clocks.find((c) => c.id === clockId)!;
  clock.level = level;
  return clock;
}

export function clockStatus(view: CaseView): ClockStatus {
  return {
    stage: view.stage,
    replyRunning: running(view).some((c) => c.kind === 'reply'),
    paused: view.pauses.length > 0 && view.pauses.at(-1)!.to === undefined,
    extension: view.extensions.at(-1)?.status,
    firstAidDue: running(view).some((c) => c.kind === 'emergency'),
  };
}

type ClockChanges = {
  [A in ClockActionName]: (view: CaseView, input: ClockActionInput<A>, actor: Actor, now: string) => Record<string, unknown>;
};

/** Each clock action's change; returns what its timeline event records beyond the input. */
const clockChanges: ClockChanges = {
  'request-extension'(view, input, actor, now) {
    view.extensions.push({ days: input.days, reason: input.reason, requestedBy: actor.name, requestedAt: now, status: 'requested' });
    return {};
  },
  'approve-extension'(view, input, actor, now) {
    const request = view.extensions.at(-1)!;
    Object.assign(request, { status: 'approved', decidedBy: actor.name, decidedAt: now, decision: input.note });
    running(view).find((c) => c.kind === 'reply')!.extensionDays = request.days;
    return { days: request.days, reason: request.reason, previousReplyDueAt: view.replyDueAt };
  },
  'decline-extension'(view, input, actor, now) {
    Object.assign(view.extensions.at(-1)!, { status: 'declined', decidedBy: actor.name, decidedAt: now, decision: input.reason });
    return {};
  },
  pause(view, input, actor, now) {
    view.pauses.push({ reason: input.reason, from: now, by: actor.name, note: input.note });
    return {};
  },
  resume(view, _input, _actor, now) {
    const pause = view.pauses.at(-1)!;
    pause.to = now;
    return { reason: pause.reason, pausedSince: pause.from };
  },
  'first-aid'(view, input, actor, now) {
    view.firstAid = { aid: input.aid, amount: input.amount, by: actor.name, at: now };
    const clock = running(view).find((c) => c.kind === 'emergency')!;
    clock.stoppedAt = now;
    return { clock: clock.kind, clockId: clock.id, dueAt: clock.dueAt, late: clock.dueAt !== undefined && now > clock.dueAt };
  },
};

/** Applies an already validated clock action and recomputes the clocks; returns its event's extra data. */
export function applyClockAction<A extends ClockActionName>(
  view: CaseView, action: A, input: ClockActionInput<A>, actor: Actor, now: Date, ctx: ClockContext,
): Record<string, unknown> {
  const extra = (clockChanges[action] as ClockChanges[A])(view, input, actor, now.toISOString());
  recompute(view, ctx);
  return { ...extra, replyDueAt: view.replyDueAt, stageDueAt: view.stageDueAt };
}

/** Recomputes every due date on a newer calendar; returns the running clocks whose due time moved. */
export function applyCalendar(view: CaseView, ctx: ClockContext): { clock: string; from?: string; to?: string }[] {
  const before = new Map(running(view).map((c) => [c.id, c.dueAt]));
  view.calendarVersion = ctx.calendar.version;
  recompute(view, ctx);
  return running(view).filter((c) => before.get(c.id) !== c.dueAt).map((c) => ({ clock: c.id, from: before.get(c.id), to: c.dueAt }));
}
