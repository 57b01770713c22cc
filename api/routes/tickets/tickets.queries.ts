/**
 * Read-model queries behind the ticket routes: views, task lists with keyset pagination, events, messages.
 */
import type { Sql } from 'postgres';
import { TRANSFERRED_STATUSES } from '../../../domain/ticket';
import type { AuthenticatedAgent } from '../../auth/agent';
import { ApiError } from '../../errors';
import type { Ticket, TicketList } from './tickets.schemas';

const TICKET_SELECT = `
  t.id, t.service_id, t.channel, t.status, t.priority, t.subject, t.content, t.intake_type_id,
  t.resolution_type_id, t.group_id, t.assignee_id, t.creator_id, t.tags, t.important,
  t.created_at, t.updated_at, t.resolved_at, t.closed_at,
  c.id as customer_id, c.name as customer_name, c.email as customer_email, c.phone as customer_phone`;

type Row = Record<string, unknown> & { created_at: Date; id: string };

const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : null);

function toTicket(row: Row): Ticket {
  return {
    id: row.id,
    serviceId: row.service_id as string,
    channel: row.channel as Ticket['channel'],
    status: row.status as Ticket['status'],
    priority: row.priority as Ticket['priority'],
    subject: row.subject as string,
    content: row.content as string,
    intakeTypeId: row.intake_type_id as string | null,
    resolutionTypeId: row.resolution_type_id as string | null,
    customer: row.customer_id
      ? {
          id: row.customer_id as string,
          name: row.customer_name as string | null,
          email: row.customer_email as string | null,
          phone: row.customer_phone as string | null,
        }
      : null,
    groupId: row.group_id as string | null,
    assigneeId: row.assignee_id as string | null,
    creatorId: row.creator_id as string | null,
    tags: row.tags as string[],
    important: row.important as boolean,
    createdAt: row.created_at.toISOString(),
    updatedAt: iso(row.updated_at)!,
    resolvedAt: iso(row.resolved_at),
    closedAt: iso(row.closed_at),
  };
}

export async function findTicket(sql: Sql, id: string): Promise<Ticket | null> {
  const [row] = await sql<Row[]>`
    select ${sql.unsafe(TICKET_SELECT)} from tickets t left join customers c on c.id = t.customer_id
    where t.id = ${id} and t.deleted_at is null`;
  return row ? toTicket(row) : null;
}

function encodeCursor(row: Row): string {
  return Buffer.from(`${row.created_at.toISOString()}|${row.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { at: string; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!id || Number.isNaN(Date.parse(at))) throw new ApiError(400, 'request.invalid_cursor', 'The cursor is not one this API returned.');
  return { at, id };
}

export function listCondition(sql: Sql, list: TicketList, agentId: string) {
  switch (list) {
    case 'mine_in_progress':
      return sql`t.assignee_id = ${agentId} and t.status = 'in_progress'`;
    case 'mine_on_hold':
      return sql`t.assignee_id = ${agentId} and t.status = 'on_hold'`;
    case 'mine_resolved':
      return sql`t.assignee_id = ${agentId} and t.status = 'resolved'`;
    case 'mine_closed':
      return sql`t.assignee_id = ${agentId} and t.status = 'closed'`;
    case 'all':
      return sql`t.status <> 'spam'`;
    case 'unassigned':
      return sql`t.status = 'unassigned'`;
    case 'my_groups':
      return sql`t.group_id in (select group_id from group_members where agent_id = ${agentId})`;
    case 'transferred':
      return sql`t.status in ${sql(TRANSFERRED_STATUSES)}`;
    case 'spam':
      return sql`t.status = 'spam'`;
  }
}

/** Agents see the services they have a group in; admins see the whole organisation. */
export function visibleTickets(sql: Sql, agent: AuthenticatedAgent) {
  return agent.role === 'agent'
    ? sql`t.service_id in (select g.service_id from group_members m join groups g on g.id = m.group_id where m.agent_id = ${agent.id})`
    : sql`t.service_id in (select id from services where org_id = ${agent.orgId})`;
}

export async function listTickets(
  sql: Sql,
  agent: AuthenticatedAgent,
  query: { list: TicketList; serviceId?: string; limit: number; cursor?: string },
): Promise<{ items: Ticket[]; nextCursor: string | null }> {
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const scope = visibleTickets(sql, agent);
  const rows = await sql<Row[]>`
    select ${sql.unsafe(TICKET_SELECT)} from tickets t left join customers c on c.id = t.customer_id
    where t.deleted_at is null and ${scope} and ${listCondition(sql, query.list, agent.id)}
      ${query.serviceId ? sql`and t.service_id = ${query.serviceId}` : sql``}
      ${after ? sql`and (t.created_at, t.id) < (${after.at}::timestamptz, ${after.id})` : sql``}
    order by t.created_at desc, t.id desc
    limit ${query.limit + 1}`;
  const page = rows.slice(0, query.limit);
  return { items: page.map(toTicket), nextCursor: rows.length > query.limit ? encodeCursor(page[page.length - 1]) : null };
}

export async function ticketEvents(sql: Sql, id: string) {
  const rows = await sql<{ seq: number; kind: string; actor_id: string | null; changes: Record<string, unknown>; at: Date }[]>`
    select seq, kind, actor_id, changes, at from ticket_events where ticket_id = ${id} order by seq`;
  return rows.map((r) => ({ seq: r.seq, kind: r.kind, actorId: r.actor_id, changes: r.changes, at: r.at.toISOString() }));
}

export async function ticketMessages(sql: Sql, id: string) {
  const rows = await sql<
    { seq: number; kind: 'reply'; author_id: string | null; body: string; at: Date; email_status: 'sent' | null }[]
  >`select seq, kind, author_id, body, at, email_status from ticket_messages where ticket_id = ${id} order by seq`;
  return rows.map((r) => ({
    seq: r.seq,
    kind: r.kind,
    authorId: r.author_id,
    body: r.body,
    at: r.at.toISOString(),
    emailStatus: r.email_status,
  }));
}

/** The caller's groups in one service: what the ticket workflow's validators check membership against. */
export async function groupsInService(sql: Sql, agentId: string, serviceId: string): Promise<string[]> {
  const rows = await sql<{ id: string }[]>`
    select g.id from group_members m join groups g on g.id = m.group_id
    where m.agent_id = ${agentId} and g.service_id = ${serviceId} order by m.added_seq`;
  return rows.map((r) => r.id);
}
