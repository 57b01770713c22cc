-- Attachments on tickets and their messages: the bytes live in the attachment storage (files under DATA_DIR by
-- default) under `storage_key`; the row keeps what was checked: the type sniffed from the content, size, SHA-256.
create table attachments (
  id text primary key,
  ticket_id text not null references tickets(id) on delete cascade,
  -- The message (reply, interim answer, comment, note) it was sent with; null until one carries it.
  message_seq int,
  filename text not null,
  media_type text not null,
  size_bytes bigint not null check (size_bytes > 0),
  sha256 text not null,
  storage_key text not null unique,
  uploaded_by text,
  created_at timestamptz not null default now()
);
create index attachments_ticket on attachments (ticket_id, created_at, id);
