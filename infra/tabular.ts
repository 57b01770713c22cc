/**
 * Tables for spreadsheets: CSV (UTF-8 with a byte-order mark, so Excel shows Korean) and XLSX (exceljs's streaming
 * writer, so 100,000 rows never sit in memory as a workbook). Rows arrive as an (async) iterable and leave as a web
 * `ReadableStream` a Hono handler can return as is, or through `writeTable` into any Node stream (a file for a job).
 */
import { PassThrough, Readable, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';

export const TABULAR_FORMATS = ['csv', 'xlsx'] as const;
export type TabularFormat = (typeof TABULAR_FORMATS)[number];

export type Cell = string | number | boolean | Date | null | undefined;

export interface Column<Row> {
  header: string;
  value: (row: Row) => Cell;
  /** XLSX column width in characters; CSV ignores it. */
  width?: number;
}

export interface TableOptions {
  /** Worksheet name for XLSX (Excel allows at most 31 characters). */
  sheetName?: string;
  /** Called after every 1,000 rows and once at the end, for a job's progress. */
  onProgress?: (rowsWritten: number) => void;
}

const CONTENT_TYPES: Record<TabularFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const PROGRESS_EVERY = 1_000;

/** Headers for a download named `<baseName>.<format>`; the name may hold Korean (RFC 6266 `filename*`). */
export function tableHeaders(format: TabularFormat, baseName: string): Record<string, string> {
  const fileName = `${baseName}.${format}`;
  const asciiName = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return {
    'content-type': CONTENT_TYPES[format],
    'content-disposition': `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    'cache-control': 'no-store',
  };
}

/** The table as a web stream; errors from the rows reach the reader as a stream error. */
export function tableStream<Row>(
  format: TabularFormat,
  columns: readonly Column<Row>[],
  rows: Iterable<Row> | AsyncIterable<Row>,
  options: TableOptions = {},
): ReadableStream<Uint8Array> {
  const through = new PassThrough();
  writeTable(format, columns, rows, through, options).catch((error: unknown) => through.destroy(error as Error));
  return Readable.toWeb(through) as ReadableStream<Uint8Array>;
}

/** Writes the table into `out` and ends it; resolves with the number of data rows once everything is flushed. */
export async function writeTable<Row>(
  format: TabularFormat,
  columns: readonly Column<Row>[],
  rows: Iterable<Row> | AsyncIterable<Row>,
  out: Writable,
  options: TableOptions = {},
): Promise<number> {
  return format === 'csv' ? writeCsv(columns, rows, out, options) : writeXlsx(columns, rows, out, options);
}

async function writeCsv<Row>(
  columns: readonly Column<Row>[],
  rows: Iterable<Row> | AsyncIterable<Row>,
  out: Writable,
  options: TableOptions,
): Promise<number> {
  const done = finished(out);
  await write(out, '\ufeff' + csvLine(columns.map((column) => column.header)));
  let count = 0;
  for await (const row of rows) {
    await write(out, csvLine(columns.map((column) => column.value(row))));
    count = progressed(count, options);
  }
  options.onProgress?.(count);
  out.end();
  await done;
  return count;
}

async function writeXlsx<Row>(
  columns: readonly Column<Row>[],
  rows: Iterable<Row> | AsyncIterable<Row>,
  out: Writable,
  options: TableOptions,
): Promise<number> {
  const done = finished(out);
  // Shared strings would keep every distinct text in memory until the end; inline strings stream.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet(sheetName(options.sheetName), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({ header: column.header, width: column.width ?? 18 }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let count = 0;
  for await (const row of rows) {
    sheet.addRow(columns.map((column) => xlsxCell(column.value(row)))).commit();
    count = progressed(count, options);
  }
  options.onProgress?.(count);
  sheet.commit();
  await workbook.commit();
  await done;
  return count;
}

function progressed(count: number, options: TableOptions): number {
  const next = count + 1;
  if (next % PROGRESS_EVERY === 0) options.onProgress?.(next);
  return next;
}

function write(out: Writable, chunk: string): Promise<void> {
  // Respect back-pressure so a slow client never makes the export buffer the whole table.
  return out.write(chunk) ? Promise.resolve() : new Promise((resolve) => out.once('drain', resolve));
}

function csvLine(cells: readonly Cell[]): string {
  return cells.map(csvCell).join(',') + '\r\n';
}

function csvCell(cell: Cell): string {
  const text = typeof cell === 'string' ? neutralised(cell) : cellText(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function xlsxCell(cell: Cell): string | number | boolean | Date | null {
  if (cell === undefined || cell === null) return null;
  return typeof cell === 'string' ? neutralised(cell) : cell;
}

function cellText(cell: Cell): string {
  if (cell === undefined || cell === null) return '';
  if (cell instanceof Date) return cell.toISOString();
  return String(cell);
}

/**
 * A customer can type `=HYPERLINK(…)` into a subject; a spreadsheet would run it as a formula (CSV injection).
 * A leading apostrophe keeps it text, as OWASP advises.
 */
function neutralised(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function sheetName(name: string | undefined): string {
  const cleaned = (name ?? 'Sheet1').replace(/[\\/?*[\]:]/g, ' ').trim();
  return cleaned.slice(0, 31) || 'Sheet1';
}
