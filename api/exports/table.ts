// A format-neutral table: what a CSV file or a worksheet is written from.
export type Cell = string | number | Date | null;

export interface Column {
  header: string;
  /** Width in characters, for worksheets. */
  width?: number;
}

export interface Table {
  /** The worksheet's name. */
  title: string;
  columns: Column[];
  rows: Cell[][];
}

/** An instant as China Standard Time wall-clock text, the way the county reads dates. */
export function cstText(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}
