/**
 * PII masking (개인정보 마스킹) of a ticket's messages, content and field values: the masked span becomes `*` per character
 * where the text is kept, and the original is kept sealed beside it. Masks are written by the ticket's workflow (or,
 * for a closed ticket, a workflow of its own); unmasking reads the original back with an audit row.
 */
import type { FieldScope } from '../domain/fields';
import { maskedChange, maskPlace, maskRefusal, maskText, type MaskRefusal, type MaskRequest, type MaskTarget } from '../domain/masks';
import { writeAudit } from './audit';
import type { Db, Sql, Tx } from './db';
import { insertTicketEvent } from './events';
import { refused, type Refused } from './errors';

export interface PiiMask {
  id: string;
  target: MaskTarget;
  start: number;
  end: number;
  maskedBy: string;
  maskedAt: string;
}

/** Why a mask cannot be made: the message does not exist, the field value is not text, or {@link MaskRefusal}. */
export type MaskStoreRefusal = 'not_found' | 'not_text' | MaskRefusal;

/** Seals the original of a mask, bound to its ticket and mask (the name predates field masks and stays for them). */
export type SealOriginal = (original: string, context: string) => string;
export const maskSealContext = (ticketId: string, maskId: string) => `message_masks:${ticketId}:${maskId}`;

/** The text a mask would cover part of, and its masked spans; a refusal when there is no text to mask. */
async function targetText(
  sql: Db,
  ticketId: string,
  target: MaskTarget,
  lock: boolean,
): Promise<{ ok: true; text: string; masked: { start: number; end: number }[] } | Refused<'not_found' | 'not_text'>> {
  const forUpdate = lock ? sql`for update` : sql``;
  let text: unknown;
  if (target.kind === 'message') {
    const [message] = await sql<{ body: string }[]>`
      select body from ticket_messages where ticket_id = ${ticketId} and seq = ${target.seq} ${forUpdate}`;
    if (!message) return refused('not_found');
    text = message.body;
  } else if (target.kind === 'content') {
    const [ticket] = await sql<{ content: string }[]>`select content from tickets where id = ${ticketId} ${forUpdate}`;
    if (!ticket) return refused('not_found');
    text = ticket.content;
  } else {
    const [row] = await sql<{ value: unknown }[]>`
      select ${sql(fieldsColumn(target.scope))} -> ${target.code} as value from tickets where id = ${ticketId} ${forUpdate}`;
    // A field without a value is empty text: any span is outside it.
    text = row?.value ?? '';
    if (typeof text !== 'string') return refused('not_text');
  }
  const masked = await sql<{ start: number; end: number }[]>`
    select start_at as start, end_at as end from pii_masks where ticket_id = ${ticketId} and ${targetCondition(sql, target)}`;
  return { ok: true, text: text as string, masked };
}

const fieldsColumn = (scope: FieldScope) => (scope === 'customer' ? 'customer_fields' : 'agent_fields');

const targetCondition = (sql: Db, target: MaskTarget) =>
  target.kind === 'message'
    ? sql`seq = ${target.seq}`
    : target.kind === 'content'
      ? sql`on_content`
      : sql`field_scope = ${target.scope} and field_code = ${target.code}`;

/** Why the span cannot be masked as the ticket stands, or null when it can. */
export async function maskStoreRefusal(sql: Db, ticketId: string, mask: MaskRequest): Promise<MaskStoreRefusal | null> {
  const target = await targetText(sql, ticketId, mask.target, false);
  return target.ok ? maskRefusal(target.text, mask, target.masked) : target.reason;
}

/**
 * Writes a mask accepted by the ticket's workflow, inside the transaction recording its event: the span becomes `*`
 * in the message or field value, and its original is sealed beside it. A repeat of a mask already written changes
 * nothing (the activity may run twice).
 */
export async function writeMask(
  tx: Tx,
  write: { ticketId: string; actorId: string; mask: MaskRequest; seal: SealOriginal },
): Promise<{ ok: true } | Refused<MaskStoreRefusal>> {
  const { ticketId, mask } = write;
  const [existing] = await tx`select 1 from pii_masks where id = ${mask.maskId}`;
  if (existing) return { ok: true };
  const target = await targetText(tx, ticketId, mask.target, true);
  if (!target.ok) return target;
  const refusal = maskRefusal(target.text, mask, target.masked);
  if (refusal) return refused(refusal);
  const { masked, original } = maskText(target.text, mask);
  if (mask.target.kind === 'message') {
    await tx`update ticket_messages set body = ${masked} where ticket_id = ${ticketId} and seq = ${mask.target.seq}`;
  } else if (mask.target.kind === 'content') {
    await tx`update tickets set content = ${masked} where id = ${ticketId}`;
  } else {
    const column = tx(fieldsColumn(mask.target.scope));
    await tx`update tickets set ${column} = jsonb_set(${column}, ${[mask.target.code]}, ${tx.json(masked)}) where id = ${ticketId}`;
  }
  const field = mask.target.kind === 'field' ? mask.target : null;
  await tx`
    insert into pii_masks (id, ticket_id, seq, on_content, field_scope, field_code, start_at, end_at, sealed_original, masked_by)
    values (${mask.maskId}, ${ticketId}, ${mask.target.kind === 'message' ? mask.target.seq : null}, ${mask.target.kind === 'content'},
      ${field?.scope ?? null}, ${field?.code ?? null}, ${mask.start}, ${mask.end}, ${write.seal(original, maskSealContext(ticketId, mask.maskId))},
      ${write.actorId})`;
  // The audit row names the span, never its text.
  await writeAudit(tx, { actorId: write.actorId, action: 'pii.masked', target: ticketId, details: maskPlace(mask) });
  return { ok: true };
}

/**
 * Masks a span of a closed ticket, whose own workflow has finished: the `masked` event takes the ticket's next seq,
 * all in one transaction with the ticket row locked.
 */
export async function maskClosedTicket(
  sql: Sql,
  write: { ticketId: string; actorId: string; mask: MaskRequest; seal: SealOriginal; at: string },
): Promise<{ ok: true } | Refused<MaskStoreRefusal | 'not_closed'>> {
  return sql.begin(async (tx): Promise<{ ok: true } | Refused<MaskStoreRefusal | 'not_closed'>> => {
    const [ticket] = await tx<{ status: string; last_seq: number }[]>`select status, last_seq from tickets where id = ${write.ticketId} for update`;
    if (ticket?.status !== 'closed') return refused('not_closed');
    const [existing] = await tx`select 1 from pii_masks where id = ${write.mask.maskId}`;
    if (existing) return { ok: true };
    const written = await writeMask(tx, write);
    if (!written.ok) return written;
    const seq = ticket.last_seq + 1;
    await insertTicketEvent(tx, { ticketId: write.ticketId, seq, kind: 'masked', actorId: write.actorId, changes: maskedChange(write.mask), at: write.at });
    await tx`update tickets set last_seq = ${seq}, updated_at = ${write.at} where id = ${write.ticketId}`;
    return { ok: true };
  });
}

/** Forgets the masks of field values an edit replaced: the new value has none, and the old originals go with it. */
export async function dropReplacedFieldMasks(tx: Tx, ticketId: string, changes: Record<string, unknown>): Promise<void> {
  for (const key of Object.keys(changes)) {
    const field = /^(customer|agent)Fields\.(.+)$/.exec(key);
    if (field) await tx`delete from pii_masks where ticket_id = ${ticketId} and field_scope = ${field[1]} and field_code = ${field[2]}`;
  }
}

/** The ticket's masks: the content, messages by seq, then field values, each by position. */
export async function listMasks(sql: Db, ticketId: string): Promise<PiiMask[]> {
  const rows = await sql<
    {
      id: string;
      seq: number | null;
      on_content: boolean;
      field_scope: FieldScope | null;
      field_code: string | null;
      start_at: number;
      end_at: number;
      masked_by: string;
      masked_at: Date;
    }[]
  >`
    select id, seq, on_content, field_scope, field_code, start_at, end_at, masked_by, masked_at from pii_masks
    where ticket_id = ${ticketId} order by on_content desc, seq nulls last, field_scope, field_code, start_at`;
  return rows.map((row) => ({
    id: row.id,
    target: row.on_content
      ? { kind: 'content' }
      : row.seq !== null
        ? { kind: 'message', seq: row.seq }
        : { kind: 'field', scope: row.field_scope!, code: row.field_code! },
    start: row.start_at,
    end: row.end_at,
    maskedBy: row.masked_by,
    maskedAt: row.masked_at.toISOString(),
  }));
}

/** The sealed original of a mask of the ticket, with an audit row saying who read it; null when there is no such mask. */
export async function readMaskedOriginal(sql: Sql, target: { ticketId: string; maskId: string; actorId: string }): Promise<string | null> {
  return sql.begin(async (tx) => {
    const [row] = await tx<{ sealed_original: string; seq: number | null; field_scope: string | null; field_code: string | null }[]>`
      select sealed_original, seq, field_scope, field_code from pii_masks where id = ${target.maskId} and ticket_id = ${target.ticketId}`;
    if (!row) return null;
    const where = row.seq !== null ? { seq: row.seq } : { scope: row.field_scope, code: row.field_code };
    await writeAudit(tx, { actorId: target.actorId, action: 'pii.unmasked', target: target.ticketId, details: { maskId: target.maskId, ...where } });
    return row.sealed_original;
  });
}
