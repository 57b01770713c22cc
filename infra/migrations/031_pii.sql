-- Encrypted (PII) fields: their values are sealed with the keyring (AES-256-GCM, key ids) before they reach the
-- ticket workflow or the database, and are never searched or seen by triggers.
alter table fields add column encrypted boolean not null default false;

-- PII masking (개인정보 마스킹): the span of a message an agent masked; the message keeps `*` per character, the
-- original is kept sealed here for people allowed to unmask it.
create table message_masks (
  id text primary key,
  ticket_id text not null references tickets(id) on delete cascade,
  seq int not null,
  -- Character offsets (Unicode code points) into the message body, end exclusive.
  start_at int not null check (start_at >= 0),
  end_at int not null check (end_at > start_at),
  sealed_original text not null,
  masked_by text not null,
  masked_at timestamptz not null default now(),
  foreign key (ticket_id, seq) references ticket_messages (ticket_id, seq) on delete cascade
);
create index message_masks_message on message_masks (ticket_id, seq);
