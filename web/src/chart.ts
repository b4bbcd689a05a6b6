import { h, svg } from './dom';

/** A horizontal bar chart in SVG: one bar per row, the count at its end. */
export function barChart(title: string, rows: Array<[string, number]>, tone: 'neutral' | 'late' = 'neutral'): HTMLElement {
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
          svg('rect', { x: labelW, y, width: w, height: barH, rx: 3, class: `bar ${tone}` }),
          svg('text', { x: labelW + w + 6, y: y + barH * 0.7, class: 'chart-value' }, String(n)));
      })));
}
