/**
 * Attachment rows: what was stored for a ticket and, once a message carries them, for which message.
 */
import type { Db, Sql, Tx } from './db';

export interface Attachment {
  id: string;
  ticketId: string;
  messageSeq: number | null;
  filename: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  uploadedBy: string | null;
  createdAt: string;
}

type Row = {
  id: string;
  ticket_id: string;
  message_seq: number | null;
  filename: string;
  media_type: string;
  size_bytes: string;
  sha256: string;
  storage_key: string;
  uploaded_by: string | null;
  created_at: Date;
};

const toAttachment = (row: Row): Attachment => ({
  id: row.id,
  ticketId: row.ticket_id,
  messageSeq: row.message_seq,
  filename: row.filename,
  mediaType: row.media_type,
  sizeBytes: Number(row.size_bytes),
  sha256: row.sha256,
  storageKey: row.storage_key,
  uploadedBy: row.uploaded_by,
  createdAt: row.created_at.toISOString(),
});

/** Stores the rows of one upload in one transaction, in upload order (the list's order). */
export async function insertAttachments(sql: Sql, attachments: Omit<Attachment, 'createdAt' | 'messageSeq'>[]): Promise<void> {
  await sql.begin(async (tx) => {
    for (const a of attachments) {
      // clock_timestamp(), not now(): rows of one transaction keep the order they were inserted in.
      await tx`
        insert into attachments (id, ticket_id, filename, media_type, size_bytes, sha256, storage_key, uploaded_by, created_at)
        values (${a.id}, ${a.ticketId}, ${a.filename}, ${a.mediaType}, ${a.sizeBytes}, ${a.sha256}, ${a.storageKey}, ${a.uploadedBy},
          clock_timestamp())`;
    }
  });
}

export async function listTicketAttachments(sql: Db, ticketId: string): Promise<Attachment[]> {
  return (await sql<Row[]>`select * from attachments where ticket_id = ${ticketId} order by created_at, id`).map(toAttachment);
}

export async function findTicketAttachment(sql: Db, ticketId: string, id: string): Promise<Attachment | null> {
  const [row] = await sql<Row[]>`select * from attachments where ticket_id = ${ticketId} and id = ${id}`;
  return row ? toAttachment(row) : null;
}

/** Which of these ids are attachments of the ticket that no message carries yet. */
export async function unsentAttachmentIds(sql: Db, ticketId: string, ids: string[]): Promise<string[]> {
  const rows = await sql<{ id: string }[]>`
    select id from attachments where ticket_id = ${ticketId} and id = any(${ids}) and message_seq is null`;
  return rows.map((row) => row.id);
}

/** Ties attachments to the message that carries them, inside the transaction recording it; a repeat changes nothing. */
export async function linkAttachmentsToMessage(tx: Tx, ticketId: string, seq: number, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx`update attachments set message_seq = ${seq} where ticket_id = ${ticketId} and id = any(${ids}) and message_seq is null`;
}

export async function findMessageAttachments(sql: Db, ticketId: string, seq: number): Promise<Attachment[]> {
  return (await sql<Row[]>`select * from attachments where ticket_id = ${ticketId} and message_seq = ${seq} order by created_at, id`).map(
    toAttachment,
  );
}
