-- Bulk processing (일괄 처리): one job works through up to 1,000 selected tickets, each exactly once. The job's
-- workflow (`bulk-job-<id>`) drives every ticket's own workflow; these rows are its progress, readable while it runs.
create table bulk_jobs (
  id text primary key,
  org_id text not null references organizations(id),
  -- The agent or API client that asked for it.
  actor_id text not null,
  action jsonb not null,
  total int not null check (total between 1 and 1000),
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
create index bulk_jobs_org on bulk_jobs (org_id, created_at desc);

create table bulk_job_items (
  job_id text not null references bulk_jobs(id) on delete cascade,
  ticket_id text not null references tickets(id),
  position int not null,
  -- `pending` until the ticket's workflow accepted the command (`done`) or refused it (`refused`, with its code).
  status text not null default 'pending' check (status in ('pending', 'done', 'refused')),
  error_code text,
  error_message text,
  finished_at timestamptz,
  primary key (job_id, ticket_id)
);
create index bulk_job_items_progress on bulk_job_items (job_id, status);
