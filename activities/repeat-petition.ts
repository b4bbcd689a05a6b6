import type { Prisma } from '../prisma/generated/client';
import type { Registration } from '../domain/registration';

/**
 * The same petitioner's earlier case on the same matter that is final after 复核 (终结): the law
 * does not accept the same facts again (不再受理). The same petitioner is the same resident ID
 * number, or without one the same name and phone; the same matter is the same township and
 * assistance category. The desk sees the flag and decides; nothing is refused automatically.
 */
export async function finalCaseOnSameMatter(tx: Prisma.TransactionClient, r: Registration): Promise<{ id: string; caseNo: string } | null> {
  const p = r.petitioner;
  const same: Prisma.CaseWhereInput | undefined = p?.idNumber
    ? { petitionerIdNumber: { equals: p.idNumber, mode: 'insensitive' } }
    : p?.phone ? { petitionerName: p.name, petitionerPhone: p.phone } : undefined;
  if (!same) return null;
  return tx.case.findFirst({
    where: { ...same, townshipCode: r.township, category: r.category, finalAt: { not: null } },
    orderBy: { finalAt: 'desc' }, select: { id: true, caseNo: true },
  });
}
