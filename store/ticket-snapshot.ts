/**
 * A ticket read with what it refers to, as the rule engine, templates and side effects see it: the snapshot row,
 * the intake-type path, the substitution context and the addresses a notification goes to.
 */
import { limitOf, type Db } from './db';
import type { TicketSnapshot } from '../rules';
import { isWithinBusinessHours, type BusinessHours } from '../rules/business-hours';
import { loadBusinessHours } from './time-rules/business-hours';
import { withoutSealedValues } from '../domain/fields';
import type { FieldValue, TicketChannel, TicketPriority, TicketStatus } from '../domain/ticket';

/** The intake type and its ancestors, root first; null when the id is not an intake type. */
export async function intakeTypePath(sql: Db, intakeTypeId: string): Promise<string[] | null> {
  const rows = await sql<{ id: string; depth: number }[]>`
    with recursive chain as (
      select id, parent_id, depth from categories where id = ${intakeTypeId} and kind = 'intake'
      union all
      select c.id, c.parent_id, c.depth from categories c join chain on c.id = chain.parent_id
    )
    select id, depth from chain order by depth`;
  return rows.length === 0 ? null : rows.map((row) => row.id);
}

export interface TicketSnapshotRow {
  id: string;
  service_id: string;
  status: TicketStatus;
  channel: TicketChannel;
  priority: TicketPriority;
  intake_type_id: string | null;
  resolution_type_id: string | null;
  group_id: string | null;
  assignee_id: string | null;
  subject: string;
  content: string;
  tags: string[];
  customer_email: string | null;
  customer_phone: string | null;
  customer_fields: Record<string, FieldValue>;
  agent_fields: Record<string, FieldValue>;
  created_at: Date;
  updated_at: Date;
}

/** The ticket row with its customer's contact, deleted or not. */
export async function findTicketSnapshotRow(sql: Db, ticketId: string): Promise<TicketSnapshotRow | null> {
  const [row] = await sql<TicketSnapshotRow[]>`
    select t.*, c.email as customer_email, c.phone as customer_phone
    from tickets t left join customers c on c.id = t.customer_id where t.id = ${ticketId}`;
  return row ?? null;
}

export interface TemplateContextRow {
  id: string;
  subject: string;
  content: string;
  status: TicketStatus;
  priority: TicketPriority;
  channel: TicketChannel;
  tags: string[];
  created_at: Date;
  updated_at: Date;
  intake_type: string | null;
  resolution_type: string | null;
  group_name: string | null;
  assignee_name: string | null;
  customer_id: string | null;
  customer_name: string | null;
  customer_email: string | null;
  customer_phone: string | null;
  service_name: string;
  customer_fields: Record<string, FieldValue>;
  agent_fields: Record<string, FieldValue>;
}

/** The ticket with the names substitution codes show: service, categories, group, assignee, customer. */
export async function findTemplateContextRow(sql: Db, ticketId: string): Promise<TemplateContextRow | null> {
  const [row] = await sql<TemplateContextRow[]>`
    select t.id, t.subject, t.content, t.status, t.priority, t.channel, t.tags, t.created_at, t.updated_at,
      it.name as intake_type, rt.name as resolution_type, g.name as group_name, a.name as assignee_name,
      c.id as customer_id, c.name as customer_name, c.email as customer_email, c.phone as customer_phone,
      s.name as service_name, t.customer_fields, t.agent_fields
    from tickets t
      join services s on s.id = t.service_id
      left join categories it on it.id = t.intake_type_id
      left join categories rt on rt.id = t.resolution_type_id
      left join groups g on g.id = t.group_id
      left join agents a on a.id = t.assignee_id
      left join customers c on c.id = t.customer_id
    where t.id = ${ticketId}`;
  return row ?? null;
}

/** Who a notification about the ticket can go to: its customer, its (active) assignee, its group. */
export interface TicketContacts {
  assignee_id: string | null;
  group_id: string | null;
  customer_email: string | null;
  assignee_email: string | null;
}

export async function findTicketContacts(sql: Db, ticketId: string): Promise<TicketContacts | null> {
  const [ticket] = await sql<TicketContacts[]>`
    select t.assignee_id, t.group_id, c.email as customer_email, a.email as assignee_email
    from tickets t left join customers c on c.id = t.customer_id left join agents a on a.id = t.assignee_id and a.active
    where t.id = ${ticketId}`;
  return ticket ?? null;
}

/** The emails of the group's active members, in the order they were added (reads the directory). */
export async function activeGroupMemberEmails(sql: Db, groupId: string): Promise<string[]> {
  const members = await sql<{ email: string }[]>`
    select a.email from group_members m join agents a on a.id = m.agent_id
    where m.group_id = ${groupId} and a.active order by m.added_seq`;
  return members.map((member) => member.email);
}

/** The ticket as the rule engine sees it. */
export async function loadTicketSnapshot(sql: Db, ticketId: string): Promise<TicketSnapshot & { serviceId: string }> {
  const { serviceId, ticket } = await loadTicketWithHours(sql, ticketId);
  return { serviceId, ...ticket };
}

/** The ticket as the rule engine sees it, with its service's business hours, read once for the cycle and the time rules. */
export async function loadTicketWithHours(
  sql: Db,
  ticketId: string,
): Promise<{ serviceId: string; businessHours: BusinessHours | null; ticket: TicketSnapshot }> {
  const row = await findTicketSnapshotRow(sql, ticketId);
  if (!row) throw new Error(`ticket ${ticketId} is not in the read model`);
  const [path, businessHours] = await Promise.all([
    row.intake_type_id ? intakeTypePath(sql, row.intake_type_id).then((found) => found ?? []) : [],
    loadBusinessHours(sql, row.service_id),
  ]);
  // Judged at the moment of the event, so a retried evaluation sees the same value.
  const withinBusinessHours = isWithinBusinessHours(row.updated_at, businessHours);
  return { serviceId: row.service_id, businessHours, ticket: snapshotOf(row, path, withinBusinessHours) };
}

function snapshotOf(row: TicketSnapshotRow, intakeTypePath: string[], withinBusinessHours: boolean): TicketSnapshot {
  return {
    id: row.id,
    status: row.status,
    channel: row.channel,
    priority: row.priority,
    intakeTypeId: row.intake_type_id,
    intakeTypePath,
    resolutionTypeId: row.resolution_type_id,
    groupId: row.group_id,
    assigneeId: row.assignee_id,
    subject: row.subject,
    content: row.content,
    tags: row.tags,
    customerEmail: row.customer_email,
    customerPhone: row.customer_phone,
    // Sealed PII values are ciphertext: no trigger condition may see them.
    customerFields: withoutSealedValues(row.customer_fields),
    agentFields: withoutSealedValues(row.agent_fields),
    withinBusinessHours,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** A ticket as the trigger cycle of its creation saw it, and whether that is the cycle's record or the row as it is now. */
export interface CreationSnapshot {
  ticket: TicketSnapshot;
  recorded: boolean;
}

/** A service's tickets created in [from, to), at most `limit`. */
export interface CreationRange {
  serviceId: string;
  from: Date;
  to: Date;
  limit: number;
}

/** How many tickets {@link forEachCreationSnapshot} will hand over. */
export async function countCreated(sql: Db, range: CreationRange): Promise<number> {
  const [{ count }] = await sql<{ count: number }[]>`
    select count(*)::int as count from (
      select 1 from tickets where service_id = ${range.serviceId} and created_at >= ${range.from} and created_at < ${range.to}
      ${limitOf(sql, range.limit)}) created`;
  return count;
}

/**
 * The tickets of the range, newest first, in batches, each as its creation's trigger cycle recorded it (what the
 * first pass saw), or, for tickets created before cycles were recorded, as the row is now with the business hours
 * of its creation. Read through a cursor, so a hundred thousand tickets are never held at once.
 */
export async function forEachCreationSnapshot(
  sql: Db,
  range: CreationRange,
  onBatch: (batch: CreationSnapshot[]) => Promise<void>,
): Promise<void> {
  const hours = await loadBusinessHours(sql, range.serviceId);
  const paths = new Map<string, Promise<string[]>>();
  const pathOf = (id: string) => {
    if (!paths.has(id)) paths.set(id, intakeTypePath(sql, id).then((path) => path ?? []));
    return paths.get(id)!;
  };
  const rows = sql<(TicketSnapshotRow & { recorded: TicketSnapshot | null })[]>`
    select t.*, c.email as customer_email, c.phone as customer_phone, e.replay -> 'ticket' as recorded
    from tickets t
      left join customers c on c.id = t.customer_id
      left join trigger_evaluations e on e.ticket_id = t.id and e.event = 'created'
    where t.service_id = ${range.serviceId} and t.created_at >= ${range.from} and t.created_at < ${range.to}
    order by t.created_at desc, t.id desc
    ${limitOf(sql, range.limit)}`;
  for await (const batch of rows.cursor(CREATION_BATCH)) {
    const snapshots: CreationSnapshot[] = [];
    for (const row of batch) {
      if (row.recorded) snapshots.push({ ticket: row.recorded, recorded: true });
      else {
        const path = row.intake_type_id ? await pathOf(row.intake_type_id) : [];
        snapshots.push({ ticket: snapshotOf(row, path, isWithinBusinessHours(row.created_at, hours)), recorded: false });
      }
    }
    await onBatch(snapshots);
  }
}

const CREATION_BATCH = 500;

const REVERTIBLE = new Set(['status', 'priority', 'groupId', 'assigneeId', 'intakeTypeId', 'tags', 'resolutionTypeId', 'subject']);
/** An edit's change of a field value: `customerFields.<code>` or `agentFields.<code>`. */
const FIELD_VALUE_CHANGE = /^(customerFields|agentFields)\.(.+)$/;

/** The ticket before a change: the current snapshot with each changed field set back to its old value. */
export async function previousSnapshot(
  sql: Db,
  current: TicketSnapshot,
  changes: Record<string, [unknown, unknown]>,
): Promise<TicketSnapshot> {
  const previous: Record<string, unknown> = { ...current };
  for (const [field, [before]] of Object.entries(changes)) {
    if (REVERTIBLE.has(field)) previous[field] = before;
    const fieldValue = FIELD_VALUE_CHANGE.exec(field);
    if (fieldValue) {
      const scope = fieldValue[1] as 'customerFields' | 'agentFields';
      const values = { ...(previous[scope] as Record<string, unknown>) };
      if (before === null) delete values[fieldValue[2]];
      else values[fieldValue[2]] = before;
      previous[scope] = values;
    }
  }
  const intakeTypeId = previous.intakeTypeId as string | null;
  if (intakeTypeId !== current.intakeTypeId) {
    previous.intakeTypePath = intakeTypeId ? ((await intakeTypePath(sql, intakeTypeId)) ?? []) : [];
  }
  return previous as TicketSnapshot;
}
