/**
 * PII masking (개인정보 마스킹) of a ticket's messages: the masked span becomes `*` per character in the message,
 * and the original is kept sealed beside it. Unmasking reads it back with an audit row.
 */
import { writeAudit } from './audit';
import type { Db, Sql } from './db';
import { refused, type Refused } from './errors';

export interface MessageMask {
  id: string;
  seq: number;
  start: number;
  end: number;
  maskedBy: string;
  maskedAt: string;
}

/**
 * Masks code points [start, end) of a message in one transaction (the message row locked): refused when the message
 * does not exist, the span is outside it, or it covers text already masked.
 */
export async function maskMessageSpan(
  sql: Sql,
  mask: { id: string; ticketId: string; seq: number; start: number; end: number; actorId: string },
  seal: (original: string) => string,
): Promise<{ ok: true; mask: MessageMask } | Refused<'not_found' | 'out_of_range' | 'already_masked'>> {
  return sql.begin(async (tx): Promise<{ ok: true; mask: MessageMask } | Refused<'not_found' | 'out_of_range' | 'already_masked'>> => {
    const [message] = await tx<{ body: string }[]>`
      select body from ticket_messages where ticket_id = ${mask.ticketId} and seq = ${mask.seq} for update`;
    if (!message) return refused('not_found');
    const characters = Array.from(message.body);
    if (mask.end > characters.length || mask.start >= mask.end) return refused('out_of_range');
    const [overlap] = await tx`
      select 1 from message_masks
      where ticket_id = ${mask.ticketId} and seq = ${mask.seq} and start_at < ${mask.end} and end_at > ${mask.start}`;
    if (overlap) return refused('already_masked');
    const original = characters.slice(mask.start, mask.end).join('');
    const body = [...characters.slice(0, mask.start), '*'.repeat(mask.end - mask.start), ...characters.slice(mask.end)].join('');
    await tx`update ticket_messages set body = ${body} where ticket_id = ${mask.ticketId} and seq = ${mask.seq}`;
    const [row] = await tx<{ masked_at: Date }[]>`
      insert into message_masks (id, ticket_id, seq, start_at, end_at, sealed_original, masked_by)
      values (${mask.id}, ${mask.ticketId}, ${mask.seq}, ${mask.start}, ${mask.end}, ${seal(original)}, ${mask.actorId})
      returning masked_at`;
    // The audit row names the span, never its text.
    await writeAudit(tx, { actorId: mask.actorId, action: 'pii.masked', target: mask.ticketId, details: { maskId: mask.id, seq: mask.seq, start: mask.start, end: mask.end } });
    return { ok: true, mask: { id: mask.id, seq: mask.seq, start: mask.start, end: mask.end, maskedBy: mask.actorId, maskedAt: row.masked_at.toISOString() } };
  });
}

/** The ticket's masks, by message and position. */
export async function listMessageMasks(sql: Db, ticketId: string): Promise<MessageMask[]> {
  const rows = await sql<{ id: string; seq: number; start_at: number; end_at: number; masked_by: string; masked_at: Date }[]>`
    select id, seq, start_at, end_at, masked_by, masked_at from message_masks where ticket_id = ${ticketId} order by seq, start_at`;
  return rows.map((row) => ({ id: row.id, seq: row.seq, start: row.start_at, end: row.end_at, maskedBy: row.masked_by, maskedAt: row.masked_at.toISOString() }));
}

/** The sealed original of a mask of the ticket, with an audit row saying who read it; null when there is no such mask. */
export async function readMaskedOriginal(sql: Sql, target: { ticketId: string; maskId: string; actorId: string }): Promise<string | null> {
  return sql.begin(async (tx) => {
    const [row] = await tx<{ sealed_original: string; seq: number }[]>`
      select sealed_original, seq from message_masks where id = ${target.maskId} and ticket_id = ${target.ticketId}`;
    if (!row) return null;
    await writeAudit(tx, { actorId: target.actorId, action: 'pii.unmasked', target: target.ticketId, details: { maskId: target.maskId, seq: row.seq } });
    return row.sealed_original;
  });
}
