-- Transfers: Dooray! settings (organisations with their encrypted API token, projects with a webhook secret,
-- agents' Dooray member ids), Dooray transfers and their conversation, issue transfers between services and the
-- customer-guidance requests the issue side sends back.
create table dooray_organizations (
  id text primary key,
  org_id text not null references organizations(id),
  name text not null,
  dooray_org_id text not null,
  api_base_url text not null,
  -- AES-256-GCM, sealed by infra/keyring.ts with the key id in front; never returned by the API.
  api_token_sealed text not null,
  paused boolean not null default false,
  created_at timestamptz not null default now(),
  unique (org_id, name)
);

create table dooray_projects (
  id text primary key,
  dooray_organization_id text not null references dooray_organizations(id) on delete cascade,
  name text not null,
  url text,
  dooray_project_id text not null,
  default_creator_member_id text not null,
  -- Part of the webhook URL shown to the admin: a hook whose secret does not match is refused.
  webhook_secret text not null,
  created_at timestamptz not null default now(),
  unique (dooray_organization_id, dooray_project_id)
);

create table dooray_members (
  dooray_organization_id text not null references dooray_organizations(id) on delete cascade,
  agent_id text not null references agents(id) on delete cascade,
  member_id text not null,
  source text not null check (source in ('lookup', 'manual')),
  updated_at timestamptz not null default now(),
  primary key (dooray_organization_id, agent_id)
);

create table dooray_transfers (
  id text primary key,
  ticket_id text not null references tickets(id) on delete cascade,
  project_id text not null references dooray_projects(id),
  -- The ticket event that requested it; a retried write finds the same row.
  seq int not null,
  requested_by text references agents(id),
  created_as_member_id text not null,
  subject text not null,
  body text not null,
  mime_type text not null,
  tag_ids text[] not null default '{}',
  assignees jsonb not null default '[]',
  status text not null default 'pending' check (status in ('pending', 'created', 'failed')),
  post_id text,
  task_number int,
  task_class text check (task_class in ('backlog', 'registered', 'working', 'closed')),
  failure text,
  created_at timestamptz not null,
  task_created_at timestamptz,
  unique (ticket_id, seq)
);
create index dooray_transfers_ticket on dooray_transfers (ticket_id, created_at);
create unique index dooray_transfers_post on dooray_transfers (project_id, post_id) where post_id is not null;

-- The Dooray conversation: comments on the transfer's task, ours and Dooray users', keyed by Dooray's comment id.
create table dooray_comments (
  transfer_id text not null references dooray_transfers(id) on delete cascade,
  comment_id text not null,
  direction text not null check (direction in ('in', 'out')),
  author_id text references agents(id),
  author_name text,
  body text not null,
  mime_type text not null,
  at timestamptz not null,
  primary key (transfer_id, comment_id)
);

create table issue_transfers (
  id text primary key,
  source_ticket_id text not null references tickets(id) on delete cascade,
  -- Filled in by the issue ticket's own creation; no foreign key because that ticket is written after this row.
  issue_ticket_id text not null unique,
  issue_service_id text not null references services(id),
  seq int not null,
  requested_by text references agents(id),
  fields jsonb not null default '{}',
  status text not null default 'transferred' check (status in ('transferred', 'answered')),
  answer_status text,
  answer_body text,
  created_at timestamptz not null,
  answered_at timestamptz,
  unique (source_ticket_id, seq)
);

create table guidance_requests (
  id text primary key,
  issue_transfer_id text not null references issue_transfers(id) on delete cascade,
  source_ticket_id text not null references tickets(id) on delete cascade,
  requested_by text references agents(id),
  body text not null,
  created_at timestamptz not null default now(),
  done_at timestamptz,
  done_by text references agents(id)
);
create index guidance_requests_open on guidance_requests (source_ticket_id) where done_at is null;
