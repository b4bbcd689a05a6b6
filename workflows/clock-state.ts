// How clocks change: pure functions over the case workflow's state, beside case-state.ts. Which
// clocks run follows the stage; due, warning and supervision times follow the clocks' starts, the
// case's pauses, any extension and the holiday calendar, and are recomputed after every change.
import type { WorkCalendar } from '../domain/calendar';
import type { CaseStatus } from '../domain/actions';
import {
  clockLimit, escalationFor, nextEscalation, schedule, stageClockKind, type Clock, type ClockKind, type EscalationLevel, type PauseReason,
  type PlannedEscalation,
} from '../domain/clocks';
import type { CaseView } from '../domain/messages';
import type { TimePolicy } from '../domain/policy';

export interface ClockContext {
  policy: TimePolicy;
  calendar: WorkCalendar;
  /** An urgent help request (救急难): a first-aid clock runs until its first aid is recorded. */
  emergency: boolean;
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

/** After a change: stops the clocks whose work is done, starts those of the stage, recomputes every time. */
export function syncClocks(view: CaseView, now: Date, ctx: ClockContext): void {
  const wanted = new Set<ClockKind>();
  const stageKind = stageClockKind(view.stage);
  if (stageKind) wanted.add(stageKind);
  if (view.acceptedAt && !view.repliedAt && view.stage !== 'closed') wanted.add('reply');
  if (ctx.emergency && !view.firstAid && view.stage !== 'closed') wanted.add('emergency');
  for (const c of running(view)) if (!wanted.has(c.kind)) c.stoppedAt = now.toISOString();
  for (const kind of wanted) {
    if (running(view).some((c) => c.kind === kind)) continue;
    view.clocks.push(newClock(kind, view.clocks.filter((c) => c.kind === kind).length + 1, now.toISOString(), ctx));
  }
  recompute(view, ctx);
}

/** The earliest level not yet reached among the running clocks: what the case's timer waits for. */
export const nextLevel = (view: CaseView): PlannedEscalation | undefined => nextEscalation(view.clocks);

/** Marks a level reached on a clock; returns the clock. */
export function reachLevel(view: CaseView, clockId: string, level: EscalationLevel): Clock {
  const clock = view.clocks.find((c) => c.id === clockId)!;
  clock.level = level;
  return clock;
}

/** The clocks' part of what the action table's rules read. */
export function clockStatus(view: CaseView): Pick<CaseStatus, 'paused' | 'replyRunning' | 'extension' | 'firstAidDue'> {
  return {
    replyRunning: running(view).some((c) => c.kind === 'reply'),
    paused: view.pauses.length > 0 && view.pauses.at(-1)!.to === undefined,
    extension: view.extensions.at(-1)?.status,
    firstAidDue: running(view).some((c) => c.kind === 'emergency'),
  };
}

type Status = Pick<CaseStatus, 'stage' | 'replyRunning' | 'extension' | 'paused'>;

export function extensionRequestRefusal(s: Status): string | undefined {
  if (!s.replyRunning) return 'an extension moves the statutory reply clock, which runs only from acceptance to the written reply';
  if (s.extension === 'approved') return 'the reply clock was already extended; the statute allows one extension';
  if (s.extension === 'requested') return 'an extension request is already waiting for a manager\'s decision';
  return undefined;
}

export const extensionDecisionRefusal = (s: Status) => (s.extension === 'requested' ? undefined : 'no extension request is waiting for a decision');

export function pauseRefusal(s: Status): string | undefined {
  if (s.paused) return 'the case is already paused';
  return s.replyRunning || s.stage === 'registered' ? undefined : `no clock runs in stage "${s.stage}"`;
}

/** Recomputes the clocks after an action's change; answers what its event records beyond the input. */
function changed(view: CaseView, ctx: ClockContext, data: Record<string, unknown> = {}) {
  recompute(view, ctx);
  return { data: { ...data, replyDueAt: view.replyDueAt, stageDueAt: view.stageDueAt } };
}

export function requestExtension(view: CaseView, input: { days: number; reason: string }, by: string, now: Date, ctx: ClockContext) {
  view.extensions.push({ days: input.days, reason: input.reason, requestedBy: by, requestedAt: now.toISOString(), status: 'requested' });
  return changed(view, ctx);
}

export function approveExtension(view: CaseView, note: string | undefined, by: string, now: Date, ctx: ClockContext) {
  const request = view.extensions.at(-1)!;
  Object.assign(request, { status: 'approved', decidedBy: by, decidedAt: now.toISOString(), decision: note });
  running(view).find((c) => c.kind === 'reply')!.extensionDays = request.days;
  return changed(view, ctx, { days: request.days, reason: request.reason, previousReplyDueAt: view.replyDueAt });
}

export function declineExtension(view: CaseView, reason: string, by: string, now: Date, ctx: ClockContext) {
  Object.assign(view.extensions.at(-1)!, { status: 'declined', decidedBy: by, decidedAt: now.toISOString(), decision: reason });
  return changed(view, ctx);
}

export function pause(view: CaseView, input: { reason: PauseReason; note?: string }, by: string, now: Date, ctx: ClockContext) {
  view.pauses.push({ reason: input.reason, from: now.toISOString(), by, note: input.note });
  return changed(view, ctx);
}

export function resume(view: CaseView, now: Date, ctx: ClockContext) {
  const pause = view.pauses.at(-1)!;
  pause.to = now.toISOString();
  return changed(view, ctx, { reason: pause.reason, pausedSince: pause.from });
}

export function firstAid(view: CaseView, input: { aid: string; amount?: number }, by: string, now: Date, ctx: ClockContext) {
  const at = now.toISOString();
  view.firstAid = { aid: input.aid, amount: input.amount, by, at };
  const clock = running(view).find((c) => c.kind === 'emergency')!;
  clock.stoppedAt = at;
  return changed(view, ctx, { clock: clock.kind, clockId: clock.id, dueAt: clock.dueAt, late: clock.dueAt !== undefined && at > clock.dueAt });
}

/** Recomputes every due date on a newer calendar; returns the running clocks whose due time moved. */
export function applyCalendar(view: CaseView, ctx: ClockContext): { clock: string; from?: string; to?: string }[] {
  const before = new Map(running(view).map((c) => [c.id, c.dueAt]));
  view.calendarVersion = ctx.calendar.version;
  recompute(view, ctx);
  return running(view).filter((c) => before.get(c.id) !== c.dueAt).map((c) => ({ clock: c.id, from: before.get(c.id), to: c.dueAt }));
}
