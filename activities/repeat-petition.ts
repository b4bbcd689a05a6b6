import type { Prisma } from '../prisma/generated/client';
import { identityOf } from '../domain/personal-data';
import type { Registration } from '../domain/registration';
import { normalisePhone, samePetitioner } from '../domain/same-petitioner';

/**
 * The same petitioner's earlier cases that are final after 复核 (终结), newest first: a petition on
 * a matter among them is not accepted again (不再受理). Whether it is the same matter is the desk's
 * judgement, so every final case of the petitioner is offered; one in the same assistance category
 * comes first, as the likeliest.
 */
export async function finalCasesOfPetitioner(tx: Prisma.TransactionClient, r: Registration): Promise<Array<{ id: string; caseNo: string }>> {
  const p = r.petitioner;
  if (!p) return [];
  // Narrowed in SQL by what the stored values share whatever their spelling, then matched exactly here.
  const phoneEnd = p.phone ? normalisePhone(p.phone).slice(-4) : '';
  const by: Prisma.CaseWhereInput[] = [
    ...(p.idNumber ? [{ petitionerIdNumber: { equals: p.idNumber, mode: 'insensitive' as const } }] : []),
    ...(phoneEnd.length === 4 ? [{ petitionerPhone: { endsWith: phoneEnd } }] : []),
  ];
  if (by.length === 0) return [];
  const rows = await tx.case.findMany({ where: { finalAt: { not: null }, OR: by }, orderBy: { finalAt: 'desc' } });
  return rows.filter((c) => samePetitioner(p, identityOf(c)))
    .sort((a, b) => Number(b.category === r.category) - Number(a.category === r.category))
    .map((c) => ({ id: c.id, caseNo: c.caseNo }));
}
