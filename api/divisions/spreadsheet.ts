// Reads an uploaded spreadsheet, XLSX or CSV (UTF-8, as Excel and WPS save it), into rows of text
// under their header, numbered as the spreadsheet numbers them so that a rejected row can be found.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ApiError } from '../http/errors';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_TYPE = 'text/csv';
export const SPREADSHEET_TYPES = [XLSX_TYPE, CSV_TYPE] as const;

export interface SheetRow {
  /** The row's number in the spreadsheet: the header is row 1. */
  row: number;
  /** The row's cells by their header, trimmed; empty cells are left out. */
  cells: Record<string, string>;
}

const BOM = '\ufeff';

/** A cell as text: numbers as typed (a code typed as a number keeps its digits), anything else as shown. */
function cellText(cell: ExcelJS.Cell): string {
  return (typeof cell.value === 'number' ? String(cell.value) : cell.text ?? '').trim();
}

async function worksheet(data: Buffer, contentType: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    if (contentType === XLSX_TYPE) {
      await workbook.xlsx.load(data as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      if (!sheet) throw new Error('no worksheet');
      return sheet;
    }
    const text = data.toString('utf8');
    // Every cell stays text: a code must not turn into a number or a date.
    return await workbook.csv.read(Readable.from([text.startsWith(BOM) ? text.slice(1) : text]), { map: (v: unknown) => v } as never);
  } catch {
    throw ApiError.badRequest([{ field: '(body)', message: `is not a readable ${contentType === XLSX_TYPE ? 'XLSX workbook' : 'CSV file'}` }]);
  }
}

/** The rows under the first row's headers; blank rows are skipped. */
export async function readSpreadsheet(data: Buffer, contentType: string): Promise<SheetRow[]> {
  const sheet = await worksheet(data, contentType);
  const headers: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => { headers[col] = cellText(cell); });
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (r, row) => {
    if (row === 1) return;
    const cells: Record<string, string> = {};
    r.eachCell({ includeEmpty: false }, (cell, col) => {
      const header = headers[col];
      const value = cellText(cell);
      if (header && value) cells[header] = value;
    });
    if (Object.keys(cells).length) rows.push({ row, cells });
  });
  return rows;
}
