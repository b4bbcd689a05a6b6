// The managers' overdue board: the overdue cases, longest-late first, counted by township and by
// stage in two bar charts.
import { get } from '../api';
import { h, svg } from '../dom';
import { label, t } from '../i18n';
import type { CaseList, CaseSummary } from '../types';
import { caseTable } from './case-list';

const SAMPLE = 100;

function countBy(items: CaseSummary[], key: (c: CaseSummary) => string): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const c of items) counts.set(key(c), (counts.get(key(c)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** A horizontal bar chart in SVG: one bar per row, the count at its end. */
export function barChart(title: string, rows: Array<[string, number]>): HTMLElement {
  const barH = 22;
  const gap = 6;
  const labelW = 120;
  const width = 520;
  const max = Math.max(1, ...rows.map(([, n]) => n));
  const height = rows.length * (barH + gap) + gap;
  return h('figure', { class: 'chart' },
    h('figcaption', {}, title),
    svg('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': title },
      rows.map(([name, n], i) => {
        const y = gap + i * (barH + gap);
        const w = Math.max(2, ((width - labelW - 40) * n) / max);
        return svg('g', {},
          svg('text', { x: labelW - 8, y: y + barH * 0.7, 'text-anchor': 'end', class: 'chart-label' }, name),
          svg('rect', { x: labelW, y, width: w, height: barH, rx: 3, class: 'bar' }),
          svg('text', { x: labelW + w + 6, y: y + barH * 0.7, class: 'chart-value' }, String(n)));
      })));
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
        barChart(t('dashboard.byTownship'), countBy(items, (c) => c.township.name)),
        barChart(t('dashboard.byStage'), countBy(items, (c) => label('stage', c.stage)))),
      h('h2', {}, t('dashboard.overdue')),
      caseTable(items),
    ]);
}
