// The managers' overdue board, from GET /api/dashboard: cases due soon, overdue and under supervision
// (督办) by township and stage, charted, with the longest-late cases below and a link to all of them.
import { get } from '../api';
import { stackedBarChart, type Series } from '../chart';
import { h } from '../dom';
import { label, t, type Key } from '../i18n';
import type { CaseList, Dashboard, DashboardRow } from '../types';
import { caseTable } from './case-list';

/** The longest-late cases shown on the board; the overdue list has them all. */
const SHOWN = 10;

const COUNTS = ['dueSoon', 'overdue', 'underSupervision'] as const;
type Count = (typeof COUNTS)[number];
const TONES: Record<Count, string> = { dueSoon: 'soon', overdue: 'late', underSupervision: 'supervised' };
const KEYS: Record<Count, Key> = { dueSoon: 'dashboard.dueSoon', overdue: 'dashboard.overdue', underSupervision: 'dashboard.supervised' };

/** Due soon and overdue never overlap, so they stack; supervision is a later step of overdue and does not. */
const CHARTED: Count[] = ['dueSoon', 'overdue'];

const overdueList = (filters: Record<string, string> = {}) => `#/cases?${new URLSearchParams({ overdue: 'true', ...filters })}`;

/** The rows summed by one key (township or stage), the most overdue first. */
function sumBy(rows: DashboardRow[], key: (r: DashboardRow) => string): Array<[string, number[]]> {
  const sums = new Map<string, number[]>();
  for (const r of rows) {
    const s = sums.get(key(r)) ?? CHARTED.map(() => 0);
    CHARTED.forEach((c, i) => { s[i]! += r[c]; });
    sums.set(key(r), s);
  }
  return [...sums].filter(([, s]) => s.some((n) => n > 0)).sort((a, b) => b[1][1]! - a[1][1]! || b[1][0]! - a[1][0]!);
}

function tiles(board: Dashboard): HTMLElement {
  return h('div', { class: 'tiles' }, COUNTS.map((c) => {
    const body = [h('span', { class: 'n' }, String(board.totals[c])), h('span', {}, t(KEYS[c]))];
    return c === 'overdue'
      ? h('a', { class: `tile ${TONES[c]}`, id: `tile-${c}`, href: overdueList() }, body)
      : h('div', { class: `tile ${TONES[c]}`, id: `tile-${c}` }, body);
  }));
}

/** Every township and stage with something due soon, overdue or supervised; overdue counts open their list. */
function boardTable(rows: DashboardRow[]): HTMLElement {
  return h('table', { class: 'cases board' },
    h('thead', {}, h('tr', {}, h('th', {}, t('field.township')), h('th', {}, t('field.stage')), COUNTS.map((c) => h('th', { class: 'n' }, t(KEYS[c]))))),
    h('tbody', {}, rows.map((r) => h('tr', { 'data-township': r.township.code, 'data-stage': r.stage },
      h('td', {}, r.township.name),
      h('td', {}, label('stage', r.stage)),
      COUNTS.map((c) => h('td', { class: `n ${c}` }, c === 'overdue' && r.overdue > 0
        ? h('a', { href: overdueList({ township: r.township.code, stage: r.stage }) }, String(r.overdue))
        : String(r[c])))))));
}

export async function dashboardPage(): Promise<Node> {
  const [board, overdue] = await Promise.all([
    get<Dashboard>('/api/dashboard'),
    get<CaseList>(`/api/cases?overdue=true&pageSize=${SHOWN}`),
  ]);
  const series: Series[] = CHARTED.map((c) => ({ name: t(KEYS[c]), tone: TONES[c] }));
  return h('section', { class: 'dashboard' },
    h('h1', {}, t('dashboard.title')),
    tiles(board),
    board.rows.length === 0 ? h('p', { class: 'empty' }, t('dashboard.none')) : [
      h('div', { class: 'charts' },
        stackedBarChart(t('dashboard.byTownship'), series, sumBy(board.rows, (r) => r.township.name)),
        stackedBarChart(t('dashboard.byStage'), series, sumBy(board.rows, (r) => label('stage', r.stage)))),
      h('section', { id: 'overdue-list' },
        h('h2', {}, t('dashboard.longestLate')),
        caseTable(overdue.items),
        overdue.total > overdue.items.length
          ? h('p', {}, h('a', { href: overdueList() }, t('dashboard.all', { total: overdue.total })))
          : null),
      h('section', { id: 'board' },
        h('h2', {}, t('dashboard.detail')),
        boardTable(board.rows)),
    ]);
}
