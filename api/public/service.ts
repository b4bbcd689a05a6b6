import type { Client } from '@temporalio/client';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import type { ObjectionInput } from '../../domain/notice';
import { objectUpdate } from '../../domain/notice-messages';
import { actionUpdates } from '../../domain/messages';
import type { PetitionerSatisfaction } from '../../domain/review';
import { fromWorkflowFailure } from '../cases/temporal-errors';
import { ApiError } from '../http/errors';
import type { UpdateDeadline } from '../http/update-deadline';
import { skipTake } from '../http/paging';
import type { QueryCodes } from '../shared/query-code';
import { presentPublicCase, presentPublicNotice, PUBLIC_EVENTS } from './present';
import type { assistanceListQuery, noticeListQuery } from './schemas';

export interface PublicServiceDeps {
  db: Db;
  temporal: Client;
  queryCodes: QueryCodes;
  withinDeadline: UpdateDeadline;
}

export const NOTICE_REFUSAL = { conflictCode: 'notice_closed', closed: 'the notice cycle has ended' };

/** Postings on the board now: a first or second notice whose period has not ended. */
const onBoard = (now: Date) => ({ phase: { in: ['first_notice', 'second_notice'] }, closesAt: { gt: now } });

const SATISFACTION_REFUSAL = { conflictCode: 'satisfaction_closed', closed: 'satisfaction can be given from the written reply until the 复查 window ends' };

export function createPublicService({ db, temporal, queryCodes, withinDeadline }: PublicServiceDeps) {
  /** A case for the holder of its query code. A wrong code answers exactly as an unknown case does. */
  async function caseOf(caseNo: string, code: string) {
    const row = await db.case.findUnique({ where: { caseNo } });
    if (!row || !queryCodes.matches(row, code)) throw ApiError.notFound('case');
    return row;
  }

  async function caseFor(caseNo: string, code: string) {
    const row = await caseOf(caseNo, code);
    const events = await db.caseEvent.findMany({ where: { caseId: row.id, type: { in: PUBLIC_EVENTS } }, orderBy: { seq: 'asc' } });
    return presentPublicCase(row, events);
  }

  return {
    caseFor,

    /** The petitioner's satisfaction, once, from the written reply until the 复查 window ends. */
    async rate(caseNo: string, code: string, answer: PetitionerSatisfaction) {
      const row = await caseOf(caseNo, code);
      await withinDeadline(() => temporal.workflow.getHandle(row.id).executeUpdate(actionUpdates['petitioner-satisfaction'], { args: [{ input: answer }] }))
        .catch((e: unknown) => fromWorkflowFailure(e, SATISFACTION_REFUSAL));
      return caseFor(caseNo, code);
    },

    async activeNotices(q: z.infer<typeof noticeListQuery>) {
      const now = new Date();
      const where = { ...onBoard(now), ...(q.township ? { townshipCode: q.township } : {}) };
      const [rows, total] = await Promise.all([
        db.notice.findMany({ where, include: { township: true }, orderBy: [{ closesAt: 'asc' }, { id: 'asc' }], ...skipTake(q) }),
        db.notice.count({ where }),
      ]);
      return { items: rows.map((r) => presentPublicNotice(r, now)), total, page: q.page, pageSize: q.pageSize };
    },

    /** Files an objection, by the notice's public id, with its workflow, which alone decides whether its window is open. */
    async object(publicId: string, objection: ObjectionInput) {
      const row = await db.notice.findFirst({ where: { publicId, ...onBoard(new Date()) }, select: { id: true } });
      if (!row) throw ApiError.notFound('notice');
      const receipt = await withinDeadline(() => temporal.workflow.getHandle(row.id).executeUpdate(objectUpdate, { args: [objection] }))
        .catch((e: unknown) => fromWorkflowFailure(e, NOTICE_REFUSAL));
      return { ...receipt, noticeId: publicId };
    },

    async assistanceList(q: z.infer<typeof assistanceListQuery>) {
      const where = { category: q.category, ...(q.township ? { townshipCode: q.township } : {}), ...(q.village ? { village: q.village } : {}) };
      const [rows, total] = await Promise.all([
        db.assistanceListEntry.findMany({ where, orderBy: [{ townshipCode: 'asc' }, { village: 'asc' }, { householdName: 'asc' }], ...skipTake(q) }),
        db.assistanceListEntry.count({ where }),
      ]);
      return { items: rows.map((r) => ({ name: r.householdName, amount: Number(r.amount) })), total, page: q.page, pageSize: q.pageSize };
    },
  };
}

export type PublicService = ReturnType<typeof createPublicService>;
