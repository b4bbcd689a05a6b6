import type { Client } from '@temporalio/client';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import type { ResolutionInput } from '../../domain/notice';
import { resolveObjectionsUpdate } from '../../domain/notice-messages';
import { isTownshipScoped } from '../../domain/roles';
import type { Prisma } from '../../prisma/generated/client';
import type { AuthUser } from '../auth/service';
import { actorOf } from '../cases/service';
import { fromWorkflowFailure } from '../cases/temporal-errors';
import type { UpdateDeadline } from '../http/update-deadline';
import { ApiError } from '../http/errors';
import { skipTake } from '../http/paging';
import { NOTICE_REFUSAL } from '../public/service';
import { presentNoticeDetail, presentNoticeSummary } from './present';
import type { staffNoticeListQuery } from './schemas';

const include = { township: true, case: { select: { caseNo: true } } } as const;

export function createNoticeService({ db, temporal, withinDeadline }: { db: Db; temporal: Client; withinDeadline: UpdateDeadline }) {
  const scope = (user: AuthUser): Prisma.NoticeWhereInput => (isTownshipScoped(user.role) ? { townshipCode: user.townshipCode ?? '' } : {});

  async function detail(id: string, user: AuthUser) {
    const row = await db.notice.findFirst({ where: { id, ...scope(user) }, include });
    if (!row) throw ApiError.notFound('notice');
    const events = await db.noticeEvent.findMany({ where: { noticeId: id }, orderBy: { seq: 'asc' } });
    return presentNoticeDetail(row, events, user);
  }

  return {
    detail,

    async list(q: z.infer<typeof staffNoticeListQuery>, user: AuthUser) {
      const where: Prisma.NoticeWhereInput = {
        AND: [scope(user), q.phase ? { phase: q.phase } : {}, q.township ? { townshipCode: q.township } : {}, q.caseId ? { caseId: q.caseId } : {}],
      };
      const [rows, total] = await Promise.all([
        db.notice.findMany({ where, include, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], ...skipTake(q) }),
        db.notice.count({ where }),
      ]);
      return { items: rows.map(presentNoticeSummary), total, page: q.page, pageSize: q.pageSize };
    },

    /** The county's review of a round's objections (复议), through the notice workflow's Update. */
    async resolve(id: string, input: ResolutionInput, user: AuthUser) {
      await detail(id, user);
      await withinDeadline(() => temporal.workflow.getHandle(id).executeUpdate(resolveObjectionsUpdate, { args: [{ actor: actorOf(user), input }] }))
        .catch((e: unknown) => fromWorkflowFailure(e, NOTICE_REFUSAL));
      return detail(id, user);
    },
  };
}

export type NoticeService = ReturnType<typeof createNoticeService>;
