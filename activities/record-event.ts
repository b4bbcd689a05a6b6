import type { Db } from '../db/client';
import { LEVELS } from '../domain/clocks';
import type { CaseView } from '../domain/messages';
import { dateColumn as date, type WorkflowEvent } from './workflow-event';

/** (caseId, seq) is unique. */
export interface TimelineEvent extends WorkflowEvent<CaseView> {
  caseId: string;
}

const earliest = (values: (string | undefined)[]) => values.filter((v): v is string => Boolean(v)).sort()[0];

/** Due and escalation columns: from the running clocks, or the legacy due dates of cases without clocks. */
function clockColumns(view: CaseView) {
  const open = view.stage !== 'closed';
  if (!view.clocks) {
    return { clocked: false, dueAt: date(open ? earliest([view.stageDueAt, view.repliedAt ? undefined : view.replyDueAt]) : undefined) };
  }
  const running = view.clocks.filter((c) => !c.stoppedAt);
  const levels = running.map((c) => (c.level ? LEVELS.indexOf(c.level) : -1));
  const pause = view.pauses?.at(-1);
  const paused = pause && !pause.to ? pause : undefined;
  return {
    clocked: true,
    dueAt: date(earliest(running.map((c) => c.dueAt))),
    warnAt: date(earliest(running.map((c) => c.warnAt))),
    escalation: LEVELS[Math.max(-1, ...levels)] ?? null,
    pausedSince: date(paused?.from),
    pauseReason: paused?.reason ?? null,
    extensionStatus: view.extensions?.at(-1)?.status ?? null,
    firstAidAt: date(view.firstAid?.at),
  };
}

/** Review-chain columns; left at their defaults for cases started before the chain ran. */
function reviewColumns(view: CaseView) {
  const r = view.review;
  if (!r) return {};
  return {
    reviewed: true,
    reviewWindow: r.window?.level ?? null,
    reviewWindowEndsAt: date(r.window?.endsAt),
    reviewPending: r.requests.find((x) => !x.decidedAt)?.level ?? null,
    finalAt: date(r.finalAt),
    petitionerSatisfaction: view.satisfaction?.petitioner?.response ?? null,
  };
}

/** The read-model columns that mirror the workflow's state. */
export function projection(view: CaseView) {
  return {
    ...clockColumns(view),
    ...reviewColumns(view),
    stage: view.stage,
    townshipCode: view.township,
    stageDueAt: date(view.stageDueAt),
    // Kept once the case moves on: statistics judge a case closed without acceptance against it.
    ...(view.stage === 'registered' ? { acceptanceDueAt: date(view.stageDueAt) } : {}),
    replyDueAt: date(view.replyDueAt),
    acceptedAt: date(view.acceptedAt),
    repliedAt: date(view.repliedAt),
    closedAt: date(view.closedAt),
    outcome: view.outcome ?? null,
    investigationRounds: view.rounds.length,
  };
}

/** The petitioner's response recorded by a follow-up visit, for satisfaction statistics. */
function satisfactionOf(e: Pick<TimelineEvent, 'type' | 'data'>) {
  return e.type === 'follow-up' && typeof e.data.response === 'string' ? { satisfaction: e.data.response } : {};
}

export function eventRow(e: Omit<TimelineEvent, 'view'>) {
  return {
    caseId: e.caseId, seq: e.seq, type: e.type, at: new Date(e.at),
    actorId: e.actor?.id ?? null, actorName: e.actor?.name ?? null, data: e.data as object,
  };
}

export function createRecordEvent(db: Db) {
  /** Appends one timeline event and moves the case row to the state after it; idempotent. */
  return async function recordEvent(e: TimelineEvent): Promise<void> {
    await db.$transaction([
      db.caseEvent.createMany({ data: [eventRow(e)], skipDuplicates: true }),
      // Only a newer event may overwrite the projection, whatever order retries land in.
      db.case.updateMany({ where: { id: e.caseId, lastEventSeq: { lt: e.seq } }, data: { ...projection(e.view), ...satisfactionOf(e), lastEventSeq: e.seq } }),
    ]);
  };
}
