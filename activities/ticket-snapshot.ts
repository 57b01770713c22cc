/**
 * The ticket as the rule engine sees it, read from the read model.
 */
import type { Sql } from 'postgres';
import type { TicketSnapshot } from '../rules';
import { isWithinBusinessHours } from '../rules/business-hours';
import { loadBusinessHours } from '../store/time-rules/business-hours';

export async function intakeTypePath(sql: Sql, intakeTypeId: string): Promise<string[] | null> {
  const rows = await sql<{ id: string; depth: number }[]>`
    with recursive chain as (
      select id, parent_id, depth from categories where id = ${intakeTypeId} and kind = 'intake'
      union all
      select c.id, c.parent_id, c.depth from categories c join chain on c.id = chain.parent_id
    )
    select id, depth from chain order by depth`;
  return rows.length === 0 ? null : rows.map((row) => row.id);
}

export async function loadTicketSnapshot(sql: Sql, ticketId: string): Promise<TicketSnapshot & { serviceId: string }> {
  const [row] = await sql`
    select t.*, c.email as customer_email, c.phone as customer_phone
    from tickets t left join customers c on c.id = t.customer_id where t.id = ${ticketId}`;
  if (!row) throw new Error(`ticket ${ticketId} is not in the read model`);
  return {
    serviceId: row.service_id,
    id: row.id,
    status: row.status,
    channel: row.channel,
    priority: row.priority,
    intakeTypeId: row.intake_type_id,
    intakeTypePath: row.intake_type_id ? ((await intakeTypePath(sql, row.intake_type_id)) ?? []) : [],
    resolutionTypeId: row.resolution_type_id,
    groupId: row.group_id,
    assigneeId: row.assignee_id,
    subject: row.subject,
    content: row.content,
    tags: row.tags,
    customerEmail: row.customer_email,
    customerPhone: row.customer_phone,
    customerFields: {},
    agentFields: {},
    // Judged at the moment of the event, so a retried evaluation sees the same value.
    withinBusinessHours: isWithinBusinessHours(row.updated_at, await loadBusinessHours(sql, row.service_id)),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

const REVERTIBLE = new Set(['status', 'priority', 'groupId', 'assigneeId', 'intakeTypeId', 'tags', 'resolutionTypeId']);

/** The ticket before a change: the current snapshot with each changed field set back to its old value. */
export async function previousSnapshot(
  sql: Sql,
  current: TicketSnapshot,
  changes: Record<string, [unknown, unknown]>,
): Promise<TicketSnapshot> {
  const previous: Record<string, unknown> = { ...current };
  for (const [field, [before]] of Object.entries(changes)) if (REVERTIBLE.has(field)) previous[field] = before;
  const intakeTypeId = previous.intakeTypeId as string | null;
  if (intakeTypeId !== current.intakeTypeId) {
    previous.intakeTypePath = intakeTypeId ? ((await intakeTypePath(sql, intakeTypeId)) ?? []) : [];
  }
  return previous as TicketSnapshot;
}
