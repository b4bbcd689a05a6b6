import crypto from 'node:crypto';
import type { Db } from '../db/client';
import type { NoticeView } from '../domain/notice-messages';
import { dateColumn as date, type WorkflowEvent } from './workflow-event';

/** (noticeId, seq) is unique. */
export interface NoticeEventInput extends WorkflowEvent<NoticeView> {
  noticeId: string;
}

/** The read-model columns that mirror the notice workflow's state. */
export function noticeProjection(view: NoticeView) {
  const round = view.rounds.at(-1);
  return {
    decision: view.current.decision,
    amount: view.current.amount ?? null,
    round: view.round,
    level: round?.level ?? null,
    phase: view.phase,
    postedAt: date(view.postedAt),
    closesAt: date(view.closesAt),
    objections: view.objections.length,
    reviewResult: round?.resolution ? (round.resolution.upheld ? 'upheld' : 'revised') : null,
    outcome: view.outcome ?? null,
    effectiveAt: date(view.effectiveAt),
  };
}

export function createRecordNoticeEvent(db: Db) {
  /** Appends one event to a notice cycle's history and moves its row to the state after it; idempotent. */
  return async function recordNoticeEvent(e: NoticeEventInput): Promise<void> {
    const v = e.view;
    await db.$transaction([
      db.notice.createMany({
        data: [{
          // Drawn here, not in the workflow; kept by the first write, so a retry changes nothing.
          id: e.noticeId, publicId: crypto.randomBytes(12).toString('hex'), caseId: v.caseId, townshipCode: v.township, village: v.household.village,
          householdName: v.household.name, category: v.category, proposedDecision: v.proposed.decision,
          proposedAmount: v.proposed.amount ?? null, levels: v.levels, ...noticeProjection(v), lastEventSeq: e.seq,
        }],
        skipDuplicates: true,
      }),
      db.noticeEvent.createMany({
        data: [{ noticeId: e.noticeId, seq: e.seq, type: e.type, at: new Date(e.at), actorId: e.actor?.id ?? null, actorName: e.actor?.name ?? null, data: e.data as object }],
        skipDuplicates: true,
      }),
      // Only a newer event may overwrite the projection, whatever order retries land in.
      db.notice.updateMany({ where: { id: e.noticeId, lastEventSeq: { lt: e.seq } }, data: { ...noticeProjection(v), lastEventSeq: e.seq } }),
    ]);
  };
}
