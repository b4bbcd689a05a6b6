// The lists' `q=` search, over what the caller may read: the case number, and the subject as the caller
// sees it. A township user reads an accusation's subject with the accuser blanked, so it is searched
// so; `%` and `_` are searched for as themselves.
import type { Db } from '../../db/client';
import { identityOf, redactIdentity } from '../../domain/personal-data';
import { isTownshipScoped } from '../../domain/roles';
import type { Prisma } from '../../prisma/generated/client';
import type { AuthUser } from '../auth/service';

/** LIKE's wildcards and its escape character, taken literally (PostgreSQL's default escape is `\`). */
const literal = (q: string) => q.replace(/[\\%_]/g, '\\$&');

export async function searchWhere(db: Db, q: string, user: AuthUser): Promise<Prisma.CaseWhereInput> {
  const contains = literal(q);
  const byNumber = { caseNo: { contains, mode: 'insensitive' as const } };
  if (!isTownshipScoped(user.role)) return { OR: [byNumber, { subject: { contains } }] };
  // Only accusations whose stored subject holds the words can show them once the accuser is blanked.
  const accusations = await db.case.findMany({
    where: { kind: 'accusation', townshipCode: user.townshipCode ?? '', subject: { contains } },
    select: { id: true, subject: true, petitionerName: true, petitionerPhone: true, petitionerIdNumber: true, petitionerAddress: true, petitionerEmail: true },
  });
  const readable = accusations.filter((a) => redactIdentity(a.subject, identityOf(a)).includes(q)).map((a) => a.id);
  return { OR: [byNumber, { subject: { contains }, kind: { not: 'accusation' } }, { id: { in: readable } }] };
}
