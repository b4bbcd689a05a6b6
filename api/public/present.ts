// The public faces of a case and of a notice: built field by field from the read model, so nothing
// internal (findings, officers, other people's data) can slip through by being added to a row.
import type { Stage } from '../../domain/case';
import type { AssistanceDecision, NoticeLevel } from '../../domain/notice';
import type { Case, CaseEvent, Notice, Township } from '../../prisma/generated/client';
import type { NextStep, PublicCase } from './schemas';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
type Data = Record<string, string>;

/** The events whose content is the petitioner's answer. */
export const ANSWER_EVENTS = ['reply', 'reject', 'forward', 'answer'] as const;

function publicReply(e: CaseEvent | undefined): PublicCase['reply'] {
  if (!e) return null;
  const d = e.data as Data;
  const at = e.at.toISOString();
  switch (e.type) {
    case 'reply': return { type: 'reply', at, decision: d.decision!, facts: d.facts!, basis: d.basis!, text: d.text! };
    case 'reject': return { type: 'not_accepted', at, reason: d.reason!, basis: d.basis! };
    case 'forward': return { type: 'forwarded', at, body: d.body!, reason: d.reason! };
    case 'answer': return { type: 'answered', at, answer: d.answer! };
    default: return null;
  }
}

const STEP_TEXT: Record<NextStep, string> = {
  await_acceptance: '信访事项正在审查，将在此日期前书面告知是否受理。',
  await_reply: '信访事项正在办理，将在此日期前作出书面答复。',
  await_follow_up: '已作出书面答复，工作人员将回访听取您的意见。',
};

function nextSteps(row: Case): PublicCase['nextSteps'] {
  const step = (s: NextStep, until: Date | null) => [{ step: s, until: iso(until), description: STEP_TEXT[s] }];
  switch (row.stage as Stage) {
    case 'registered': return step('await_acceptance', row.stageDueAt);
    case 'investigation': case 'recheck': case 'reply': return step('await_reply', row.replyDueAt);
    case 'follow_up': return step('await_follow_up', null);
    default: return [];
  }
}

export function presentPublicCase(row: Case, answer: CaseEvent | undefined): PublicCase {
  return {
    caseNo: row.caseNo,
    stage: row.stage as Stage,
    receivedAt: row.receivedAt.toISOString(),
    acceptedAt: iso(row.acceptedAt),
    replyDueAt: iso(row.replyDueAt),
    repliedAt: iso(row.repliedAt),
    closedAt: iso(row.closedAt),
    reply: publicReply(answer),
    nextSteps: nextSteps(row),
  };
}

export function presentPublicNotice(n: Notice & { township: Township }, now: Date) {
  const first = n.phase === 'first_notice';
  return {
    id: n.id,
    posting: first ? 'first' as const : 'second' as const,
    level: n.level as NoticeLevel,
    township: { code: n.township.code, name: n.township.name },
    village: n.village,
    householdName: n.householdName,
    category: n.category,
    decision: n.decision as AssistanceDecision,
    amount: n.amount === null ? null : Number(n.amount),
    postedAt: n.postedAt!.toISOString(),
    closesAt: n.closesAt!.toISOString(),
    acceptsObjections: first && n.closesAt! > now,
    reviewResult: first ? null : n.reviewResult as 'upheld' | 'revised' | null,
  };
}
