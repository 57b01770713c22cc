/**
 * Export jobs (엑셀 다운로드): the rows of a search or of the customer list stream from keyset-paged reads through
 * infra/tabular's writer into chunks stored beside the job, never the whole file in memory.
 *
 * The job's workflow runs {@link writeExport} as one heartbeating activity. A worker that dies mid-file stops the
 * heartbeat; the retry on another worker claims the job under its own attempt number, which drops the chunks the
 * dead attempt wrote and fences it out, and writes the file again from the first row: a file is never resumed
 * from the middle (an XLSX cannot be), so it always holds every row exactly once.
 */
import { Writable } from 'node:stream';
import { Context, log } from '@temporalio/activity';
import { writeTable, type Column, type TabularFormat } from '../infra/tabular';
import { eachMatchingCustomer, type CustomerReader, type CustomerSearchConditions, type CustomerView } from '../store/customers';
import type { Sql } from '../store/db';
import { appendExportChunk, claimExportJob, directoryNames, failExportJob, finishExportJob, recordExportProgress } from '../store/exports';
import { fieldsOfServices } from '../store/fields';
import { eachMatchingTicket, searchScope, type TicketSearchQuery } from '../store/ticket-search';
import type { TicketView, TicketViewer } from '../store/tickets';
import { customerColumns, ticketColumns, type ExportLanguage } from './export-columns';

const CHUNK_BYTES = 512 * 1024;

/** What an export lists, checked and resolved by the API: whose view, which rows, in which order. */
export type ExportSource =
  | { kind: 'tickets'; viewer: TicketViewer; query: Omit<TicketSearchQuery, 'limit' | 'after'> }
  | { kind: 'customers'; viewer: CustomerReader; query: { serviceId?: string; conditions: CustomerSearchConditions } };

export interface ExportInput {
  jobId: string;
  format: TabularFormat;
  language: ExportLanguage;
  /** The most rows written. */
  cap: number;
  source: ExportSource;
}

const SHEET_NAMES = { tickets: { ko: '티켓', en: 'tickets' }, customers: { ko: '고객', en: 'customers' } } as const;

export const sheetName = (kind: ExportSource['kind'], language: ExportLanguage) => SHEET_NAMES[kind][language];

/** The columns and rows of an export, for a job's file and for a direct download alike. */
export async function exportTable(
  sql: Sql,
  source: ExportSource,
  language: ExportLanguage,
  cap: number,
): Promise<{ columns: Column<TicketView>[]; rows: AsyncIterable<TicketView> } | { columns: Column<CustomerView>[]; rows: AsyncIterable<CustomerView> }> {
  const names = await directoryNames(sql, source.viewer.orgId);
  if (source.kind === 'customers') {
    return { columns: customerColumns(language, names), rows: eachMatchingCustomer(sql, source.viewer, source.query, cap) };
  }
  const fields = await fieldsOfServices(sql, await searchScope(sql, source.viewer, source.query.serviceId));
  return { columns: ticketColumns(language, names, fields), rows: eachMatchingTicket(sql, source.viewer, source.query, cap) };
}

/** A writable that stores what it receives as numbered chunks of the job's file, under the attempt's claim. */
function chunkSink(sql: Sql, jobId: string, attempt: number): Writable {
  let pending: Buffer[] = [];
  let size = 0;
  let seq = 0;
  const flush = async () => {
    if (size === 0) return;
    const data = Buffer.concat(pending, size);
    pending = [];
    size = 0;
    await appendExportChunk(sql, jobId, attempt, seq++, data);
  };
  return new Writable({
    write(chunk: Buffer | string, encoding, callback) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk;
      pending.push(buffer);
      size += buffer.length;
      if (size < CHUNK_BYTES) return callback();
      flush().then(() => callback(), callback);
    },
    final(callback) {
      flush().then(() => callback(), callback);
    },
  });
}

export function exportActivities({ sql }: { sql: Sql }) {
  return {
    /** Writes the job's file from its first row; a job already finished, or claimed by a later attempt, is left alone. */
    async writeExport(input: ExportInput): Promise<void> {
      const { jobId, format, language, cap, source } = input;
      const { attempt } = Context.current().info;
      if (!(await claimExportJob(sql, jobId, attempt))) return;
      const progress = (rows: number) => {
        Context.current().heartbeat(rows);
        recordExportProgress(sql, jobId, attempt, rows).catch((error: unknown) => log.warn('export progress not recorded', { jobId, error: String(error) }));
      };
      const table = await exportTable(sql, source, language, cap);
      const rows = await writeTable(format, table.columns as Column<unknown>[], table.rows, chunkSink(sql, jobId, attempt), {
        sheetName: sheetName(source.kind, language),
        onProgress: progress,
      });
      await finishExportJob(sql, jobId, attempt, rows);
    },

    /** Marks a job whose file could not be written failed, dropping what was written. */
    async failExport(jobId: string): Promise<void> {
      await failExportJob(sql, jobId, 'The export failed; start it again.');
    },
  };
}
