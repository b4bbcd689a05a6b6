import { h, svg } from './dom';

export interface Series {
  name: string;
  /** A CSS class of the bars: `neutral`, `late`, `soon`, `supervised`. */
  tone: string;
}

/**
 * A horizontal bar chart in SVG: one bar per row, stacked from one segment per series, the row's
 * total at its end; a legend when there is more than one series.
 */
export function stackedBarChart(title: string, series: Series[], rows: Array<[string, number[]]>): HTMLElement {
  const barH = 22;
  const gap = 6;
  const labelW = 120;
  const width = 520;
  const max = Math.max(1, ...rows.map(([, ns]) => ns.reduce((a, b) => a + b, 0)));
  const scale = (n: number) => ((width - labelW - 40) * n) / max;
  const height = rows.length * (barH + gap) + gap;
  return h('figure', { class: 'chart' },
    h('figcaption', {}, title),
    series.length > 1
      ? h('ul', { class: 'legend' }, series.map((s) => h('li', {}, svg('svg', { width: 12, height: 12, 'aria-hidden': 'true' }, svg('rect', { width: 12, height: 12, class: `bar ${s.tone}` })), ` ${s.name}`)))
      : null,
    svg('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': title },
      rows.map(([name, ns], i) => {
        const y = gap + i * (barH + gap);
        let x = labelW;
        const segments = ns.map((n, k) => {
          const w = n > 0 ? Math.max(2, scale(n)) : 0;
          const rect = svg('rect', { x, y, width: w, height: barH, class: `bar ${series[k]!.tone}`, 'data-series': series[k]!.name },
            svg('title', {}, `${name} · ${series[k]!.name}: ${n}`));
          x += w;
          return rect;
        });
        return svg('g', {},
          svg('text', { x: labelW - 8, y: y + barH * 0.7, 'text-anchor': 'end', class: 'chart-label' }, name),
          segments,
          svg('text', { x: x + 6, y: y + barH * 0.7, class: 'chart-value' }, String(ns.reduce((a, b) => a + b, 0))));
      })));
}

/** A chart of one series. */
export function barChart(title: string, rows: Array<[string, number]>, tone: 'neutral' | 'late' = 'neutral'): HTMLElement {
  return stackedBarChart(title, [{ name: title, tone }], rows.map(([name, n]) => [name, [n]]));
}
