-- Ticket and customer search at a million tickets (docs/PERFORMANCE.md#search).
--
-- Korean has no word boundaries a full-text dictionary understands, so subject and content are searched by
-- substring through trigram GIN indexes (pg_trgm ships with PostgreSQL). Trigrams help patterns of three or more
-- characters; shorter ones are still answered correctly, by walking the sort index with a filter.
create extension if not exists pg_trgm;

create index tickets_subject_trgm on tickets using gin (subject gin_trgm_ops) where deleted_at is null;
create index tickets_content_trgm on tickets using gin (content gin_trgm_ops) where deleted_at is null;

-- Sorting by priority puts urgent first; a stored rank keeps that order in an index.
alter table tickets add column priority_rank smallint generated always as (
  case priority when 'urgent' then 4 when 'high' then 3 when 'normal' then 2 else 1 end) stored;

-- One index per sort order, and one per condition agents filter task lists by, each ending in the sort key so a
-- page is read in order and stops after the page size.
create index tickets_updated on tickets (updated_at desc, id desc) where deleted_at is null;
create index tickets_priority_order on tickets (priority_rank desc, created_at desc, id desc) where deleted_at is null;
create index tickets_service_created on tickets (service_id, created_at desc, id desc) where deleted_at is null;
create index tickets_by_priority on tickets (priority, created_at desc, id desc) where deleted_at is null;
create index tickets_by_channel on tickets (channel, created_at desc, id desc) where deleted_at is null;
create index tickets_by_intake on tickets (intake_type_id, created_at desc, id desc) where deleted_at is null;
create index tickets_by_resolution on tickets (resolution_type_id, created_at desc, id desc) where deleted_at is null;
create index tickets_by_status on tickets (status, created_at desc, id desc) where deleted_at is null;
create index tickets_group_status on tickets (group_id, status, created_at desc, id desc) where deleted_at is null;
create index tickets_tags on tickets using gin (tags) where deleted_at is null;
create index tickets_important on tickets (created_at desc, id desc) where deleted_at is null and important;

-- Customers: the user key (유저키) of the company's own system, and the values a manual merge kept beside the
-- record's own (differing values are appended, never overwritten): {"email": ["…"], "phone": ["…"], …}.
alter table customers add column user_key text;
alter table customers add column merged_values jsonb not null default '{}';
create index customers_user_key on customers (service_id, user_key) where user_key is not null;
create index customers_user_id on customers (user_id) where user_id is not null;
-- Phone numbers are compared by their digits: 010-1234-5678 finds 01012345678.
create index customers_phone_digits on customers ((regexp_replace(phone, '\D', '', 'g')));
create index customers_name_trgm on customers using gin (name gin_trgm_ops);
create index customers_merged_values on customers using gin (merged_values jsonb_path_ops);

-- Which customer a merged one went into, so a late reference to the merged id still finds its customer.
create table customer_merges (
  merged_id text primary key,
  into_id text not null references customers(id) on delete cascade,
  merged_by text,
  at timestamptz not null default now()
);

-- An agent's default search conditions (조건 설정): what the search form opens with.
create table agent_search_defaults (
  agent_id text primary key references agents(id) on delete cascade,
  conditions jsonb not null,
  updated_at timestamptz not null default now()
);
