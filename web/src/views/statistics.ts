// Statistics for managers and reviewers (township users see their own township's): counts by each
// vocabulary, the rates managers are judged on, and days per stage, over any date range.
import { ApiFailure, get } from '../api';
import type { PageContext } from '../app';
import { barChart } from '../chart';
import { h } from '../dom';
import { errorSummary, field, onSubmit, showErrors, type Option } from '../forms';
import { isKey, label, t, type Key } from '../i18n';
import { townshipScoped } from '../permissions';
import type { Statistics } from '../types';
import { exportButtons } from './exports';
import { townshipOptions } from './townships';

const FILTERS = ['from', 'to', 'basis', 'township'] as const;

type Count = { key: string | null; label: string; count: number };

// Each count's vocabulary, for labels in the console's language; the server's label otherwise.
const CHARTS: Array<[keyof Statistics['counts'], Key, string | null]> = [
  ['kind', 'stats.byKind', 'kind'],
  ['channel', 'stats.byChannel', 'channel'],
  ['sourceLevel', 'stats.bySourceLevel', 'sourceLevel'],
  ['category', 'stats.byCategory', 'category'],
  ['stage', 'stats.byStage', 'stage'],
  ['outcome', 'stats.byOutcome', 'outcome'],
  ['satisfaction', 'stats.bySatisfaction', 'satisfaction'],
  ['township', 'stats.byTownship', null],
];

const rowsOf = (counts: Count[], group: string | null): Array<[string, number]> => counts
  .filter((c) => c.count > 0)
  .map((c) => [group && c.key && isKey(`${group}.${c.key}`) ? label(group, c.key) : c.label, c.count]);

function rateTile(key: Key, r: Statistics['rates']['onTimeClosure'], id: string): HTMLElement {
  return h('div', { class: 'tile', id },
    h('span', { class: 'n' }, r.rate === null ? '—' : `${(r.rate * 100).toFixed(1)}%`),
    h('span', {}, t(key)),
    h('span', { class: 'hint' }, t('stats.ratio', { numerator: r.numerator, denominator: r.denominator })));
}

async function filterForm(query: URLSearchParams, scoped: boolean): Promise<HTMLFormElement> {
  const basis: Option[] = ['received', 'closed'].map((b) => ({ value: b, text: t(`stats.basis.${b}` as Key) }));
  const form = h('form', { class: 'card', id: 'statistics-form' },
    errorSummary(),
    h('div', { class: 'grid' },
      field({ name: 'from', label: t('stats.from'), type: 'date', value: query.get('from') ?? '' }, 'stats'),
      field({ name: 'to', label: t('stats.to'), type: 'date', value: query.get('to') ?? '' }, 'stats'),
      field({ name: 'basis', label: t('stats.basis'), type: 'select', options: basis, value: query.get('basis') ?? 'received' }, 'stats'),
      scoped ? null : field({ name: 'township', label: t('field.township'), type: 'select', value: query.get('township') ?? '', options: [{ value: '', text: t('common.all') }, ...await townshipOptions()] }, 'stats')),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary' }, t('common.search'))));
  onSubmit(form, async (v) => {
    const next = new URLSearchParams(Object.entries(v).map(([k, x]) => [k, String(x)]));
    location.hash = `#/statistics?${next}`;
  });
  return form;
}

export async function statisticsPage({ query, user }: PageContext): Promise<Node> {
  const params = new URLSearchParams();
  for (const k of FILTERS) if (query.get(k)) params.set(k, query.get(k)!);
  const form = await filterForm(query, townshipScoped(user));
  const heading = h('h1', {}, t('stats.title'));
  let s: Statistics;
  try {
    s = await get<Statistics>(`/api/statistics?${params}`);
  } catch (e) {
    if (!(e instanceof ApiFailure) || e.status !== 400) throw e;
    // The query's field errors (`query.from`…) belong to the filter's inputs.
    queueMicrotask(() => showErrors(form, t('common.formErrors'), e.fields.map((f) => ({ ...f, field: f.field.replace(/^query\./, '') }))));
    return h('section', {}, heading, form);
  }
  return h('section', { class: 'statistics' },
    heading,
    form,
    exportButtons('statistics', params),
    h('div', { class: 'tiles' },
      h('div', { class: 'tile', id: 'stats-total' }, h('span', { class: 'n' }, String(s.total)), h('span', {}, t('stats.total'))),
      h('div', { class: 'tile late', id: 'stats-overdue' }, h('span', { class: 'n' }, String(s.overdue)), h('span', {}, t('dashboard.overdue'))),
      h('div', { class: 'tile late', id: 'stats-supervised' }, h('span', { class: 'n' }, String(s.supervised)), h('span', {}, t('dashboard.supervised'))),
      h('div', { class: 'tile', id: 'stats-cadres' }, h('span', { class: 'n' }, String(s.cadres.concerning)), h('span', {}, t('stats.cadres'))),
      h('div', { class: 'tile', id: 'stats-cadre-accusations' }, h('span', { class: 'n' }, String(s.cadres.accusations)), h('span', {}, t('stats.cadreAccusations'))),
      rateTile('stats.onTimeClosure', s.rates.onTimeClosure, 'stats-on-time'),
      rateTile('stats.reply', s.rates.reply, 'stats-reply'),
      rateTile('stats.satisfaction', s.rates.satisfaction, 'stats-satisfaction')),
    h('div', { class: 'charts' }, CHARTS
      .map(([key, title, group]) => [title, rowsOf(s.counts[key] as Count[], group)] as const)
      .filter(([, rows]) => rows.length > 0)
      .map(([title, rows]) => barChart(t(title), rows))),
    h('section', { class: 'card' },
      h('h2', {}, t('stats.stageDays')),
      h('table', { class: 'cases' },
        h('thead', {}, h('tr', {}, h('th', {}, t('field.stage')), h('th', {}, t('stats.spans')), h('th', {}, t('stats.average')), h('th', {}, t('stats.p90')))),
        h('tbody', {}, s.stageDays.map((d) => h('tr', {},
          h('td', {}, isKey(`stage.${d.stage}`) ? label('stage', d.stage) : d.label),
          h('td', {}, String(d.spans)),
          h('td', {}, d.averageDays?.toFixed(1) ?? '—'),
          h('td', {}, d.p90Days?.toFixed(1) ?? '—')))))));
}
