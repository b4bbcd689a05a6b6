// Similar open cases, shown to the desk while it registers a petition, so a repeat visit joins the
// case already running instead of starting a second one; and final ones (终结 after 复核), whose
// facts are not accepted again (不再受理).
import type { z } from 'zod';
import type { Db } from '../../db/client';
import type { Case, Prisma } from '../../prisma/generated/client';
import { listedTextNamesAccuser, recordIdentityViews } from '../audit/identity-views';
import type { AuditLog } from '../audit/log';
import type { AuthUser } from '../auth/service';
import { presentSummary } from '../cases/present';
import type { SIMILARITY_REASONS, similarQuery } from './schemas';

const LIMIT = 10;

type Reason = (typeof SIMILARITY_REASONS)[number];

export function createSimilarCaseService(db: Db, audit: AuditLog) {
  return {
    async find(q: z.infer<typeof similarQuery>, user: AuthUser) {
      const tests: Array<[Reason, Prisma.CaseWhereInput, (c: Case) => boolean]> = [];
      if (q.idNumber) {
        const id = q.idNumber.toUpperCase();
        tests.push(['idNumber', { petitionerIdNumber: { equals: id, mode: 'insensitive' } }, (c) => c.petitionerIdNumber?.toUpperCase() === id]);
      }
      if (q.phone) tests.push(['phone', { petitionerPhone: q.phone }, (c) => c.petitionerPhone === q.phone]);
      if (q.township && q.subject) {
        const subject = q.subject;
        tests.push(['subject', { townshipCode: q.township, subject: { equals: subject, mode: 'insensitive' } },
          (c) => c.townshipCode === q.township && c.subject.toLowerCase() === subject.toLowerCase()]);
      }
      if (tests.length === 0) return { items: [] };
      const rows = await db.case.findMany({
        where: { OR: tests.map(([, where]) => where), AND: [{ OR: [{ stage: { not: 'closed' } }, { finalAt: { not: null } }] }] },
        include: { township: true }, orderBy: [{ receivedAt: 'desc' }, { id: 'asc' }], take: LIMIT,
      });
      // Answering on an accuser's phone or ID number tells who accused: a view of the identity.
      const byIdentity = (r: Case) => tests.some(([reason, , matches]) => reason !== 'subject' && matches(r));
      await recordIdentityViews(audit, user, 'similar', rows, (r) => byIdentity(r) || listedTextNamesAccuser(r));
      const now = new Date();
      return {
        items: rows.map((r) => ({
          ...presentSummary(r, user, now),
          reasons: tests.filter(([, , matches]) => matches(r)).map(([reason]) => reason),
          finalAt: r.finalAt?.toISOString() ?? null,
        })),
      };
    },
  };
}

export type SimilarCaseService = ReturnType<typeof createSimilarCaseService>;
