// A page of cases: the work queues (awaiting acceptance, re-check…) and the full list with filters.
import { STAGES, KINDS } from '../../../domain/case';
import { get } from '../api';
import type { PageContext } from '../app';
import { h } from '../dom';
import { dateTime, daysSince, dueTime } from '../format';
import { label, t, type Key } from '../i18n';
import { townshipScoped } from '../permissions';
import type { CaseList, CaseSummary } from '../types';
import type { Option } from '../forms';
import { exportButtons } from './exports';
import { townshipOptions } from './townships';

export interface ListSpec {
  title: Key;
  /** Fixed filters of a queue; the full list lets the user choose them. */
  fixed?: Record<string, string>;
  /** Stage, kind and overdue filters besides the search box every list has. */
  filters?: boolean;
}

const PAGE_SIZE = 20;

export function stageBadge(c: Pick<CaseSummary, 'stage' | 'overdue'>): Node[] {
  return [
    h('span', { class: `badge stage-${c.stage}` }, label('stage', c.stage)),
    c.overdue ? h('span', { class: 'badge overdue' }, t('case.overdue')) : null,
  ].filter((n): n is HTMLSpanElement => n !== null);
}

/** The nearest due time of the case's running clocks (the stage's own when none runs), and how late it is. */
function dueCell(c: CaseSummary): HTMLElement {
  const due = c.dueAt ?? c.stageDueAt;
  return h('td', { class: c.overdue ? 'due late' : 'due' }, dueTime(due, c.dueProvisional),
    c.overdue && due ? h('span', { class: 'days-late' }, t('case.daysLate', { n: daysSince(due) })) : null);
}

export function caseTable(items: CaseSummary[], showTownship = true): HTMLElement {
  if (items.length === 0) return h('p', { class: 'empty' }, t('common.empty'));
  return h('table', { class: 'cases' },
    h('thead', {}, h('tr', {},
      h('th', {}, t('field.caseNo')), h('th', {}, t('field.subject')), showTownship ? h('th', {}, t('field.township')) : null,
      h('th', {}, t('field.kind')), h('th', {}, t('field.petitioner')), h('th', {}, t('field.stage')),
      h('th', {}, t('field.receivedAt')), h('th', {}, t('list.due')))),
    h('tbody', {}, items.map((c) => h('tr', { class: c.overdue ? 'late' : undefined },
      h('td', {}, h('a', { href: `#/cases/${c.id}` }, c.caseNo)),
      h('td', { class: 'subject' }, c.subject),
      showTownship ? h('td', {}, c.township.name) : null,
      h('td', {}, label('kind', c.kind)),
      h('td', {}, c.petitionerName ?? '—'),
      h('td', {}, stageBadge(c)),
      h('td', {}, dateTime(c.receivedAt)),
      dueCell(c)))));
}

/** `towns`: the township filter's choices, for users who see more than one township. */
function filterForm(query: URLSearchParams, path: string, full: boolean, towns?: Option[]): HTMLElement {
  const select = (name: string, options: Option[]) =>
    h('label', {}, t(`field.${name}` as Key), ' ',
      h('select', { name }, h('option', { value: '' }, t('common.all')),
        options.map((o) => h('option', { value: o.value, selected: query.get(name) === o.value }, o.text))));
  const vocabulary = (values: readonly string[], group: string): Option[] => values.map((v) => ({ value: v, text: label(group, v) }));
  const form = h('form', { class: 'filters', role: 'search' },
    full ? [select('stage', vocabulary(STAGES, 'stage')), select('kind', vocabulary(KINDS, 'kind')), towns ? select('township', towns) : null] : null,
    h('label', {}, t('list.q'), ' ', h('input', { name: 'q', value: query.get('q') ?? '', maxlength: 100 })),
    full ? h('label', { class: 'checkbox' }, h('input', { type: 'checkbox', name: 'overdue', value: 'true', checked: query.get('overdue') === 'true' }), ` ${t('list.overdueOnly')}`) : null,
    h('button', { type: 'submit' }, t('common.search')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (typeof v === 'string' && v.trim()) next.set(k, v.trim());
    location.hash = `#${path}?${next}`;
  });
  return form;
}

export function caseListPage(spec: ListSpec) {
  return async ({ query, user }: PageContext): Promise<Node> => {
    const path = location.hash.replace(/^#/, '').split('?')[0]!;
    const page = Math.max(1, Number(query.get('page') ?? 1) || 1);
    const params = new URLSearchParams({ pageSize: String(PAGE_SIZE), page: String(page), ...(spec.fixed ?? {}) });
    for (const k of spec.filters ? ['stage', 'kind', 'township', 'q', 'overdue'] : ['q']) if (query.get(k)) params.set(k, query.get(k)!);
    const [list, towns] = await Promise.all([
      get<CaseList>(`/api/cases?${params}`),
      spec.filters && !townshipScoped(user) ? townshipOptions() : undefined,
    ]);
    const pages = Math.max(1, Math.ceil(list.total / PAGE_SIZE));
    const pageLink = (n: number, key: Key) => {
      const q = new URLSearchParams(query);
      q.set('page', String(n));
      return n < 1 || n > pages ? h('span', { class: 'disabled' }, t(key)) : h('a', { href: `#${path}?${q}` }, t(key));
    };
    return h('section', {},
      h('h1', {}, t(spec.title)),
      filterForm(query, path, spec.filters === true, towns),
      exportButtons('cases', params),
      caseTable(list.items, !townshipScoped(user)),
      h('nav', { class: 'pager', 'aria-label': t('nav.pages') },
        pageLink(page - 1, 'common.prev'), h('span', {}, t('common.page', { page, pages, total: list.total })), pageLink(page + 1, 'common.next')));
  };
}
