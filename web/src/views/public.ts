// Pages for petitioners and the public, open without login: the status lookup and the notice
// board, where anyone may object to a notice while it is open.
import { ApiFailure, get, post } from '../api';
import type { PageContext } from '../app';
import { h, replace } from '../dom';
import { errorSummary, field, newFormId, onSubmit } from '../forms';
import { date, dateTime, dueDay } from '../format';
import { isKey, label, t, type Key } from '../i18n';
import { SATISFACTION } from '../../../domain/case';
import type { PublicCase, PublicNotice, PublicNoticeList } from '../types';

const dl = (rows: Array<[string, string | null | undefined]>) =>
  h('dl', { class: 'facts' }, rows.filter(([, v]) => v).map(([k, v]) => [h('dt', {}, k), h('dd', { class: 'pre' }, v!)]));

/** The written answer, in the fields its kind has. */
function replyPart(reply: NonNullable<PublicCase['reply']>): HTMLElement {
  const fields: Record<string, string> = { ...reply } as never;
  const keys = Object.keys(fields).filter((k) => k !== 'type' && k !== 'at' && isKey(`input.${k}`));
  return h('section', { class: 'reply' },
    h('h2', {}, `${label('lookup.reply', reply.type)} · ${date(reply.at)}`),
    dl(keys.map((k) => [t(`input.${k}` as Key), fields[k]])));
}

/** The petitioner's own rating of the outcome, offered while the case asks for it. */
function satisfactionForm(c: PublicCase, code: string, show: (c: PublicCase) => void): HTMLFormElement {
  const id = newFormId();
  const form = h('form', { class: 'satisfaction', id: 'satisfaction-form' },
    h('h2', {}, t('lookup.rate')),
    errorSummary(),
    field({ name: 'response', label: t('input.response'), type: 'radio', required: true, wide: true, options: SATISFACTION.map((v) => ({ value: v, text: label('satisfaction', v) })) }, id),
    field({ name: 'comment', label: t('lookup.comment'), type: 'textarea', rows: 2, maxLength: 1000, wide: true }, id),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary' }, t('common.submit'))));
  onSubmit(form, async (v) => {
    show(await post<PublicCase>(`/public/cases/${encodeURIComponent(c.caseNo)}/satisfaction?code=${encodeURIComponent(code)}`, v));
  });
  return form;
}

function caseStatus(c: PublicCase, code: string, show: (c: PublicCase) => void): HTMLElement {
  return h('section', { class: 'card narrow wide-card' },
    dl([
      [t('field.caseNo'), c.caseNo],
      [t('field.stage'), label('stage', c.stage)],
      [t('field.receivedAt'), dateTime(c.receivedAt)],
      [t('field.acceptedAt'), c.acceptedAt && dateTime(c.acceptedAt)],
      [t('field.replyDueAt'), c.replyDueAt && dueDay(c.replyDueAt)],
      [t('field.repliedAt'), c.repliedAt && dateTime(c.repliedAt)],
      [t('field.closedAt'), c.closedAt && dateTime(c.closedAt)],
    ]),
    c.reply ? replyPart(c.reply) : null,
    c.review.requests.length ? h('section', { class: 'reviews' },
      h('h2', {}, t('review.title')),
      c.review.requests.map((r) => dl([
        [label('reviewLevel', r.level), `${r.body} · ${date(r.requestedAt)}`],
        [t('input.result'), r.result && `${label('reviewResult', r.result)} · ${date(r.decidedAt)}`],
        [t('input.opinion'), r.opinion],
      ]))) : null,
    c.satisfaction ? dl([[t('review.petitionerSatisfaction'), label('satisfaction', c.satisfaction.response)]]) : null,
    c.nextSteps.length ? h('section', {},
      h('h2', {}, t('lookup.next')),
      h('ul', {}, c.nextSteps.map((s) => h('li', {},
        isKey(`lookup.step.${s.step}`) ? t(`lookup.step.${s.step}` as Key) : s.description,
        s.until ? ` ${t('lookup.until', { date: date(s.until) })}` : null)))) : null,
    c.nextSteps.some((s) => s.step === 'rate_satisfaction') ? satisfactionForm(c, code, show) : null);
}

export function lookupPage({ query }: PageContext): Node {
  const result = h('div', { id: 'lookup-result', 'aria-live': 'polite' });
  const form = h('form', { class: 'card narrow', id: 'lookup-form' },
    h('h1', {}, t('lookup.title')),
    h('p', {}, t('lookup.intro')),
    errorSummary(),
    field({ name: 'caseNo', label: t('lookup.caseNo'), required: true, value: query.get('caseNo') ?? '', maxLength: 20 }, 'lookup'),
    field({ name: 'code', label: t('lookup.code'), required: true, maxLength: 20 }, 'lookup'),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary' }, t('lookup.submit'))));
  onSubmit(form, async (v) => {
    const caseNo = String(v.caseNo ?? '').trim().toUpperCase();
    const code = String(v.code ?? '').trim().toUpperCase();
    try {
      const show = (c: PublicCase) => replace(result, caseStatus(c, code, show));
      show(await get<PublicCase>(`/public/cases/${encodeURIComponent(caseNo)}?code=${encodeURIComponent(code)}`));
    } catch (e) {
      if (!(e instanceof ApiFailure)) throw e;
      // The number and code travel in the path and query; their errors belong to the two inputs.
      if (e.status === 400) throw new ApiFailure(400, e.code, e.message, e.fields.map((f) => ({ ...f, field: f.field.replace(/^(params|query)\./, '') })));
      if (e.status !== 404) throw e;
      // A wrong code answers like an unknown case, on purpose; say only that nothing was found.
      replace(result, h('p', { class: 'notice' }, t('lookup.notFound')));
    }
  });
  return h('div', {}, form, result);
}

function objectionForm(n: PublicNotice, slot: HTMLElement): HTMLFormElement {
  const id = newFormId();
  const form = h('form', { class: 'objection', id: `objection-${n.id}` },
    h('h3', {}, t('notices.object')),
    errorSummary(),
    field({ name: 'reason', label: t('notices.reason'), type: 'textarea', rows: 3, required: true, maxLength: 2000, wide: true }, id),
    h('div', { class: 'grid' },
      field({ name: 'name', label: t('notices.name'), maxLength: 100 }, id),
      field({ name: 'contact', label: t('notices.contact'), maxLength: 100 }, id)),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary' }, t('common.submit'))));
  onSubmit(form, async (v) => {
    const receipt = await post<{ objectionNo: number; receivedAt: string }>(`/public/notices/${encodeURIComponent(n.id)}/objections`, v);
    replace(slot, h('p', { class: 'notice', role: 'status' }, t('notices.received', { no: receipt.objectionNo, at: dateTime(receipt.receivedAt) })));
  });
  return form;
}

function noticeCard(n: PublicNotice): HTMLElement {
  const slot = h('div', {});
  return h('li', { class: 'card', 'data-notice': n.id },
    h('h2', {}, `${n.householdName} · ${label('notice.decision', n.decision)}`),
    dl([
      [t('notices.posting'), `${label('notice.posting', n.posting)} · ${label('notice.level', n.level)}`],
      [t('field.township'), `${n.township.name} · ${n.village}`],
      [t('field.category'), label('category', n.category)],
      [t('notices.amount'), n.amount === null ? null : t('notices.perMonth', { amount: n.amount })],
      [t('notices.period'), `${date(n.postedAt)} — ${date(n.closesAt)}`],
      [t('notices.result'), n.reviewResult && label('notice.result', n.reviewResult)],
    ]),
    n.acceptsObjections ? [
      h('button', { type: 'button', 'data-object': n.id, onclick: () => { replace(slot, objectionForm(n, slot)); slot.querySelector('textarea')?.focus(); } }, t('notices.object')),
      slot,
    ] : null);
}

export async function noticesPage(): Promise<Node> {
  const list = await get<PublicNoticeList>('/public/notices?pageSize=100');
  return h('section', { class: 'notices-page' },
    h('h1', {}, t('notices.title')),
    h('p', {}, t('notices.intro')),
    list.items.length ? h('ul', { class: 'notices' }, list.items.map(noticeCard)) : h('p', { class: 'empty' }, t('notices.empty')));
}
