// What each written notice says (DESIGN.md §7): 受理告知书, 不予受理告知书, 延期告知书, 转送函, 交办单
// and 处理意见书, built from the case and the step that issues it. Pure functions: the activity that
// issues a notice adds its number and date and renders it (layout.ts).
import { dateKey } from '../domain/calendar';
import { lastDay } from '../domain/day-count';
import type { Channel, Kind } from '../domain/case';
import { CHANNEL_LABELS } from '../domain/labels';
import { chineseDate, type OfficialDocument } from './layout';

export const DOCUMENT_KINDS = ['acceptance', 'rejection', 'extension', 'transfer', 'assignment', 'reply'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_TITLES: Record<DocumentKind, string> = {
  acceptance: '信访事项受理告知书',
  rejection: '信访事项不予受理告知书',
  extension: '信访事项延期办理告知书',
  transfer: '信访事项转送函',
  assignment: '信访事项交办单',
  reply: '信访事项处理意见书',
};

/** The case as a notice quotes it. */
export interface CaseFacts {
  caseNo: string;
  kind: Kind;
  channel: Channel;
  receivedAt: string;
  subject: string;
  request: string;
  anonymous: boolean;
  petitionerName: string | null;
  petitionerPhone: string | null;
}

export interface ReceivingBody {
  name: string;
  contactName: string;
}

export interface MeetingRecord {
  at: string;
  place: string;
  attendees: Array<{ name: string; title?: string }>;
}

/** The step that issues a notice, with what the notice says of it; a receiving body by its id (master data). */
export type DocumentRequest =
  | Exclude<NoticeRequest, { kind: 'transfer' | 'assignment' }>
  | { kind: 'transfer'; bodyId: string; reason: string }
  | { kind: 'assignment'; bodyId: string; reason: string; dueAt: string };

/** What a notice says of its step, with the receiving body as the master data has it. */
export type NoticeRequest =
  | { kind: 'acceptance'; acceptedAt: string; replyDueAt?: string }
  | { kind: 'rejection'; reason: string; basis: string }
  | { kind: 'extension'; reason: string; days: number; replyDueAt: string }
  | { kind: 'transfer'; body: ReceivingBody; reason: string }
  | { kind: 'assignment'; body: ReceivingBody; reason: string; dueAt: string }
  | { kind: 'reply'; decision: string; facts: string; basis: string; text: string; meeting: MeetingRecord };

/** The notice without what its issuing adds (issuer, number, date). */
export type NoticeContent = Pick<OfficialDocument, 'title' | 'addressee' | 'paragraphs'>;

const day = (iso: string) => chineseDate(dateKey(Date.parse(iso)));
/** A limit ends at 24:00 of its last day (DESIGN.md §7): that day, not the next one's 00:00. */
const dueDay = (iso: string) => chineseDate(lastDay(iso));

/** "你于2026年10月9日以来访形式提出的关于“…”的信访事项（登记编号XF2026-000012）" */
const petition = (c: CaseFacts) =>
  `你于${day(c.receivedAt)}以${CHANNEL_LABELS[c.channel]}形式提出的关于“${c.subject}”的信访事项（登记编号${c.caseNo}）`;

/** The right to ask for 复查, stated once by the reply, and the delivery rule its window runs from. */
export const REVIEW_RIGHT = '如你对本处理意见不服，可以自收到本意见书之日起30日内，向本机关的上一级行政机关请求复查。'
  + '复查请求期限自你收到本意见书之日起计算，不自本意见书的成文日期起计算。';

/** A sentence that already states the right to ask for 复查 within 30 days (as writers often type it). */
const STATES_REVIEW_RIGHT = /复查/;
const THIRTY_DAYS = /(30|三十)\s*日/;

/**
 * The writer's text without the sentences that state the review right: the reply states it itself,
 * in its own section, so it is printed once whatever the writer typed.
 */
export function withoutReviewRight(text: string): string {
  const sentences = text.match(/[^。！？!?\n]+[。！？!?]?|\n/g) ?? [];
  return sentences.filter((s) => !(STATES_REVIEW_RIGHT.test(s) && THIRTY_DAYS.test(s))).join('').trim();
}

/** "王复核（社会救助股股长）": a name and its title kept apart, people separated by 、. */
export function attendeeList(attendees: MeetingRecord['attendees']): string {
  return attendees.map((a) => (a.title ? `${a.name}（${a.title}）` : a.name)).join('、');
}

/** Whom a petitioner's notice is addressed to; an anonymous petition has no one to receive one. */
function petitionerOf(c: CaseFacts): string {
  if (c.anonymous || !c.petitionerName) throw new Error(`case ${c.caseNo} is anonymous: no notice can be addressed to its petitioner`);
  return c.petitionerName;
}

/** Whether a notice of this kind goes to the petitioner (and so needs one who gave a name). */
export const toPetitioner = (kind: DocumentKind) => kind !== 'transfer' && kind !== 'assignment';

/** 转送函 and 交办单 describe the petition to the receiving body; an accuser's identity is marked confidential. */
function referral(c: CaseFacts, r: { body: ReceivingBody; reason: string }, ask: string): NoticeContent[ 'paragraphs'] {
  const who = c.anonymous || !c.petitionerName ? '匿名信访人' : `${c.petitionerName}${c.petitionerPhone ? `（联系电话：${c.petitionerPhone}）` : ''}`;
  return [
    `${day(c.receivedAt)}，本机关收到${who}以${CHANNEL_LABELS[c.channel]}形式提出的关于“${c.subject}”的信访事项（登记编号${c.caseNo}）。`
      + `信访请求：${c.request}`,
    `经审查，${r.reason}。依据《信访工作条例》第二十一条、第三十一条的规定，现将该信访事项${ask}`,
    ...(c.kind === 'accusation'
      ? ['本件系检举控告。请严格为检举控告人保密，不得将检举控告人的身份信息和检举控告材料透露或者转给被检举控告的人员和单位。']
      : []),
  ];
}

export function noticeContent(c: CaseFacts, r: NoticeRequest): NoticeContent {
  const title = DOCUMENT_TITLES[r.kind];
  switch (r.kind) {
    case 'acceptance':
      return {
        title, addressee: petitionerOf(c), paragraphs: [
          `${petition(c)}，本机关已于${day(r.acceptedAt)}依法受理。`,
          '依据《信访工作条例》第三十二条的规定，本机关将自受理之日起60日内办结，并向你出具书面答复意见；'
            + '情况复杂的，经批准可以适当延长办理期限，但延长期限不超过30日，并告知你延期理由。'
            + (r.replyDueAt ? `本事项的办理期限至${dueDay(r.replyDueAt)}届满。` : ''),
        ],
      };
    case 'rejection':
      return {
        title, addressee: petitionerOf(c), paragraphs: [
          `${petition(c)}，本机关已收悉。`,
          `经审查，${r.reason}。依据${r.basis}，本机关决定不予受理。`,
        ],
      };
    case 'extension':
      return {
        title, addressee: petitionerOf(c), paragraphs: [
          `${petition(c)}，本机关已依法受理。`,
          `因${r.reason}，依据《信访工作条例》第三十二条的规定，经批准，该信访事项的办理期限延长${r.days}日，至${dueDay(r.replyDueAt)}届满。`,
        ],
      };
    case 'transfer':
      return { title, addressee: r.body.name, paragraphs: referral(c, r, '转送你单位依法处理。请于收到本函后15日内将签收情况告知本机关，并将处理结果抄告本机关。') };
    case 'assignment':
      return {
        title, addressee: r.body.name,
        paragraphs: referral(c, r, `交办你单位办理。请于${dueDay(r.dueAt)}前办结，并将办理结果书面报送本机关；逾期未报送的，本机关将予以督办。`),
      };
    case 'reply': {
      const text = withoutReviewRight(r.text);
      return {
        title, addressee: petitionerOf(c), paragraphs: [
          `${petition(c)}，本机关已依法受理并办理完毕。现将处理意见告知如下：`,
          '一、信访请求', c.request,
          '二、查明的事实', r.facts,
          '三、处理意见', r.decision, ...(text ? [text] : []),
          '四、处理依据', r.basis,
          '五、见面答复', `${day(r.meeting.at)}，${attendeeList(r.meeting.attendees)}在${r.meeting.place}与你见面，当面答复了上述意见。`,
          '六、复查权利', REVIEW_RIGHT,
        ],
      };
    }
  }
}
