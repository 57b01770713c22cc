/**
 * What the operator console reads from and writes to PostgreSQL: the deliveries (trigger side effects and
 * customer emails) of tickets, the failed ones above all, reopening a failed one for another attempt, and the
 * audit rows of operators' actions.
 */
import type { DeliveryRef } from '../domain/workflow-kinds';
import { writeAudit, type AuditEntry } from './audit';
import type { Db, Sql } from './db';

export type DeliveryStatus = 'pending' | 'sent' | 'skipped' | 'failed';

/** One delivery of a ticket, as the console shows it. */
export interface DeliveryRow {
  ticketId: string;
  ref: DeliveryRef;
  /** `notifyEmail`, `forwardEmail`, `callbackUrl`, `doorayNotify`, or `customerEmail` for a reply mailed to the customer. */
  type: string;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  updatedAt: string | null;
}

type Row = {
  ticket_id: string;
  kind: 'side_effect' | 'customer_reply';
  evaluation: number | null;
  index: number | null;
  seq: number | null;
  type: string;
  status: DeliveryStatus;
  attempts: number;
  last_error: string | null;
  updated_at: Date | null;
};

function toDelivery(row: Row): DeliveryRow {
  return {
    ticketId: row.ticket_id,
    ref: row.kind === 'side_effect' ? { kind: 'side_effect', evaluation: row.evaluation!, index: row.index! } : { kind: 'customer_reply', seq: row.seq! },
    type: row.type,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    updatedAt: row.updated_at?.toISOString() ?? null,
  };
}

/** Which tickets' deliveries to read: of the organisation, narrowed to a service, a customer or some tickets. */
export interface DeliveryScope {
  orgId: string;
  serviceId?: string;
  customerId?: string;
  ticketIds?: string[];
}

function scopeCondition(sql: Db, alias: string, scope: DeliveryScope) {
  return sql`
    ${sql(alias)}.ticket_id in (
      select t.id from tickets t join services s on s.id = t.service_id
      where s.org_id = ${scope.orgId} and t.deleted_at is null
        ${scope.serviceId ? sql`and t.service_id = ${scope.serviceId}` : sql``}
        ${scope.customerId ? sql`and t.customer_id = ${scope.customerId}` : sql``}
        ${scope.ticketIds ? sql`and t.id = any(${scope.ticketIds})` : sql``})`;
}

/** The failed deliveries in scope, most recently failed first (both scans use the partial `*_failed` indexes). */
export async function listFailedDeliveries(sql: Db, scope: DeliveryScope, limit: number): Promise<DeliveryRow[]> {
  const rows = await sql<Row[]>`
    (select e.ticket_id, 'side_effect' as kind, e.evaluation, e.index, null::int as seq, e.result->>'type' as type,
        e.status, e.attempts, e.last_error, e.updated_at
      from trigger_side_effects e
      where e.status = 'failed' and ${scopeCondition(sql, 'e', scope)}
      order by e.updated_at desc limit ${limit})
    union all
    (select m.ticket_id, 'customer_reply', null, null, m.seq, 'customerEmail', m.email_status, m.email_attempts, m.email_error,
        m.email_updated_at
      from ticket_messages m
      where m.email_status = 'failed' and ${scopeCondition(sql, 'm', scope)}
      order by m.email_updated_at desc nulls last limit ${limit})
    order by updated_at desc nulls last
    limit ${limit}`;
  return rows.map(toDelivery);
}

/** Every delivery of one ticket, trigger side effects in evaluation order, then customer emails. */
export async function listTicketDeliveries(sql: Db, ticketId: string): Promise<DeliveryRow[]> {
  const rows = await sql<Row[]>`
    select ticket_id, 'side_effect' as kind, evaluation, index, null::int as seq, result->>'type' as type, status, attempts,
      last_error, updated_at
    from trigger_side_effects where ticket_id = ${ticketId}
    union all
    select ticket_id, 'customer_reply', null, null, seq, 'customerEmail', email_status, email_attempts, email_error, email_updated_at
    from ticket_messages where ticket_id = ${ticketId} and email_status is not null
    order by kind desc, evaluation, index, seq`;
  return rows.map(toDelivery);
}

/** One delivery of a ticket, or null. */
export async function findDelivery(sql: Db, ticketId: string, ref: DeliveryRef): Promise<DeliveryRow | null> {
  const all = await listTicketDeliveries(sql, ticketId);
  return (
    all.find((row) =>
      ref.kind === 'side_effect'
        ? row.ref.kind === 'side_effect' && row.ref.evaluation === ref.evaluation && row.ref.index === ref.index
        : row.ref.kind === 'customer_reply' && row.ref.seq === ref.seq,
    ) ?? null
  );
}

/**
 * Puts a failed delivery back to pending for one more attempt, keeping its idempotency key; false when it is not
 * failed (delivered meanwhile, or already reopened), so two operators retrying at once send it once.
 */
export async function reopenFailedDelivery(sql: Sql, ticketId: string, ref: DeliveryRef): Promise<boolean> {
  const rows =
    ref.kind === 'side_effect'
      ? await sql`
          update trigger_side_effects set status = 'pending', updated_at = now()
          where ticket_id = ${ticketId} and evaluation = ${ref.evaluation} and index = ${ref.index} and status = 'failed'
          returning 1`
      : await sql`
          update ticket_messages set email_status = 'pending', email_updated_at = now()
          where ticket_id = ${ticketId} and seq = ${ref.seq} and email_status = 'failed'
          returning 1`;
  return rows.length === 1;
}

/** How many deliveries of the organisation were given up as failed since `since`. */
export async function countFailedDeliveriesSince(sql: Db, orgId: string, since: Date): Promise<number> {
  const [row] = await sql<{ count: number }[]>`
    select
      (select count(*) from trigger_side_effects e
        where e.status = 'failed' and e.updated_at >= ${since} and ${scopeCondition(sql, 'e', { orgId })})::int
      + (select count(*) from ticket_messages m
        where m.email_status = 'failed' and m.email_updated_at >= ${since} and ${scopeCondition(sql, 'm', { orgId })})::int
      as count`;
  return row.count;
}

/** Deliveries of every organisation by type and status, for the metrics endpoint. */
export async function countDeliveries(sql: Db): Promise<{ type: string; status: DeliveryStatus; count: number }[]> {
  return sql<{ type: string; status: DeliveryStatus; count: number }[]>`
    select result->>'type' as type, status, count(*)::int as count from trigger_side_effects group by 1, 2
    union all
    select 'customerEmail', email_status, count(*)::int from ticket_messages where email_status is not null group by 2
    order by 1, 2`;
}

/** The ids of the customer's tickets, newest first, for filtering workflows by customer. */
export async function ticketIdsOfCustomer(sql: Db, orgId: string, customerId: string, limit: number): Promise<string[]> {
  const rows = await sql<{ id: string }[]>`
    select t.id from tickets t join services s on s.id = t.service_id
    where s.org_id = ${orgId} and t.customer_id = ${customerId} and t.deleted_at is null
    order by t.created_at desc limit ${limit}`;
  return rows.map((row) => row.id);
}

/** Records an operator's action in the audit log (`operations.<action>`), reason included. */
export async function recordOperatorAction(sql: Sql, entry: AuditEntry): Promise<void> {
  await sql.begin((tx) => writeAudit(tx, entry));
}

/** The operator actions taken on a workflow, newest first. */
export async function listOperatorActions(
  sql: Db,
  workflowId: string,
  limit: number,
): Promise<{ actorId: string | null; action: string; details: Record<string, unknown>; at: string }[]> {
  const rows = await sql<{ actor_id: string | null; action: string; details: Record<string, unknown>; at: Date }[]>`
    select actor_id, action, details, at from audit_log
    where target = ${workflowId} and action like 'operations.%'
    order by id desc limit ${limit}`;
  return rows.map((row) => ({ actorId: row.actor_id, action: row.action, details: row.details, at: row.at.toISOString() }));
}

/** What the console shows of the business object behind a workflow: a ticket, a callback request, a bulk job. */
export interface BusinessSummary {
  id: string;
  serviceId: string | null;
  serviceName: string | null;
  subject: string;
  status: string;
  assignee: { id: string; name: string } | null;
  customer: { id: string; name: string | null } | null;
}

/**
 * The tickets of the organisation among these ids, deleted ones included (their workflows may still need an
 * operator), by id.
 */
export async function ticketSummaries(sql: Db, orgId: string, ids: string[]): Promise<Map<string, BusinessSummary>> {
  if (ids.length === 0) return new Map();
  const rows = await sql<
    { id: string; service_id: string; service_name: string; subject: string; status: string; deleted: boolean; assignee_id: string | null; assignee_name: string | null; customer_id: string | null; customer_name: string | null }[]
  >`
    select t.id, t.service_id, s.name as service_name, t.subject, t.status, t.deleted_at is not null as deleted,
      t.assignee_id, a.name as assignee_name, t.customer_id, c.name as customer_name
    from tickets t join services s on s.id = t.service_id
      left join agents a on a.id = t.assignee_id left join customers c on c.id = t.customer_id
    where t.id = any(${ids}) and s.org_id = ${orgId}`;
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        serviceId: row.service_id,
        serviceName: row.service_name,
        subject: row.subject,
        status: row.deleted ? 'deleted' : row.status,
        assignee: row.assignee_id ? { id: row.assignee_id, name: row.assignee_name ?? '' } : null,
        customer: row.customer_id ? { id: row.customer_id, name: row.customer_name } : null,
      },
    ]),
  );
}

/** The callback requests of the organisation among these ids, shown as their route and phone number, by id. */
export async function callbackSummaries(sql: Db, orgId: string, ids: string[]): Promise<Map<string, BusinessSummary>> {
  if (ids.length === 0) return new Map();
  const rows = await sql<
    { id: string; service_id: string; service_name: string; route_name: string; phone: string; status: string; assignee_id: string | null; assignee_name: string | null }[]
  >`
    select c.id, c.service_id, s.name as service_name, r.name as route_name, c.phone, c.status, c.assignee_id, a.name as assignee_name
    from callbacks c join services s on s.id = c.service_id join ivr_routes r on r.id = c.route_id
      left join agents a on a.id = c.assignee_id
    where c.id = any(${ids}) and s.org_id = ${orgId}`;
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        serviceId: row.service_id,
        serviceName: row.service_name,
        subject: `${row.route_name} · ${row.phone}`,
        status: row.status,
        assignee: row.assignee_id ? { id: row.assignee_id, name: row.assignee_name ?? '' } : null,
        customer: null,
      },
    ]),
  );
}

/** The bulk jobs of the organisation among these ids, shown as their action and progress, by id. */
/** Export jobs as the console shows them: what is exported, how far it is. */
export async function exportSummaries(sql: Db, orgId: string, ids: string[]): Promise<Map<string, BusinessSummary>> {
  if (ids.length === 0) return new Map();
  const rows = await sql<{ id: string; kind: string; format: string; rows_written: number; rows_total: number; status: string }[]>`
    select id, kind, format, rows_written, rows_total, status from export_jobs where id = any(${ids}) and org_id = ${orgId}`;
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        serviceId: null,
        serviceName: null,
        subject: `${row.kind} · ${row.format} · ${row.rows_written}/${row.rows_total}`,
        status: row.status,
        assignee: null,
        customer: null,
      },
    ]),
  );
}

export async function bulkJobSummaries(sql: Db, orgId: string, ids: string[]): Promise<Map<string, BusinessSummary>> {
  if (ids.length === 0) return new Map();
  const rows = await sql<{ id: string; action: string; total: number; finished: number; done: boolean }[]>`
    select j.id, j.action->>'kind' as action, j.total, j.finished_at is not null as done,
      (select count(*)::int from bulk_job_items i where i.job_id = j.id and i.status <> 'pending') as finished
    from bulk_jobs j
    where j.id = any(${ids}) and j.org_id = ${orgId}`;
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        serviceId: null,
        serviceName: null,
        subject: `${row.action} · ${row.finished}/${row.total}`,
        status: row.done ? 'finished' : 'running',
        assignee: null,
        customer: null,
      },
    ]),
  );
}
