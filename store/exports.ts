/**
 * Export jobs: a search result or customer list written as CSV or XLSX by the job's workflow. The file is stored in
 * chunks beside the job, so whichever API process serves the download finds it; progress moves with every 1,000
 * rows. Every write names the activity attempt that claimed the job, so a superseded attempt writes nothing.
 */
import type { JSONValue } from 'postgres';
import type { ExportKind, ExportStatus } from '../domain/search';
import type { Db, Sql } from './db';

export interface ExportJob {
  id: string;
  kind: ExportKind;
  format: 'csv' | 'xlsx';
  fileName: string;
  status: ExportStatus;
  rowsTotal: number;
  rowsWritten: number;
  truncated: boolean;
  bytes: number;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

interface JobRow {
  id: string;
  kind: ExportKind;
  format: 'csv' | 'xlsx';
  file_name: string;
  status: ExportStatus;
  rows_total: number;
  rows_written: number;
  truncated: boolean;
  bytes: string;
  error: string | null;
  created_at: Date;
  finished_at: Date | null;
}

function toJob(row: JobRow): ExportJob {
  return {
    id: row.id,
    kind: row.kind,
    format: row.format,
    fileName: row.file_name,
    status: row.status,
    rowsTotal: row.rows_total,
    rowsWritten: row.rows_written,
    truncated: row.truncated,
    bytes: Number(row.bytes),
    error: row.error,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
  };
}

const JOB_COLUMNS = 'id, kind, format, file_name, status, rows_total, rows_written, truncated, bytes, error, created_at, finished_at';

export async function insertExportJob(
  sql: Db,
  job: { id: string; orgId: string; agentId: string; kind: ExportKind; format: 'csv' | 'xlsx'; request: JSONValue; fileName: string; rowsTotal: number; truncated: boolean },
): Promise<ExportJob> {
  const [row] = await sql<JobRow[]>`
    insert into export_jobs (id, org_id, agent_id, kind, format, request, file_name, rows_total, truncated)
    values (${job.id}, ${job.orgId}, ${job.agentId}, ${job.kind}, ${job.format}, ${sql.json(job.request)}, ${job.fileName}, ${job.rowsTotal}, ${job.truncated})
    returning ${sql.unsafe(JOB_COLUMNS)}`;
  return toJob(row);
}

/** The job, if the agent started it. */
export async function findExportJob(sql: Db, agentId: string, id: string): Promise<ExportJob | null> {
  const [row] = await sql<JobRow[]>`select ${sql.unsafe(JOB_COLUMNS)} from export_jobs where id = ${id} and agent_id = ${agentId}`;
  return row ? toJob(row) : null;
}

/**
 * Claims a running job for an activity attempt, dropping whatever an earlier attempt wrote; false when the job is
 * finished or a later attempt already holds it.
 */
export async function claimExportJob(sql: Sql, id: string, attempt: number): Promise<boolean> {
  return sql.begin(async (tx) => {
    const claimed = await tx`
      update export_jobs set attempt = ${attempt}, rows_written = 0, bytes = 0
      where id = ${id} and status = 'running' and attempt < ${attempt} returning id`;
    if (claimed.length === 0) return false;
    await tx`delete from export_chunks where job_id = ${id}`;
    return true;
  });
}

/** A write by an attempt that no longer holds its job. */
export class ExportSuperseded extends Error {
  constructor(id: string, attempt: number) {
    super(`export ${id}: attempt ${attempt} was superseded by a later one`);
    this.name = 'ExportSuperseded';
  }
}

export async function recordExportProgress(sql: Db, id: string, attempt: number, rowsWritten: number): Promise<void> {
  await sql`update export_jobs set rows_written = greatest(rows_written, ${rowsWritten}) where id = ${id} and attempt = ${attempt} and status = 'running'`;
}

export async function appendExportChunk(sql: Sql, id: string, attempt: number, seq: number, data: Buffer): Promise<void> {
  await sql.begin(async (tx) => {
    const held = await tx`update export_jobs set bytes = bytes + ${data.length} where id = ${id} and attempt = ${attempt} and status = 'running' returning id`;
    if (held.length === 0) throw new ExportSuperseded(id, attempt);
    await tx`insert into export_chunks (job_id, seq, data) values (${id}, ${seq}, ${data})`;
  });
}

export async function finishExportJob(sql: Db, id: string, attempt: number, rowsWritten: number): Promise<void> {
  const finished = await sql`
    update export_jobs set status = 'done', rows_written = ${rowsWritten}, finished_at = now()
    where id = ${id} and attempt = ${attempt} and status = 'running' returning id`;
  if (finished.length === 0) throw new ExportSuperseded(id, attempt);
}

/** Marks a job that could not be written failed and drops what it had written. */
export async function failExportJob(sql: Sql, id: string, error: string): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`delete from export_chunks where job_id = ${id}`;
    await tx`update export_jobs set status = 'failed', error = ${error}, finished_at = now() where id = ${id} and status = 'running'`;
  });
}

/** The file's chunks in order, read one at a time. */
export async function* exportChunks(sql: Db, id: string): AsyncGenerator<Buffer> {
  const [{ count }] = await sql<{ count: number }[]>`select count(*)::int as count from export_chunks where job_id = ${id}`;
  for (let seq = 0; seq < count; seq++) {
    const [chunk] = await sql<{ data: Buffer }[]>`select data from export_chunks where job_id = ${id} and seq = ${seq}`;
    yield chunk.data;
  }
}

/** Names of the organisation's services, groups, agents and categories by id, so exported rows read as words. */
export async function directoryNames(sql: Db, orgId: string): Promise<Map<string, string>> {
  const rows = await sql<{ id: string; name: string }[]>`
    select id, name from services where org_id = ${orgId}
    union all select g.id, g.name from groups g join services s on s.id = g.service_id where s.org_id = ${orgId}
    union all select id, name from agents where org_id = ${orgId}
    union all select c.id, c.name from categories c join services s on s.id = c.service_id where s.org_id = ${orgId}`;
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** Removes a job whose workflow could not be started. */
export async function deleteExportJob(sql: Db, id: string): Promise<void> {
  await sql`delete from export_jobs where id = ${id}`;
}
