// The weekly report as a self-contained HTML page (inline styles, for mail clients) and as plain text.
// Subjects are petitioners' words: everything interpolated is escaped.
import { STAGE_LABELS, labelOf } from '../domain/labels';
import { cstDate } from '../domain/report-week';
import type { Count, Rate } from './compute';
import type { WeeklyReportContent } from './weekly-report';

const escape = (s: string | number) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const percent = (r: Rate) => (r.rate === null ? '—' : `${(r.rate * 100).toFixed(1)}%（${r.numerator}/${r.denominator}）`);

const CELL = 'border:1px solid #ccc;padding:4px 8px;text-align:left';

function table(headers: string[], rows: Array<Array<string | number>>): string {
  if (rows.length === 0) return '<p>无</p>';
  const head = headers.map((h) => `<th style="${CELL};background:#f3f3f3">${escape(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td style="${CELL}">${escape(c)}</td>`).join('')}</tr>`).join('');
  return `<table style="border-collapse:collapse;margin:8px 0">${`<tr>${head}</tr>`}${body}</table>`;
}

const countRows = (counts: Count[]) => counts.filter((c) => c.count > 0).map((c) => [c.label, c.count]);

export function reportTitle(r: WeeklyReportContent): string {
  return `信访工作周报（${r.week.label}）`;
}

function rateRows(r: WeeklyReportContent) {
  return [
    ['按期办结率', percent(r.closed.rates.onTimeClosure)],
    ['答复率', percent(r.closed.rates.reply)],
    ['满意率', percent(r.closed.rates.satisfaction)],
  ];
}

const longRows = (r: WeeklyReportContent) => r.longestRunning.map((c) => [
  c.caseNo, c.subject, c.township, labelOf(STAGE_LABELS, c.stage), cstDate(new Date(c.receivedAt)), c.days, c.overdue ? '是' : '否',
]);

export function renderReportHtml(r: WeeklyReportContent): string {
  const h2 = (s: string) => `<h2 style="font-size:16px;margin:16px 0 4px">${escape(s)}</h2>`;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(reportTitle(r))}</title></head>
<body style="font-family:sans-serif;font-size:14px;color:#222">
<h1 style="font-size:20px">${escape(reportTitle(r))}</h1>
<p>生成时间：${escape(cstDate(new Date(r.generatedAt)))}。本周新收 ${r.received.total} 件，办结 ${r.closed.total} 件，当前超期 ${r.overdueTotal} 件。</p>
${h2('一、本周新收信访件')}${table(['信访类型', '件数'], countRows(r.received.byKind))}
${table(['交办机关', '件数'], r.received.bySource.map((s) => [s.label, s.count]))}
${h2('二、本周办结情况')}${table(['办理结果', '件数'], countRows(r.closed.byOutcome))}
${table(['指标', '本周办结件'], rateRows(r))}
${h2('三、各乡镇超期件')}${table(['乡镇', '超期件数'], r.overdueByTownship.map((t) => [t.name, t.overdue]))}
${h2('四、办理时间最长的在办件')}${table(['案件编号', '事由', '乡镇', '办理阶段', '收件日期', '已历天数', '是否超期'], longRows(r))}
</body></html>`;
}

/** The same report as plain text, for mail clients that show no HTML. */
export function renderReportText(r: WeeklyReportContent): string {
  const lines = (rows: Array<Array<string | number>>) => rows.map((x) => `  ${x.join('  ')}`);
  return [
    reportTitle(r),
    `本周新收 ${r.received.total} 件，办结 ${r.closed.total} 件，当前超期 ${r.overdueTotal} 件。`,
    '一、本周新收信访件', ...lines(countRows(r.received.byKind)),
    '二、本周办结情况', ...lines(countRows(r.closed.byOutcome)), ...lines(rateRows(r)),
    '三、各乡镇超期件', ...lines(r.overdueByTownship.map((t) => [t.name, t.overdue])),
    '四、办理时间最长的在办件', ...lines(longRows(r)),
  ].join('\n');
}
