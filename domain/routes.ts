// The law's routes out of acceptance (DESIGN.md §7), as rules the workflow and the API share:
// 转送 and 交办 stay tracked until the receiving body answers; an accusation about a public official or
// cadre goes to 纪检监察, never to a township; a petition repeating a matter final after 复核 is not
// accepted (不再受理) unless a manager records why it is.
import type { BodyKind } from './bodies';

/** The body a case was sent to, as the case keeps it (the master data may change later). */
export interface ReceivingBody {
  id: string;
  name: string;
  kind: BodyKind;
  contactName: string;
}

/** A 转送 (transfer) or 交办 (assignment), from sending to the body's answer. */
export interface Referral {
  mode: 'transfer' | 'assignment';
  body: ReceivingBody;
  reason: string;
  sentAt: string;
  /** 转送: the body's acknowledgement (签收). */
  acknowledged?: { at: string; by: string; note?: string };
  /** 交办: the body's result, and the county's check of it. */
  result?: { text: string; at: string; recordedBy: string };
  checks?: Array<{ at: string; by: string; accepted: boolean; note?: string }>;
}

/** The same petitioner's earlier case that is final after 复核, flagged at intake. */
export interface RepeatMatter {
  caseId: string;
  caseNo: string;
  /** The desk's judgement: the same matter (不再受理 applies) or another one. */
  confirmed?: { same: boolean; at: string; by: string };
  /** A manager's recorded reason for accepting it anyway. */
  override?: { at: string; by: string; reason: string };
}

/** The basis a refusal of a repeated matter cites, offered to the desk as it stands. */
export const REPEAT_BASIS = '《信访工作条例》第三十五条：信访人对复核意见不服，仍然以同一事实和理由提出投诉请求的，不再受理。';

export const repeatReason = (earlier: Pick<RepeatMatter, 'caseNo'>) =>
  `该信访事项与登记编号${earlier.caseNo}的信访事项系同一事实和理由，已经复核终结`;

/** An accusation about a public official or cadre belongs to 纪检监察. */
export const toDiscipline = (kind: string, concernsCadre: boolean) => kind === 'accusation' && concernsCadre;

/** Why a case may not be accepted for investigation here, or undefined when it may. */
export function acceptanceRefusal(kind: string, concernsCadre: boolean, repeat: RepeatMatter | undefined): string | undefined {
  if (toDiscipline(kind, concernsCadre)) {
    return 'an accusation about a public official or cadre goes to 纪检监察 by transfer ("forward" to a discipline body), never to a township\'s investigation';
  }
  if (repeat?.confirmed?.same && !repeat.override) {
    return `不再受理: the same matter became final after 复核 in case ${repeat.caseNo}; reject it (its basis is offered), or a manager accepts it with a recorded reason ("accept-repeat")`;
  }
  return undefined;
}

/** Why a case may not go to this body, or undefined when it may. */
export function bodyRefusal(kind: string, concernsCadre: boolean, body: Pick<ReceivingBody, 'kind' | 'name'>): string | undefined {
  if (toDiscipline(kind, concernsCadre) && body.kind !== 'discipline') {
    return `an accusation about a public official or cadre goes to 纪检监察, not to "${body.name}"`;
  }
  return undefined;
}
