/**
 * Runs an export job in the background of the API process that started it: rows stream from keyset-paged reads
 * through infra/tabular's writer into chunks stored beside the job (never the whole file in memory), progress
 * moves with every 1,000 rows, and a failure marks the job failed with what it had written dropped.
 */
import { Writable } from 'node:stream';
import type { Logger } from 'pino';
import { writeTable, type Column, type TabularFormat } from '../../../infra/tabular';
import type { Sql } from '../../../store/db';
import { appendExportChunk, failExportJob, finishExportJob, recordExportProgress } from '../../../store/exports';

const CHUNK_BYTES = 512 * 1024;

/** A writable that stores what it receives as numbered chunks of the job's file. */
function chunkSink(sql: Sql, jobId: string): Writable {
  let pending: Buffer[] = [];
  let size = 0;
  let seq = 0;
  const flush = async () => {
    if (size === 0) return;
    const data = Buffer.concat(pending, size);
    pending = [];
    size = 0;
    await appendExportChunk(sql, jobId, seq++, data);
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

export interface ExportRun<Row> {
  jobId: string;
  format: TabularFormat;
  sheetName: string;
  columns: Column<Row>[];
  rows: AsyncIterable<Row>;
}

/** Starts the job and returns at once; the returned promise settles when it is done (tests and shutdown may wait). */
export function runExport<Row>(deps: { sql: Sql; log: Logger }, run: ExportRun<Row>): Promise<void> {
  const { sql, log } = deps;
  const progress = (rows: number) => {
    recordExportProgress(sql, run.jobId, rows).catch((error: unknown) => log.warn({ err: error, jobId: run.jobId }, 'export progress not recorded'));
  };
  return (async () => {
    try {
      const rows = await writeTable(run.format, run.columns, run.rows, chunkSink(sql, run.jobId), { sheetName: run.sheetName, onProgress: progress });
      await finishExportJob(sql, run.jobId, rows);
    } catch (error) {
      log.error({ err: error, jobId: run.jobId }, 'export failed');
      await failExportJob(sql, run.jobId, 'The export failed; start it again.').catch((failure: unknown) =>
        log.error({ err: failure, jobId: run.jobId }, 'export failure not recorded'),
      );
    }
  })();
}
