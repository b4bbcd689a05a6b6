// CSV as spreadsheet programs read it: UTF-8 with a byte-order mark (or Chinese headers turn to
// mojibake in Excel), CRLF line ends, RFC 4180 quoting.
import { cstText, type Cell, type Table } from './table';

/**
 * A text cell that starts like a formula is prefixed with an apostrophe, so a petition's subject
 * such as `=HYPERLINK(...)` stays text when the file is opened (CSV injection).
 */
function text(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return cstText(cell);
  if (typeof cell === 'number') return String(cell);
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function quote(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const line = (cells: Cell[]) => cells.map((c) => quote(text(c))).join(',');

/** One table after another, separated by an empty line. */
export function toCsv(tables: Table[]): Buffer {
  const body = tables.map((t) => [line(t.columns.map((c) => c.header)), ...t.rows.map(line)].join('\r\n')).join('\r\n\r\n');
  return Buffer.from(`\uFEFF${body}\r\n`, 'utf8');
}
