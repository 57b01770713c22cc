-- Reply templates (답변 템플릿): text an agent inserts into a reply, with substitution codes filled from the ticket,
-- optionally linked to a resolution type.
create table reply_templates (
  id text primary key,
  service_id text not null references services(id),
  code text not null,
  title text not null,
  body text not null,
  resolution_type_id text references categories(id),
  created_by text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz
);
create unique index reply_templates_code on reply_templates (service_id, lower(code)) where deleted_at is null;
create index reply_templates_service on reply_templates (service_id, lower(title)) where deleted_at is null;
