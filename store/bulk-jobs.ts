/**
 * Bulk jobs (일괄 처리) and their items: one row per selected ticket, moving once from `pending` to `done` or
 * `refused`. An item never moves twice, so a retried step after a worker died leaves the row one run would have left.
 */
import type { JSONValue } from 'postgres';
import type { BulkAction } from '../domain/bulk';
import type { Db, Sql } from './db';

export interface NewBulkJob {
  id: string;
  orgId: string;
  actorId: string;
  action: BulkAction;
  ticketIds: string[];
  /** Tickets refused before the job starts (e.g. a required field is empty for a resolve), with their codes. */
  refusedUpFront: { ticketId: string; code: string; message: string }[];
}

/** Stores a job and one item per ticket in one transaction. */
export async function insertBulkJob(sql: Sql, job: NewBulkJob): Promise<void> {
  const refused = new Map(job.refusedUpFront.map((refusal) => [refusal.ticketId, refusal]));
  await sql.begin(async (tx) => {
    await tx`
      insert into bulk_jobs (id, org_id, actor_id, action, total)
      values (${job.id}, ${job.orgId}, ${job.actorId}, ${tx.json(job.action as unknown as JSONValue)}, ${job.ticketIds.length})`;
    const rows = job.ticketIds.map((ticketId, position) => {
      const refusal = refused.get(ticketId);
      return {
        job_id: job.id,
        ticket_id: ticketId,
        position,
        status: refusal ? 'refused' : 'pending',
        error_code: refusal?.code ?? null,
        error_message: refusal?.message ?? null,
        finished_at: refusal ? new Date() : null,
      };
    });
    await tx`insert into bulk_job_items ${tx(rows)}`;
  });
}

/** Removes a job whose workflow could not be started, so no job is left pending for ever. */
export async function deleteBulkJob(sql: Sql, id: string): Promise<void> {
  await sql`delete from bulk_jobs where id = ${id}`;
}

/** Whether the item is still waiting for its ticket's answer. */
export async function isBulkItemPending(sql: Db, jobId: string, ticketId: string): Promise<boolean> {
  const [row] = await sql`select 1 from bulk_job_items where job_id = ${jobId} and ticket_id = ${ticketId} and status = 'pending'`;
  return row !== undefined;
}

/** Records a ticket's answer once: a pending item only. */
export async function finishBulkItem(
  sql: Db,
  item: { jobId: string; ticketId: string; refusal: { code: string; message: string } | null },
): Promise<void> {
  await sql`
    update bulk_job_items set
      status = ${item.refusal ? 'refused' : 'done'}, error_code = ${item.refusal?.code ?? null},
      error_message = ${item.refusal?.message ?? null}, finished_at = now()
    where job_id = ${item.jobId} and ticket_id = ${item.ticketId} and status = 'pending'`;
}

export async function markBulkJobFinished(sql: Db, jobId: string): Promise<void> {
  await sql`update bulk_jobs set finished_at = coalesce(finished_at, now()) where id = ${jobId}`;
}

export interface BulkJobProgress {
  id: string;
  actorId: string;
  action: BulkAction;
  total: number;
  done: number;
  refused: number;
  pending: number;
  status: 'running' | 'finished';
  refusals: { ticketId: string; code: string; message: string }[];
  createdAt: string;
  finishedAt: string | null;
}

/** A job of the organisation with its counts and the refused tickets in selection order. */
export async function findBulkJobProgress(sql: Db, orgId: string, id: string): Promise<BulkJobProgress | null> {
  const [job] = await sql<{ id: string; actor_id: string; action: BulkAction; total: number; created_at: Date; finished_at: Date | null }[]>`
    select id, actor_id, action, total, created_at, finished_at from bulk_jobs where id = ${id} and org_id = ${orgId}`;
  if (!job) return null;
  const [counts] = await sql<{ done: number; refused: number; pending: number }[]>`
    select count(*) filter (where status = 'done')::int as done, count(*) filter (where status = 'refused')::int as refused,
      count(*) filter (where status = 'pending')::int as pending
    from bulk_job_items where job_id = ${id}`;
  const refusals = await sql<{ ticket_id: string; error_code: string; error_message: string }[]>`
    select ticket_id, error_code, error_message from bulk_job_items where job_id = ${id} and status = 'refused' order by position`;
  return {
    id: job.id,
    actorId: job.actor_id,
    action: job.action,
    total: job.total,
    ...counts,
    status: job.finished_at ? 'finished' : 'running',
    refusals: refusals.map((row) => ({ ticketId: row.ticket_id, code: row.error_code, message: row.error_message })),
    createdAt: job.created_at.toISOString(),
    finishedAt: job.finished_at?.toISOString() ?? null,
  };
}

export interface BulkTicketRow {
  id: string;
  serviceId: string;
  status: string;
  assigneeId: string | null;
  intakeTypeId: string | null;
  customerFields: Record<string, unknown>;
  agentFields: Record<string, unknown>;
}

/** Of these ids, the live tickets of the organisation (ids of other organisations are simply absent). */
export async function findOrgTicketsForBulk(sql: Db, orgId: string, ids: string[]): Promise<BulkTicketRow[]> {
  const rows = await sql<
    { id: string; service_id: string; status: string; assignee_id: string | null; intake_type_id: string | null; customer_fields: Record<string, unknown>; agent_fields: Record<string, unknown> }[]
  >`
    select t.id, t.service_id, t.status, t.assignee_id, t.intake_type_id, t.customer_fields, t.agent_fields
    from tickets t join services s on s.id = t.service_id
    where t.id = any(${ids}) and s.org_id = ${orgId} and t.deleted_at is null`;
  return rows.map((row) => ({
    id: row.id,
    serviceId: row.service_id,
    status: row.status,
    assigneeId: row.assignee_id,
    intakeTypeId: row.intake_type_id,
    customerFields: row.customer_fields,
    agentFields: row.agent_fields,
  }));
}
