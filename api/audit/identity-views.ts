// Every read that shows an accuser's identity is recorded, wherever it shows: the case itself (see the
// case service), a list or an export whose subject names the accuser, a similar-case lookup that
// answers on an accuser's phone or ID number.
import { identityOf, identityWithheld, namesIdentity } from '../../domain/personal-data';
import type { Case } from '../../prisma/generated/client';
import type { AuthUser } from '../auth/service';
import type { AuditLog } from './log';

export type IdentityView = 'list' | 'export' | 'similar';

/**
 * Records, before the answer leaves, a `case.identity-viewed` entry for each accusation of `rows`
 * that `shows` as revealing its accuser to `user` (township users never see one: it is blanked).
 */
export async function recordIdentityViews(
  audit: AuditLog, user: AuthUser, via: IdentityView, rows: Case[], shows: (row: Case) => boolean,
): Promise<void> {
  const seen = rows.filter((r) => r.kind === 'accusation' && !identityWithheld(r.kind, user.role) && shows(r));
  for (const r of seen) await audit.record({ action: 'case.identity-viewed', status: 200, target: r.id, detail: { caseNo: r.caseNo, via } });
}

/** A row whose listed text (subject, request) names its accuser. */
export const listedTextNamesAccuser = (row: Case) => namesIdentity([row.subject, row.request], identityOf(row));
