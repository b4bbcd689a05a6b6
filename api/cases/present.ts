// How a case row becomes an API response, and what each caller may see of it.
import { availableActions, type CaseStatus } from '../../domain/actions';
import type { Kind, Stage } from '../../domain/case';
import {
  forRecipient, identityOf, identityWithheld, isConfidentialIdentity, maskIdNumber,
} from '../../domain/personal-data';
import type { EscalationLevel, ExtensionStatus, PauseReason } from '../../domain/clocks';
import type { ReviewLevel, ReviewStatus } from '../../domain/review';
import type { Satisfaction } from '../../domain/case';
import type { Case, CaseEvent, Township } from '../../prisma/generated/client';
import type { AuthUser } from '../auth/service';

type CaseRow = Case & { township: Township };
type EarlierCase = Pick<Case, 'id' | 'caseNo' | 'finalAt'>;
type Viewer = Pick<AuthUser, 'role'>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Whether showing this case to this viewer shows an accuser's identity: a view the audit log must record. */
export function revealsConfidentialIdentity(row: Case, viewer: Viewer): boolean {
  return !identityWithheld(row.kind, viewer.role) && isConfidentialIdentity(row.kind, identityOf(row));
}

/** The review chain as the read model knows it, for the same rules the workflow applies. */
export function reviewStatusOf(row: Case): ReviewStatus {
  return {
    stage: row.stage as Stage,
    window: row.reviewWindow && row.reviewWindowEndsAt ? { level: row.reviewWindow as ReviewLevel, endsAt: row.reviewWindowEndsAt.toISOString() } : undefined,
    pending: (row.reviewPending as ReviewLevel | null) ?? undefined,
    finalAt: iso(row.finalAt) ?? undefined,
  };
}

/** What the action table's rules read, as the read model knows it. */
export function statusOf(row: Case): CaseStatus {
  return {
    stage: row.stage as Stage, kind: row.kind as Kind, paused: row.pausedSince !== null,
    replyRunning: row.acceptedAt !== null && row.repliedAt === null && row.stage !== 'closed',
    extension: row.extensionStatus as ExtensionStatus | null ?? undefined,
    firstAidDue: row.urgent && row.firstAidAt === null && row.stage !== 'closed',
    review: reviewStatusOf(row),
    rated: row.petitionerSatisfaction !== null,
  };
}

/** Past the due time of a running clock (a paused case has none). */
export function isOverdue(row: Pick<Case, 'stage' | 'dueAt'>, now: Date): boolean {
  return row.stage !== 'closed' && row.dueAt !== null && row.dueAt < now;
}

function summaryFields(row: CaseRow, now: Date) {
  return {
    id: row.id,
    caseNo: row.caseNo,
    stage: row.stage as Stage,
    kind: row.kind as Kind,
    channel: row.channel,
    category: row.category,
    township: { code: row.township.code, name: row.township.name },
    subject: row.subject,
    petitionerName: row.petitionerName,
    /** Masked: lists identify a petitioner, they do not disclose one. */
    petitionerIdNumber: maskIdNumber(row.petitionerIdNumber),
    receivedAt: row.receivedAt.toISOString(),
    stageDueAt: iso(row.stageDueAt),
    replyDueAt: iso(row.replyDueAt),
    dueAt: iso(row.dueAt),
    dueProvisional: row.dueProvisional,
    overdue: isOverdue(row, now),
    escalation: row.escalation as EscalationLevel | null,
    outcome: row.outcome,
  };
}

/**
 * A case in a list. An accuser is never named in a list, whoever reads it: the identity shows only in
 * the case itself, to county users, and each such view is audited.
 */
export function presentSummary(row: CaseRow, viewer: Viewer, now = new Date()) {
  const fields = summaryFields(row, now);
  const summary = row.kind === 'accusation' ? { ...fields, petitionerName: null, petitionerIdNumber: null } : fields;
  return forRecipient(summary, { kind: row.kind, identity: identityOf(row) }, viewer.role);
}

export function presentDetail(row: CaseRow & { repeatOf?: EarlierCase | null }, events: CaseEvent[], viewer: Viewer, queryCode?: string) {
  const withheld = identityWithheld(row.kind, viewer.role);
  const now = new Date();
  const detail = {
    ...summaryFields(row, now),
    ...(withheld ? { petitionerName: null, petitionerIdNumber: null } : {}),
    ...(queryCode ? { queryCode } : {}),
    source: { level: row.sourceLevel, body: row.sourceBody, reference: row.sourceReference },
    village: row.village,
    villageCode: row.villageCode,
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
    availableActions: availableActions('stage', statusOf(row), now),
    clock: {
      warnAt: iso(row.warnAt), pausedSince: iso(row.pausedSince),
      pauseReason: row.pauseReason as PauseReason | null, extension: row.extensionStatus as ExtensionStatus | null,
      urgent: row.urgent, firstAidAt: iso(row.firstAidAt),
    },
    clockActions: availableActions('clock', statusOf(row), now),
    review: {
      window: row.reviewWindow ? { level: row.reviewWindow as ReviewLevel, endsAt: iso(row.reviewWindowEndsAt)! } : null,
      pending: row.reviewPending as ReviewLevel | null,
      finalAt: iso(row.finalAt),
    },
    reviewActions: availableActions('review', statusOf(row), now),
    satisfaction: { followUp: row.satisfaction as Satisfaction | null, petitioner: row.petitionerSatisfaction as Satisfaction | null },
    repeatOf: row.repeatOf ? { id: row.repeatOf.id, caseNo: row.repeatOf.caseNo, finalAt: iso(row.repeatOf.finalAt) } : null,
    timeline: events.map((e) => ({ seq: e.seq, type: e.type, at: e.at.toISOString(), actor: e.actorName, data: e.data as Record<string, unknown> })),
  };
  // Free text (facts, findings, the reply) may name the accuser too: blanked wherever it appears.
  return forRecipient(detail, { kind: row.kind, identity: identityOf(row) }, viewer.role);
}
