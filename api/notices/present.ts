import type { AssistanceDecision, NoticeLevel, NoticePhase } from '../../domain/notice';
import type { Category } from '../../domain/case';
import type { Case, Notice, NoticeEvent, Township } from '../../prisma/generated/client';
import { redactIdentity } from '../../domain/personal-data';
import { isTownshipScoped } from '../../domain/roles';
import type { AuthUser } from '../auth/service';

type NoticeRow = Notice & { township: Township; case: Pick<Case, 'caseNo'> };

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const money = (d: Notice['amount']) => (d === null ? null : Number(d));

/** Objectors, like accusers, may be neighbours of the township's own cadres: their identity stays at county level. */
export const objectorWithheld = (user: AuthUser) => isTownshipScoped(user.role);

export function presentNoticeSummary(n: NoticeRow) {
  return {
    id: n.id,
    caseId: n.caseId,
    caseNo: n.case.caseNo,
    township: { code: n.township.code, name: n.township.name },
    village: n.village,
    householdName: n.householdName,
    category: n.category as Category,
    proposed: { decision: n.proposedDecision as AssistanceDecision, amount: money(n.proposedAmount) },
    current: { decision: n.decision as AssistanceDecision, amount: money(n.amount) },
    levels: n.levels as NoticeLevel[],
    round: n.round,
    level: n.level as NoticeLevel | null,
    phase: n.phase as NoticePhase,
    postedAt: iso(n.postedAt),
    closesAt: iso(n.closesAt),
    objections: n.objections,
    reviewResult: n.reviewResult as 'upheld' | 'revised' | null,
    outcome: n.outcome as 'confirmed' | 'revised' | null,
    effectiveAt: iso(n.effectiveAt),
  };
}

export function presentNoticeDetail(n: NoticeRow, events: NoticeEvent[], user: AuthUser) {
  const withheld = objectorWithheld(user);
  const objections = events.filter((e) => e.type === 'objection').map((e) => ({ ...e.data as { no: number; round: number; reason: string; name?: string; contact?: string }, at: e.at }));
  // An objector may name themselves, or another objector, in a reason: blanked there too, in any spelling.
  const objectors = objections.map((d) => ({ name: d.name, phone: d.contact, address: d.contact }));
  const reasonFor = (reason: string) => (withheld ? objectors.reduce((r, o) => redactIdentity(r, o), reason) : reason);
  const objectionList = objections.map((d) => ({
    no: d.no, round: d.round, at: d.at.toISOString(), reason: reasonFor(d.reason), name: withheld ? null : d.name || null, contact: withheld ? null : d.contact || null,
  }));
  return {
    ...presentNoticeSummary(n),
    objectionList,
    // Objection events carry the objector's identity, so the timeline shows types and times only.
    timeline: events.map((e) => ({ seq: e.seq, type: e.type, at: e.at.toISOString(), actor: e.actorName })),
    availableActions: n.phase === 'review' ? ['resolve' as const] : [],
  };
}
