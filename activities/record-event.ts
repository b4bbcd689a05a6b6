import type { Db } from '../db/client';
import type { CaseRow } from '../domain/case-row';
import type { CaseView } from '../domain/messages';
import type { WorkflowEvent } from './workflow-event';

/** (caseId, seq) is unique. */
export interface TimelineEvent extends Omit<WorkflowEvent<CaseView>, 'view'> {
  caseId: string;
  /** The case row after the event, as the workflow computed it. */
  row: CaseRow;
}

/** The petitioner's response recorded by a follow-up visit, for satisfaction statistics. */
function satisfactionOf(e: Pick<TimelineEvent, 'type' | 'data'>) {
  return e.type === 'follow-up' && typeof e.data.response === 'string' ? { satisfaction: e.data.response } : {};
}

export function eventRow(e: Omit<TimelineEvent, 'row'>) {
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
      db.case.updateMany({ where: { id: e.caseId, lastEventSeq: { lt: e.seq } }, data: { ...e.row, ...satisfactionOf(e), lastEventSeq: e.seq } }),
    ]);
  };
}
