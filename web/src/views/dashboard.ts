// The managers' overdue board: the overdue cases, longest-late first, counted by township and by
// stage in two bar charts.
import { get } from '../api';
import { barChart } from '../chart';
import { h } from '../dom';
import { label, t } from '../i18n';
import type { CaseList, CaseSummary } from '../types';
import { caseTable } from './case-list';

const SAMPLE = 100;

function countBy(items: CaseSummary[], key: (c: CaseSummary) => string): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const c of items) counts.set(key(c), (counts.get(key(c)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

export async function dashboardPage(): Promise<Node> {
  const overdue = await get<CaseList>(`/api/cases?overdue=true&pageSize=${SAMPLE}`);
  const items = overdue.items;
  return h('section', { class: 'dashboard' },
    h('h1', {}, t('dashboard.title')),
    h('div', { class: 'tiles' },
      h('div', { class: 'tile late', id: 'overdue-total' }, h('span', { class: 'n' }, String(overdue.total)), h('span', {}, t('dashboard.overdue')))),
    items.length === 0 ? h('p', { class: 'empty' }, t('dashboard.none')) : [
      overdue.total > items.length ? h('p', { class: 'hint' }, t('dashboard.partial', { n: items.length, total: overdue.total })) : null,
      h('div', { class: 'charts' },
        barChart(t('dashboard.byTownship'), countBy(items, (c) => c.township.name), 'late'),
        barChart(t('dashboard.byStage'), countBy(items, (c) => label('stage', c.stage)), 'late')),
      h('h2', {}, t('dashboard.overdue')),
      caseTable(items),
    ]);
}
