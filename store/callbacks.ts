/**
 * Callback requests: the read-model writes the `callback-<id>` workflow's activities make (keyed by request id and
 * event seq, so a retry leaves the rows one run would have left), the lists agents and admins read, open counts
 * for even assignment, phone presence, intake idempotency keys and the reminders sent.
 */
import type { ActorRef } from '../domain/people';
import type { CallbackReminderKind, CallbackState, CallbackStatus, PhonePresence } from '../domain/callback';
import { actorColumns, actorJoins, actorRef, type ActorColumns } from './actors';
import type { Db, Sql, Tx } from './db';

export interface NewCallback {
  callbackId: string;
  serviceId: string;
  routeId: string;
  phone: string;
  customerRef: string | null;
  requestedAt: string;
  creatorId: string;
  at: string;
}

/** Inserts the request and its `registered` event (seq 1) in one transaction; a repeat changes nothing. */
export async function insertNewCallback(sql: Sql, callback: NewCallback): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`
      insert into callbacks (id, service_id, route_id, phone, customer_ref, requested_at, status, last_seq, created_at, updated_at)
      values (${callback.callbackId}, ${callback.serviceId}, ${callback.routeId}, ${callback.phone}, ${callback.customerRef},
        ${callback.requestedAt}, 'registered', 1, ${callback.at}, ${callback.at})
      on conflict (id) do nothing`;
    await insertCallbackEvent(tx, {
      callbackId: callback.callbackId,
      seq: 1,
      kind: 'registered',
      actorId: callback.creatorId,
      changes: { status: [null, 'registered'] },
      at: callback.at,
    });
  });
}

interface CallbackEventRecord {
  callbackId: string;
  seq: number;
  kind: string;
  actorId: string | null;
  changes: Record<string, [unknown, unknown]>;
  at: string;
}

async function insertCallbackEvent(tx: Tx, event: CallbackEventRecord): Promise<void> {
  await tx`
    insert into callback_events (callback_id, seq, kind, actor_id, changes, at)
    values (${event.callbackId}, ${event.seq}, ${event.kind}, ${event.actorId}, ${tx.json(event.changes as never)}, ${event.at})
    on conflict do nothing`;
}

/** Records one accepted command: its event and the request row, which only moves forward. */
export async function recordCallbackChange(
  sql: Sql,
  change: { state: CallbackState; kind: string; actorId: string | null; changes: Record<string, [unknown, unknown]>; at: string },
): Promise<void> {
  const { state, at } = change;
  await sql.begin(async (tx) => {
    await insertCallbackEvent(tx, { callbackId: state.id, seq: state.seq, kind: change.kind, actorId: change.actorId, changes: change.changes, at });
    await tx`
      update callbacks set
        status = ${state.status}, assignee_id = ${state.assigneeId}, assigner_id = ${state.assignerId},
        assigned_at = ${state.assignedAt}, attempts = ${state.attempts}, ticket_id = ${state.ticketId},
        completed_at = case when ${state.status} = 'completed' then ${at}::timestamptz else completed_at end,
        updated_at = ${at}, last_seq = ${state.seq}
      where id = ${state.id} and last_seq < ${state.seq}`;
  });
}

/** A callback request as agents and admins see it. */
export interface CallbackView {
  id: string;
  serviceId: string;
  route: { id: string; code: string; name: string };
  phone: string;
  customerRef: string | null;
  requestedAt: string;
  status: CallbackStatus;
  assignee: { id: string; name: string } | null;
  assigner: ActorRef | null;
  assignedAt: string | null;
  completedAt: string | null;
  attempts: number;
  ticketId: string | null;
  createdAt: string;
  updatedAt: string;
}

interface CallbackRow extends ActorColumns {
  id: string;
  service_id: string;
  route_id: string;
  route_code: string;
  route_name: string;
  phone: string;
  customer_ref: string | null;
  requested_at: Date;
  status: CallbackStatus;
  assignee_id: string | null;
  assignee_name: string | null;
  assigner_id: string | null;
  assigned_at: Date | null;
  completed_at: Date | null;
  attempts: number;
  ticket_id: string | null;
  created_at: Date;
  updated_at: Date;
}

const toView = (row: CallbackRow): CallbackView => ({
  id: row.id,
  serviceId: row.service_id,
  route: { id: row.route_id, code: row.route_code, name: row.route_name },
  phone: row.phone,
  customerRef: row.customer_ref,
  requestedAt: row.requested_at.toISOString(),
  status: row.status,
  assignee: row.assignee_id ? { id: row.assignee_id, name: row.assignee_name ?? '' } : null,
  assigner: actorRef(row.assigner_id, row),
  assignedAt: row.assigned_at?.toISOString() ?? null,
  completedAt: row.completed_at?.toISOString() ?? null,
  attempts: row.attempts,
  ticketId: row.ticket_id,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

const selectView = (sql: Db) => sql`
  select c.id, c.service_id, c.route_id, r.code as route_code, r.name as route_name, c.phone, c.customer_ref,
    c.requested_at, c.status, c.assignee_id, assignee.name as assignee_name, c.assigner_id, c.assigned_at,
    c.completed_at, c.attempts, c.ticket_id, c.created_at, c.updated_at, ${actorColumns(sql)}
  from callbacks c
    join ivr_routes r on r.id = c.route_id
    join services s on s.id = c.service_id
    left join agents assignee on assignee.id = c.assignee_id
    ${actorJoins(sql, 'c.assigner_id')}`;

/** The request, if it belongs to a service of the organisation. */
export async function findCallbackInOrg(sql: Db, orgId: string, id: string): Promise<CallbackView | null> {
  const [row] = await sql<CallbackRow[]>`${selectView(sql)} where c.id = ${id} and s.org_id = ${orgId}`;
  return row ? toView(row) : null;
}

export interface CallbackFilter {
  /** Agents see only their own requests: set to the agent's id. */
  ownerId?: string;
  serviceId?: string;
  from?: string;
  to?: string;
  routeId?: string;
  status?: CallbackStatus;
  phone?: string;
  assignerId?: string;
  assigneeId?: string;
  ticketId?: string;
  limit: number;
  /** Keyset: the last row of the previous page. */
  after?: { createdAt: string; id: string } | null;
}

/** One page of the organisation's requests, newest first, with the list filters of the seed (콜백 리스트). */
export async function listCallbackPage(sql: Db, orgId: string, filter: CallbackFilter): Promise<{ items: CallbackView[]; more: boolean }> {
  const rows = await sql<CallbackRow[]>`
    ${selectView(sql)}
    where s.org_id = ${orgId}
      ${filter.ownerId ? sql`and c.assignee_id = ${filter.ownerId}` : sql``}
      ${filter.serviceId ? sql`and c.service_id = ${filter.serviceId}` : sql``}
      ${filter.from ? sql`and c.created_at >= ${filter.from}` : sql``}
      ${filter.to ? sql`and c.created_at < ${filter.to}` : sql``}
      ${filter.routeId ? sql`and c.route_id = ${filter.routeId}` : sql``}
      ${filter.status ? sql`and c.status = ${filter.status}` : sql``}
      ${filter.phone ? sql`and c.phone like ${`%${filter.phone.replace(/[%_\\]/g, '\\$&')}%`}` : sql``}
      ${filter.assignerId ? sql`and c.assigner_id = ${filter.assignerId}` : sql``}
      ${filter.assigneeId ? sql`and c.assignee_id = ${filter.assigneeId}` : sql``}
      ${filter.ticketId ? sql`and c.ticket_id = ${filter.ticketId}` : sql``}
      ${filter.after ? sql`and (c.created_at, c.id) < (${filter.after.createdAt}::timestamptz, ${filter.after.id})` : sql``}
    order by c.created_at desc, c.id desc
    limit ${filter.limit + 1}`;
  return { items: rows.slice(0, filter.limit).map(toView), more: rows.length > filter.limit };
}

export interface CallbackEventView {
  seq: number;
  kind: string;
  actorId: string | null;
  actor: ActorRef | null;
  changes: Record<string, unknown>;
  at: string;
}

export async function listCallbackEvents(sql: Db, callbackId: string): Promise<CallbackEventView[]> {
  const rows = await sql<({ seq: number; kind: string; actor_id: string | null; changes: Record<string, unknown>; at: Date } & ActorColumns)[]>`
    select e.seq, e.kind, e.actor_id, e.changes, e.at, ${actorColumns(sql)}
    from callback_events e ${actorJoins(sql, 'e.actor_id')}
    where e.callback_id = ${callbackId} order by e.seq`;
  return rows.map((r) => ({ seq: r.seq, kind: r.kind, actorId: r.actor_id, actor: actorRef(r.actor_id, r), changes: r.changes, at: r.at.toISOString() }));
}

/** Open (assigned, not completed) requests per agent, for even assignment's "fewest open first". */
export async function openCallbackCounts(sql: Db, agentIds: string[]): Promise<Map<string, number>> {
  const rows = await sql<{ assignee_id: string; open: number }[]>`
    select assignee_id, count(*)::int as open from callbacks
    where assignee_id = any(${agentIds}) and status = 'unprocessed' group by assignee_id`;
  return new Map(agentIds.map((id) => [id, rows.find((row) => row.assignee_id === id)?.open ?? 0]));
}

/** The active agents and admins among `agentIds` who belong to a group of the service, optionally logged in to the phone. */
export async function eligibleCallbackAgents(sql: Db, serviceId: string, agentIds: string[], loggedInOnly: boolean): Promise<string[]> {
  const rows = await sql<{ id: string }[]>`
    select distinct a.id from agents a
      join group_members gm on gm.agent_id = a.id
      join groups g on g.id = gm.group_id and g.service_id = ${serviceId}
      ${loggedInOnly ? sql`join agent_phone_presence p on p.agent_id = a.id and p.presence = 'logged_in'` : sql``}
    where a.id = any(${agentIds}) and a.active and a.role in ('admin', 'agent')`;
  return rows.map((row) => row.id);
}

export async function setPhonePresence(sql: Db, agentId: string, presence: PhonePresence): Promise<string> {
  const [row] = await sql<{ updated_at: Date }[]>`
    insert into agent_phone_presence (agent_id, presence, updated_at) values (${agentId}, ${presence}, now())
    on conflict (agent_id) do update set presence = excluded.presence, updated_at = excluded.updated_at
    returning updated_at`;
  return row.updated_at.toISOString();
}

/** The phone presence of the organisation's agents (agents never reported count as logged out). */
export async function listPhonePresence(sql: Db, orgId: string): Promise<{ agentId: string; name: string; presence: PhonePresence; updatedAt: string | null }[]> {
  const rows = await sql<{ id: string; name: string; presence: PhonePresence | null; updated_at: Date | null }[]>`
    select a.id, a.name, p.presence, p.updated_at from agents a left join agent_phone_presence p on p.agent_id = a.id
    where a.org_id = ${orgId} and a.active and a.role in ('admin', 'agent') order by a.name, a.id`;
  return rows.map((r) => ({ agentId: r.id, name: r.name, presence: r.presence ?? 'logged_out', updatedAt: r.updated_at?.toISOString() ?? null }));
}

/** Binds the intake key to a request id unless it is already bound; answers the id when this call bound it. */
export async function bindCallbackIdempotencyKey(
  sql: Db,
  claim: { agentId: string; key: string; requestHash: string; callbackId: string },
): Promise<string | null> {
  const [claimed] = await sql<{ callback_id: string }[]>`
    insert into callback_idempotency_keys (agent_id, key, request_hash, callback_id)
    values (${claim.agentId}, ${claim.key}, ${claim.requestHash}, ${claim.callbackId})
    on conflict do nothing returning callback_id`;
  return claimed?.callback_id ?? null;
}

export async function findCallbackIdempotencyKey(sql: Db, agentId: string, key: string): Promise<{ callback_id: string; request_hash: string } | null> {
  const [row] = await sql<{ callback_id: string; request_hash: string }[]>`
    select callback_id, request_hash from callback_idempotency_keys where agent_id = ${agentId} and key = ${key}`;
  return row ?? null;
}

/** Records a reminder once per (request, kind, round); answers whether its mail still has to be sent. */
export async function claimCallbackReminder(
  sql: Db,
  reminder: { callbackId: string; kind: CallbackReminderKind; round: number; recipients: string[] },
): Promise<boolean> {
  await sql`
    insert into callback_reminders (callback_id, kind, round, recipients)
    values (${reminder.callbackId}, ${reminder.kind}, ${reminder.round}, ${reminder.recipients})
    on conflict do nothing`;
  const [row] = await sql<{ mailed: boolean }[]>`
    select mailed_at is not null as mailed from callback_reminders
    where callback_id = ${reminder.callbackId} and kind = ${reminder.kind} and round = ${reminder.round}`;
  return !row.mailed;
}

export async function markCallbackReminderMailed(sql: Db, reminder: { callbackId: string; kind: CallbackReminderKind; round: number }): Promise<void> {
  await sql`
    update callback_reminders set mailed_at = now()
    where callback_id = ${reminder.callbackId} and kind = ${reminder.kind} and round = ${reminder.round}`;
}

/** Email addresses of the service's admins (admins of its organisation) and, when given, of one agent. */
export async function reminderRecipients(sql: Db, serviceId: string, agentId: string | null): Promise<{ admins: string[]; agent: string | null }> {
  const admins = await sql<{ email: string }[]>`
    select a.email from agents a join services s on s.org_id = a.org_id
    where s.id = ${serviceId} and a.role = 'admin' and a.active order by a.email`;
  const [agent] = agentId ? await sql<{ email: string }[]>`select email from agents where id = ${agentId} and active` : [];
  return { admins: admins.map((row) => row.email), agent: agent?.email ?? null };
}

/** Today's open requests assigned to the agent: the dashboard's "callbacks due" (MY). */
export async function callbacksDue(sql: Db, agentId: string): Promise<number> {
  const [row] = await sql<{ due: number }[]>`
    select count(*)::int as due from callbacks where assignee_id = ${agentId} and status = 'unprocessed'`;
  return row.due;
}
