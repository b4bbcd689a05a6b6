// Message templates, in Chinese and English. Each renders a subject and a plain-text body from the
// case facts and the request's data; dates show in China Standard Time.
import { CLOCKS, type ClockKind } from '../domain/clocks';
import { dueText } from '../domain/day-count';
import type { CaseFacts } from './request';

export const LOCALES = ['zh', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export interface TemplateInput {
  recipientName?: string;
  case?: CaseFacts;
  data: Record<string, string | number | undefined>;
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html?: string;
}

type Template = Record<Locale, (i: TemplateInput) => RenderedMessage>;


const clockName = (l: Locale, i: TemplateInput) => CLOCKS[i.data.clock as ClockKind]?.label[l] ?? String(i.data.clock);

function caseLines(l: Locale, i: TemplateInput): string[] {
  const c = i.case;
  if (!c) return [];
  const zh = l === 'zh';
  return [
    `${zh ? '案件编号' : 'Case number'}: ${c.caseNo}`,
    `${zh ? '事项' : 'Subject'}: ${c.subject}`,
    ...(c.petitioner?.name ? [`${zh ? '信访人' : 'Petitioner'}: ${c.petitioner.name}`] : []),
  ];
}

const greeting = (l: Locale, i: TemplateInput) => (l === 'zh' ? `${i.recipientName ?? '您好'}：` : `Dear ${i.recipientName ?? 'colleague'},`);
const footer = (l: Locale) => (l === 'zh' ? '—— 件件落实 信访办理跟踪系统（自动发送，请勿回复）' : '— jianjian petition tracking (automatic message, do not reply)');

function message(l: Locale, i: TemplateInput, subject: string, lines: string[]): RenderedMessage {
  return { subject, text: [greeting(l, i), '', ...lines, '', ...caseLines(l, i), '', footer(l), ''].join('\n') };
}

const caseNo = (i: TemplateInput) => i.case?.caseNo ?? '';

export const TEMPLATES = {
  'clock.warning': {
    zh: (i) => message('zh', i, `【预警】${caseNo(i)} ${clockName('zh', i)}将于 ${dueText(i.data.dueAt)} 到期`, [
      `${clockName('zh', i)}将于 ${dueText(i.data.dueAt)}（北京时间）到期，请抓紧办理。`,
    ]),
    en: (i) => message('en', i, `[Warning] ${caseNo(i)}: ${clockName('en', i)} due ${dueText(i.data.dueAt)}`, [
      `The ${clockName('en', i)} deadline falls due on ${dueText(i.data.dueAt)} (China Standard Time). Please complete the step in time.`,
    ]),
  },
  'clock.urging': {
    zh: (i) => message('zh', i, `【催办】${caseNo(i)} ${clockName('zh', i)}已于 ${dueText(i.data.dueAt)} 超期`, [
      `${clockName('zh', i)}已于 ${dueText(i.data.dueAt)}（北京时间）到期，案件已超期，请立即办理。`,
    ]),
    en: (i) => message('en', i, `[Urging] ${caseNo(i)}: ${clockName('en', i)} overdue since ${dueText(i.data.dueAt)}`, [
      `The ${clockName('en', i)} deadline fell due on ${dueText(i.data.dueAt)} (China Standard Time). The case is overdue; please act now.`,
    ]),
  },
  'clock.supervision': {
    zh: (i) => message('zh', i, `【督办】${caseNo(i)} ${clockName('zh', i)}超期未办结`, [
      `${clockName('zh', i)}已于 ${dueText(i.data.dueAt)}（北京时间）到期，催办后仍未办结，现列为督办案件。`,
    ]),
    en: (i) => message('en', i, `[Supervision] ${caseNo(i)}: ${clockName('en', i)} still overdue`, [
      `The ${clockName('en', i)} deadline fell due on ${dueText(i.data.dueAt)} (China Standard Time) and the case is still not done after urging. It is now under supervision.`,
    ]),
  },
  'extension.requested': {
    zh: (i) => message('zh', i, `【延期申请】${caseNo(i)} 申请延长答复期限 ${i.data.days} 日`, [
      `${i.data.requestedBy} 申请将法定答复期限延长 ${i.data.days} 日，理由：${i.data.reason}`,
      `当前答复期限：${dueText(i.data.replyDueAt)}。请审批。`,
    ]),
    en: (i) => message('en', i, `[Extension request] ${caseNo(i)}: ${i.data.days} more days for the reply`, [
      `${i.data.requestedBy} asks to extend the statutory reply deadline by ${i.data.days} days. Reason: ${i.data.reason}`,
      `Current reply deadline: ${dueText(i.data.replyDueAt)}. Please approve or decline.`,
    ]),
  },
  'extension.approved': {
    zh: (i) => message('zh', i, `您的信访事项 ${caseNo(i)} 答复期限延长`, [
      `经批准，您的信访事项答复期限延长 ${i.data.days} 日，新的答复期限为 ${dueText(i.data.replyDueAt)}（北京时间）。`,
      `延期理由：${i.data.reason}`,
    ]),
    en: (i) => message('en', i, `Your petition ${caseNo(i)}: reply deadline extended`, [
      `The deadline for replying to your petition has been extended by ${i.data.days} days, to ${dueText(i.data.replyDueAt)} (China Standard Time).`,
      `Reason: ${i.data.reason}`,
    ]),
  },
  // The weekly report: its own HTML page, and its figures and plain-text rendering as the text part.
  'report.weekly': {
    zh: (i) => ({
      ...message('zh', i, `【周报】${i.data.title}`, [
        `本周新收 ${i.data.received} 件，办结 ${i.data.closed} 件，当前超期 ${i.data.overdue} 件。`, '', String(i.data.text),
      ]),
      html: String(i.data.html),
    }),
    en: (i) => ({
      ...message('en', i, `[Weekly report] Petitions, week of ${i.data.week}`, [
        `New cases: ${i.data.received}; closed: ${i.data.closed}; overdue now: ${i.data.overdue}. The report (in Chinese) follows.`, '', String(i.data.text),
      ]),
      html: String(i.data.html),
    }),
  },
} satisfies Record<string, Template>;

export type TemplateName = keyof typeof TEMPLATES;

export function render(name: TemplateName, locale: Locale, input: TemplateInput): RenderedMessage {
  return TEMPLATES[name][locale](input);
}
