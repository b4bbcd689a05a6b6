// Pages for petitioners, open without login: the status lookup and the notice board. They read
// the public API (`/public/...`); until a server offers it, they say the service is not open yet.
import { ApiFailure, get } from '../api';
import type { PageContext } from '../app';
import { h, replace } from '../dom';
import { errorSummary, field, onSubmit } from '../forms';
import { dateTime } from '../format';
import { isKey, label, t } from '../i18n';

/** Public answers are shown field by field; ISO dates read as dates, vocabularies by their label. */
function describe(record: Record<string, unknown>): HTMLElement {
  const rows = Object.entries(record).filter(([, v]) => typeof v === 'string' || typeof v === 'number');
  return h('dl', { class: 'facts' }, rows.map(([k, v]) => {
    const text = typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v) ? dateTime(v) : k === 'stage' ? label('stage', String(v)) : String(v);
    return [h('dt', {}, isKey(`field.${k}`) ? label('field', k) : k), h('dd', {}, text)];
  }));
}

/** A 404 without the API's JSON error body: no public API is mounted on this server. */
const unavailable = (e: unknown) => e instanceof ApiFailure && e.status === 404 && e.code === 'http_error';

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
    const caseNo = String(v.caseNo ?? '').toUpperCase();
    const code = String(v.code ?? '').toUpperCase();
    try {
      const found = await get<Record<string, unknown>>(`/public/cases/${encodeURIComponent(caseNo)}?code=${encodeURIComponent(code)}`);
      replace(result, h('section', { class: 'card narrow' }, describe(found)));
    } catch (e) {
      if (!(e instanceof ApiFailure) || (e.status !== 404 && e.status !== 400)) throw e;
      replace(result, h('p', { class: 'notice' }, unavailable(e) ? t('lookup.unavailable') : t('lookup.notFound')));
    }
  });
  return h('div', {}, form, result);
}

export async function noticesPage(): Promise<Node> {
  const heading = h('h1', {}, t('notices.title'));
  try {
    const data = await get<{ items?: Array<Record<string, unknown>> } | Array<Record<string, unknown>>>('/public/notices');
    const items = Array.isArray(data) ? data : data.items ?? [];
    return h('section', {}, heading, items.length
      ? h('ul', { class: 'notices' }, items.map((n) => h('li', { class: 'card' }, describe(n))))
      : h('p', { class: 'empty' }, t('notices.empty')));
  } catch (e) {
    if (!unavailable(e)) throw e;
    return h('section', {}, heading, h('p', { class: 'notice' }, t('notices.unavailable')));
  }
}
