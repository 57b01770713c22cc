/**
 * Ticket changes announced to whoever watches the task lists: the transaction that records a ticket event also
 * sends `pg_notify` on {@link TICKET_CHANGES_CHANNEL}, so the announcement goes out only if the change commits. The
 * payload names the ticket, its service and the event's kind, never what the ticket says (no personal data crosses
 * the channel, and a payload stays far below PostgreSQL's 8000-byte limit).
 */
import type { Db, Tx } from './db';

export const TICKET_CHANGES_CHANNEL = 'ticket_changes';

/** What a notification says: which ticket of which service, and the kind of its event (`created`, `taken`, …). */
export interface TicketChangeNotice {
  ticketId: string;
  serviceId: string;
  kind: string;
}

/** Announces the ticket's change when `tx` commits; the service is read from the ticket row the transaction wrote. */
export async function notifyTicketChange(tx: Tx, ticketId: string, kind: string): Promise<void> {
  await tx`
    select pg_notify(${TICKET_CHANGES_CHANNEL}, json_build_object('ticketId', id, 'serviceId', service_id, 'kind', ${kind}::text)::text)
    from tickets where id = ${ticketId}`;
}

/** A notification's payload, or null when it is not one (a foreign sender on the channel). */
export function parseTicketChangeNotice(payload: string): TicketChangeNotice | null {
  try {
    const value = JSON.parse(payload) as Partial<TicketChangeNotice>;
    if (typeof value.ticketId === 'string' && typeof value.serviceId === 'string' && typeof value.kind === 'string') {
      return { ticketId: value.ticketId, serviceId: value.serviceId, kind: value.kind };
    }
  } catch {
    // Not JSON: ignored like any other foreign payload.
  }
  return null;
}

/** Who may read a service's tickets: its organisation (for admins) and the agents with a group in it. */
export interface ServiceAudience {
  orgId: string;
  memberIds: ReadonlySet<string>;
}

/** The audience of a service, or null when the service is unknown. */
export async function serviceAudience(sql: Db, serviceId: string): Promise<ServiceAudience | null> {
  const [row] = await sql<{ org_id: string; member_ids: string[] }[]>`
    select s.org_id, array(
      select distinct m.agent_id from groups g join group_members m on m.group_id = g.id where g.service_id = s.id
    ) as member_ids
    from services s where s.id = ${serviceId}`;
  return row ? { orgId: row.org_id, memberIds: new Set(row.member_ids) } : null;
}
