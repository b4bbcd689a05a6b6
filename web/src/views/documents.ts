// Printable documents: the registration receipt handed to the petitioner, and the written reply
// (处理意见书) stating request, facts, decision, basis and the right to ask for a review.
import { get } from '../api';
import type { PageContext } from '../app';
import { h } from '../dom';
import { date, dateTime, dueDay } from '../format';
import { label, t } from '../i18n';
import type { CaseDetail } from '../types';

function printBar(c: CaseDetail, ...extra: Node[]): HTMLElement {
  return h('div', { class: 'buttons no-print' },
    h('button', { type: 'button', class: 'primary', onclick: () => window.print() }, t('common.print')),
    h('a', { href: `#/cases/${c.id}`, class: 'button' }, t('ack.openCase')),
    ...extra);
}

export async function acknowledgementPage({ params }: PageContext): Promise<Node> {
  const c = await get<CaseDetail>(`/api/cases/${params[0]}`);
  const row = (k: string, v: string) => h('tr', {}, h('th', {}, k), h('td', {}, v));
  return h('section', {},
    printBar(c, h('a', { href: '#/intake', class: 'button' }, t('ack.another'))),
    h('article', { class: 'paper', id: 'acknowledgement' },
      h('h1', {}, t('ack.title')),
      h('p', {}, t('ack.intro')),
      h('table', { class: 'doc' },
        row(t('field.caseNo'), c.caseNo),
        row(t('field.queryCode'), c.queryCode ?? '—'),
        row(t('field.petitioner'), c.anonymous ? t('field.anonymousShort') : c.petitioner?.name ?? '—'),
        row(t('field.receivedAt'), dateTime(c.receivedAt)),
        row(t('field.kind'), label('kind', c.kind)),
        row(t('field.subject'), c.subject),
        row(t('field.township'), c.township.name),
        row(t('ack.deadline'), dueDay(c.stageDueAt))),
      h('p', { class: 'hint' }, t('ack.lookupHint')),
      h('p', { class: 'sign' }, t('ack.issuer'), h('br'), date(c.receivedAt))));
}

export async function replyLetterPage({ params }: PageContext): Promise<Node> {
  const c = await get<CaseDetail>(`/api/cases/${params[0]}`);
  const reply = c.timeline.filter((e) => e.type === 'reply').at(-1);
  if (!reply) return h('section', {}, printBar(c), h('p', { class: 'notice' }, t('letter.missing')));
  const d = reply.data as { decision: string; facts: string; basis: string; text: string; meeting: { at: string; place: string; attendees: Array<{ name: string; title?: string }> } };
  const section = (title: string, body: string) => [h('h2', {}, title), h('p', { class: 'pre' }, body)];
  const people = d.meeting.attendees.map((a) => (a.title ? `${a.title}${a.name}` : a.name)).join('、');
  return h('section', {},
    printBar(c),
    h('article', { class: 'paper', id: 'reply-letter' },
      h('h1', {}, t('letter.title')),
      h('p', { class: 'doc-no' }, c.caseNo),
      h('p', {}, t('letter.to', { name: c.petitioner?.name ?? t('field.anonymousShort') })),
      h('p', { class: 'indent' }, t('letter.intro', { date: date(c.receivedAt), caseNo: c.caseNo })),
      section(t('letter.request'), c.request),
      section(t('letter.facts'), d.facts),
      section(t('letter.decision'), d.decision),
      section(t('letter.basis'), d.basis),
      section(t('letter.text'), d.text),
      h('p', { class: 'indent' }, t('letter.meeting', { at: dateTime(d.meeting.at), place: d.meeting.place, people })),
      h('p', { class: 'indent review-right' }, t('letter.reviewRight')),
      h('p', { class: 'sign' }, t('letter.issuer'), h('br'), date(reply.at))));
}
