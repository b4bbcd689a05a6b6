// How a case row becomes an API response, and what each caller may see of it.
import { availableActions } from '../../domain/actions';
import type { Kind, Stage } from '../../domain/case';
import type { Case, CaseEvent, Township } from '../../prisma/generated/client';
import { isTownshipScoped } from '../../domain/roles';
import type { AuthUser } from '../auth/service';

type CaseRow = Case & { township: Township };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Accusation material never reaches the township that may be accused (DESIGN.md §4). */
export function identityWithheld(row: Pick<Case, 'kind'>, user: Pick<AuthUser, 'role'>): boolean {
  return row.kind === 'accusation' && isTownshipScoped(user.role);
}

export function isOverdue(row: Pick<Case, 'stage' | 'stageDueAt'>, now: Date): boolean {
  return row.stage !== 'closed' && row.stageDueAt !== null && row.stageDueAt < now;
}

export function presentSummary(row: CaseRow, user: AuthUser, now = new Date()) {
  return {
    id: row.id,
    caseNo: row.caseNo,
    stage: row.stage as Stage,
    kind: row.kind as Kind,
    channel: row.channel,
    category: row.category,
    township: { code: row.township.code, name: row.township.name },
    subject: row.subject,
    petitionerName: identityWithheld(row, user) ? null : row.petitionerName,
    receivedAt: row.receivedAt.toISOString(),
    stageDueAt: iso(row.stageDueAt),
    replyDueAt: iso(row.replyDueAt),
    overdue: isOverdue(row, now),
    outcome: row.outcome,
  };
}

export function presentDetail(row: CaseRow, events: CaseEvent[], user: AuthUser, queryCode?: string) {
  const withheld = identityWithheld(row, user);
  return {
    ...presentSummary(row, user),
    ...(queryCode ? { queryCode } : {}),
    source: { level: row.sourceLevel, body: row.sourceBody, reference: row.sourceReference },
    village: row.village,
    facts: row.facts,
    request: row.request,
    anonymous: row.anonymous,
    petitioner: row.anonymous || withheld ? null : {
      name: row.petitionerName, phone: row.petitionerPhone, idNumber: row.petitionerIdNumber, address: row.petitionerAddress,
    },
    petitionerWithheld: withheld,
    acceptedAt: iso(row.acceptedAt),
    repliedAt: iso(row.repliedAt),
    closedAt: iso(row.closedAt),
    investigationRounds: row.investigationRounds,
    availableActions: availableActions(row.stage as Stage, row.kind as Kind),
    timeline: events.map((e) => ({ seq: e.seq, type: e.type, at: e.at.toISOString(), actor: e.actorName, data: e.data as Record<string, unknown> })),
  };
}
