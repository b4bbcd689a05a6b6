// The written notices a case has issued (受理告知书, 转送函, 处理意见书...), and their delivery (送达).
import type { z } from 'zod';
import type { Db } from '../../db/client';
import { DOCUMENT_TITLES, type DocumentKind } from '../../documents/notices';
import { identityWithheld } from '../../domain/personal-data';
import type { CaseDocument } from '../../prisma/generated/client';
import type { AuthUser } from '../auth/service';
import type { CaseService } from '../cases/service';
import { ApiError } from '../http/errors';
import type { DELIVERY_METHODS, deliverySchema } from './schemas';

const present = (d: Omit<CaseDocument, 'content'>) => ({
  id: d.id, kind: d.kind as DocumentKind, title: DOCUMENT_TITLES[d.kind as DocumentKind], docNo: d.docNo, issuedAt: d.issuedAt.toISOString(),
  delivery: d.deliveryMethod && d.deliveredAt
    ? { method: d.deliveryMethod as (typeof DELIVERY_METHODS)[number], deliveredAt: d.deliveredAt.toISOString() } : null,
  href: `/api/cases/${d.caseId}/attachments/${d.id}`,
});

const columns = { id: true, key: true, caseId: true, kind: true, year: true, seq: true, docNo: true, issuedAt: true, deliveryMethod: true, deliveredAt: true } as const;

export function createDocumentService({ db, cases }: { db: Db; cases: Pick<CaseService, 'loadVisible'> }) {
  /** A case's notices name its petitioner: an accuser's are never shown to township users. */
  async function visibleCase(caseId: string, user: AuthUser) {
    const c = await cases.loadVisible(caseId, user);
    return { c, withheld: identityWithheld(c.kind, user.role) };
  }

  return {
    async list(caseId: string, user: AuthUser) {
      const { withheld } = await visibleCase(caseId, user);
      if (withheld) return { items: [] };
      const rows = await db.caseDocument.findMany({ where: { caseId }, select: columns, orderBy: [{ issuedAt: 'asc' }, { seq: 'asc' }] });
      return { items: rows.map(present) };
    },

    /** Records how and when the addressee received a notice; a later record replaces an earlier one. */
    async deliver(caseId: string, documentId: string, input: z.infer<typeof deliverySchema>, user: AuthUser) {
      const { withheld } = await visibleCase(caseId, user);
      const doc = withheld ? null : await db.caseDocument.findFirst({ where: { id: documentId, caseId }, select: columns });
      if (!doc) throw ApiError.notFound('document');
      const at = new Date(input.deliveredAt);
      if (at < doc.issuedAt) throw ApiError.badRequest([{ field: 'deliveredAt', message: `must not be before the notice was issued (${doc.issuedAt.toISOString()})` }]);
      if (at.getTime() > Date.now()) throw ApiError.badRequest([{ field: 'deliveredAt', message: 'must not be in the future' }]);
      const updated = await db.caseDocument.update({ where: { id: doc.id }, data: { deliveryMethod: input.method, deliveredAt: at }, select: columns });
      return present(updated);
    },
  };
}

export type DocumentService = ReturnType<typeof createDocumentService>;
