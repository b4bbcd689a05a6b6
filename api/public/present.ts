// The public faces of a case and of a notice: built field by field from the read model, so nothing
// internal (findings, officers, other people's data) can slip through by being added to a row.
import type { Satisfaction, Stage } from '../../domain/case';
import type { AssistanceDecision, NoticeLevel } from '../../domain/notice';
import type { ReviewLevel, ReviewResult } from '../../domain/review';
import type { Case, CaseEvent, Notice, Township } from '../../prisma/generated/client';
import type { NextStep, PublicCase } from './schemas';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
type Data = Record<string, string>;

/** The events whose content is the petitioner's answer. */
const ANSWER_EVENTS = ['reply', 'reject', 'forward', 'answer'];
const REVIEW_EVENTS = ['request-review', 'decide-review'];
/** Every event the public page reads; nothing else of the timeline leaves the building. */
export const PUBLIC_EVENTS = [...ANSWER_EVENTS, ...REVIEW_EVENTS, 'petitioner-satisfaction'];

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

/** Each request for 复查 or 复核 with the next level's decision, once there is one. */
function publicReviews(events: CaseEvent[]): PublicCase['review']['requests'] {
  const requests: PublicCase['review']['requests'] = [];
  for (const e of events) {
    const d = e.data as Data;
    if (e.type === 'request-review') {
      // The day the petitioner asked, when the desk recorded it later; else the day it was recorded.
      const requestedAt = d.requestedAt ? new Date(d.requestedAt).toISOString() : e.at.toISOString();
      requests.push({ level: d.level as ReviewLevel, requestedAt, body: d.body!, decidedAt: null, result: null, opinion: null });
    } else if (e.type === 'decide-review' && requests.length > 0) {
      Object.assign(requests.at(-1)!, { decidedAt: e.at.toISOString(), result: d.result as ReviewResult, opinion: d.opinion! });
    }
  }
  return requests;
}

const STEP_TEXT: Record<NextStep, string> = {
  await_acceptance: '信访事项正在审查，将在此日期前书面告知是否受理。',
  await_reply: '信访事项正在办理，将在此日期前作出书面答复。',
  await_follow_up: '已作出书面答复，工作人员将回访听取您的意见。',
  rate_satisfaction: '请在此日期前对办理结果作出满意度评价。',
  request_review: '对答复意见不服的，可在此日期前向县信访窗口提出复查申请。',
  request_re_review: '对复查意见不服的，可在此日期前向县信访窗口提出复核申请。',
  await_review_decision: '复查（复核）申请已受理，将在此日期前作出决定。',
};

const step = (s: NextStep, until: Date | null) => ({ step: s, until: iso(until), description: STEP_TEXT[s] });

/** While a window is open: rate the outcome, and, unless satisfied, ask for the review it allows. */
function reviewSteps(row: Case, now: Date): PublicCase['nextSteps'] {
  const endsAt = row.reviewWindowEndsAt;
  if (!row.reviewWindow || !endsAt || endsAt <= now) return [];
  if (row.reviewWindow === 're_review') return [step('request_re_review', endsAt)];
  const answer = row.petitionerSatisfaction ?? row.satisfaction;
  const satisfied = answer === 'satisfied' || answer === 'basically_satisfied';
  return [
    ...(row.petitionerSatisfaction ? [] : [step('rate_satisfaction', endsAt)]),
    ...(satisfied ? [] : [step('request_review', endsAt)]),
  ];
}

function nextSteps(row: Case, now: Date): PublicCase['nextSteps'] {
  switch (row.stage as Stage) {
    case 'registered': return [step('await_acceptance', row.stageDueAt)];
    case 'follow_up': return [step('await_follow_up', null), ...reviewSteps(row, now)];
    case 'review': return [step('await_review_decision', row.stageDueAt)];
    case 'closed': return reviewSteps(row, now);
    // Between acceptance and the written reply the petitioner waits for the reply, whatever the stage.
    default: return [step('await_reply', row.replyDueAt)];
  }
}

/** The case for its petitioner, from its row and its public events (PUBLIC_EVENTS, in order). */
export function presentPublicCase(row: Case, events: CaseEvent[], now = new Date()): PublicCase {
  const rated = events.filter((e) => e.type === 'petitioner-satisfaction').at(-1);
  return {
    caseNo: row.caseNo,
    stage: row.stage as Stage,
    receivedAt: row.receivedAt.toISOString(),
    acceptedAt: iso(row.acceptedAt),
    replyDueAt: iso(row.replyDueAt),
    repliedAt: iso(row.repliedAt),
    closedAt: iso(row.closedAt),
    reply: publicReply(events.filter((e) => ANSWER_EVENTS.includes(e.type)).at(-1)),
    review: {
      window: row.reviewWindow && row.reviewWindowEndsAt ? { level: row.reviewWindow as ReviewLevel, endsAt: row.reviewWindowEndsAt.toISOString() } : null,
      requests: publicReviews(events),
      finalAt: iso(row.finalAt),
    },
    satisfaction: rated ? { response: (rated.data as Data).response as Satisfaction, at: rated.at.toISOString() } : null,
    nextSteps: nextSteps(row, now),
  };
}

export function presentPublicNotice(n: Notice & { township: Township }, now: Date) {
  const first = n.phase === 'first_notice';
  return {
    id: n.publicId,
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
