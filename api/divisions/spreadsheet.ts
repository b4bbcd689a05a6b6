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

/** A row's fields by name, each read from the first of its headers (English or Chinese, any case) that the file has. */
export function fieldsOf(row: SheetRow, headers: Record<string, readonly string[]>): Record<string, string> {
  const byHeader = new Map(Object.entries(row.cells).map(([h, v]) => [h.trim().toLowerCase(), v]));
  const out: Record<string, string> = {};
  for (const [field, names] of Object.entries(headers)) {
    const value = names.map((n) => byHeader.get(n)).find((v) => v !== undefined);
    if (value !== undefined) out[field] = value;
  }
  return out;
}

const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/** An import route's file body, documented: the spreadsheet types, and the columns it reads. */
export const spreadsheetBody = (columns: string) => ({
  contentTypes: SPREADSHEET_TYPES,
  description: `an XLSX workbook (its first sheet) or a UTF-8 CSV file; the first row names the columns: ${columns}`,
});

/** An import route's refusals of the file itself. */
export const uploadRefusals = {
  400: { description: 'not a readable spreadsheet, no rows, or another Content-Type' },
  413: { description: `the file is over ${MAX_UPLOAD_BYTES / 1024 / 1024} MB` },
};

/** An uploaded spreadsheet's rows: the request's body, whole (a county's lists are small), read by its Content-Type. */
export async function readUpload(req: AsyncIterable<unknown> & { header(name: string): string | undefined }): Promise<SheetRow[]> {
  const contentType = (req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!(SPREADSHEET_TYPES as readonly string[]).includes(contentType)) {
    throw ApiError.badRequest([{ field: 'Content-Type', message: `must be one of: ${SPREADSHEET_TYPES.join(', ')}` }]);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_UPLOAD_BYTES) throw new ApiError(413, 'too_large', `the file is larger than the limit of ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`);
    chunks.push(chunk as Buffer);
  }
  return readSpreadsheet(Buffer.concat(chunks), contentType);
}
