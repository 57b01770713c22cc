/**
 * A ticket's event log: one row per accepted command (who changed what, when), keyed by (ticket id, seq) so a
 * retried write leaves one row.
 */
import type { Db, Tx } from './db';
import type { ActorRef } from '../domain/people';
import type { TicketStatus } from '../domain/ticket';
import { actorColumns, actorJoins, actorRef, type ActorColumns } from './actors';
import { notifyTicketChange } from './ticket-changes';

export interface NewTicketEvent {
  ticketId: string;
  seq: number;
  kind: string;
  /** The agent or API client who acted; null for triggers, time rules and the system. */
  actorId: string | null;
  changes: Record<string, [unknown, unknown]>;
  at: string;
}

export async function insertTicketEvent(tx: Tx, event: NewTicketEvent): Promise<void> {
  await tx`
    insert into ticket_events (ticket_id, seq, kind, actor_id, changes, at)
    values (${event.ticketId}, ${event.seq}, ${event.kind}, ${event.actorId}, ${tx.json(event.changes as never)}, ${event.at})
    on conflict do nothing`;
  await notifyTicketChange(tx, event.ticketId, event.kind);
}

export interface TicketEventView {
  seq: number;
  kind: string;
  actorId: string | null;
  actor: ActorRef | null;
  changes: Record<string, unknown>;
  at: string;
}

/** The ticket's events in order, each with who acted. */
export async function listTicketEvents(sql: Db, ticketId: string): Promise<TicketEventView[]> {
  const rows = await sql<({ seq: number; kind: string; actor_id: string | null; changes: Record<string, unknown>; at: Date } & ActorColumns)[]>`
    select e.seq, e.kind, e.actor_id, e.changes, e.at, ${actorColumns(sql)}
    from ticket_events e ${actorJoins(sql, 'e.actor_id')}
    where e.ticket_id = ${ticketId} order by e.seq`;
  return rows.map((r) => ({
    seq: r.seq,
    kind: r.kind,
    actorId: r.actor_id,
    actor: actorRef(r.actor_id, r),
    changes: r.changes,
    at: r.at.toISOString(),
  }));
}

/** Every status change after creation, in order: when, and to which status. */
export async function listStatusChanges(sql: Db, ticketId: string): Promise<{ at: Date; to: TicketStatus }[]> {
  return sql<{ at: Date; to: TicketStatus }[]>`
    select at, changes->'status'->>1 as to from ticket_events
    where ticket_id = ${ticketId} and seq > 1 and changes ? 'status' order by seq`;
}
