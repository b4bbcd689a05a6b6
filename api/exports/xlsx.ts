// XLSX workbooks through exceljs: one worksheet per table, a bold frozen header row, real date cells.
import ExcelJS from 'exceljs';
import type { Cell, Table } from './table';

const CST_OFFSET_MS = 8 * 3600_000;

/** Spreadsheet dates carry no zone: write the China Standard Time wall clock. */
function cell(c: Cell): ExcelJS.CellValue {
  return c instanceof Date ? new Date(c.getTime() + CST_OFFSET_MS) : c;
}

export async function toXlsx(tables: Table[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'jianjian';
  for (const t of tables) {
    const sheet = workbook.addWorksheet(t.title, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = t.columns.map((c, i) => ({ header: c.header, key: String(i), width: c.width ?? 14 }));
    sheet.getRow(1).font = { bold: true };
    for (const r of t.rows) sheet.addRow(r.map(cell));
    t.columns.forEach((_, i) => {
      if (t.rows.some((r) => r[i] instanceof Date)) sheet.getColumn(i + 1).numFmt = 'yyyy-mm-dd hh:mm';
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
