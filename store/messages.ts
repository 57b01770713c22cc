/**
 * A ticket's messages (replies, interim answers, comments, internal notes), keyed by the (ticket id, seq) of the
 * command that wrote them. Customer-facing ones carry the delivery of their email, so it is sent once.
 */
import type { Db, Tx } from './db';
import type { ActorRef } from '../domain/people';
import { actorColumns, actorJoins, actorRef, type ActorColumns } from './actors';

export type EmailStatus = 'pending' | 'sent' | 'skipped' | 'failed';

export interface NewTicketMessage {
  ticketId: string;
  seq: number;
  kind: string;
  authorId: string | null;
  body: string;
  at: string;
  /** `pending` for a message to email to the customer; null for internal ones. */
  emailStatus: 'pending' | null;
}

export async function insertTicketMessage(tx: Tx, message: NewTicketMessage): Promise<void> {
  await tx`
    insert into ticket_messages (ticket_id, seq, kind, author_id, body, at, email_status)
    values (${message.ticketId}, ${message.seq}, ${message.kind}, ${message.authorId}, ${message.body}, ${message.at},
      ${message.emailStatus})
    on conflict do nothing`;
}

export interface TicketMessageView {
  seq: number;
  kind: 'reply' | 'interim' | 'comment' | 'internal_note';
  authorId: string | null;
  author: ActorRef | null;
  body: string;
  at: string;
  emailStatus: EmailStatus | null;
}

/** The ticket's messages in order, each with its author (an agent or an API client). */
export async function listTicketMessages(sql: Db, ticketId: string): Promise<TicketMessageView[]> {
  const rows = await sql<
    ({ seq: number; kind: TicketMessageView['kind']; author_id: string | null; body: string; at: Date; email_status: EmailStatus | null } & ActorColumns)[]
  >`
    select m.seq, m.kind, m.author_id, m.body, m.at, m.email_status, ${actorColumns(sql)}
    from ticket_messages m ${actorJoins(sql, 'm.author_id')}
    where m.ticket_id = ${ticketId} order by m.seq`;
  return rows.map((r) => ({
    seq: r.seq,
    kind: r.kind,
    authorId: r.author_id,
    author: actorRef(r.author_id, r),
    body: r.body,
    at: r.at.toISOString(),
    emailStatus: r.email_status,
  }));
}

/** When the customer first got an answer (a reply or an interim answer), or null. */
export async function firstResponseAt(sql: Db, ticketId: string): Promise<Date | null> {
  const [response] = await sql<{ at: Date }[]>`
    select at from ticket_messages where ticket_id = ${ticketId} and kind in ('reply', 'interim') order by seq limit 1`;
  return response?.at ?? null;
}

/** A customer-facing message with what its email needs. */
export interface CustomerReply {
  email_status: string | null;
  body: string;
  subject: string;
  service_name: string;
  customer_email: string | null;
}

export async function findCustomerReply(sql: Db, ticketId: string, seq: number): Promise<CustomerReply | null> {
  const [message] = await sql<CustomerReply[]>`
    select m.email_status, m.body, t.subject, s.name as service_name, c.email as customer_email
    from ticket_messages m join tickets t on t.id = m.ticket_id join services s on s.id = t.service_id
      left join customers c on c.id = t.customer_id
    where m.ticket_id = ${ticketId} and m.seq = ${seq}`;
  return message ?? null;
}

/** Records one delivery attempt of the message's email. */
export async function recordCustomerReplyDelivery(
  sql: Db,
  ticketId: string,
  seq: number,
  status: EmailStatus,
  error: string | null,
): Promise<void> {
  await sql`
    update ticket_messages set email_status = ${status}, email_attempts = email_attempts + 1, email_error = ${error},
      email_updated_at = now()
    where ticket_id = ${ticketId} and seq = ${seq}`;
}
