-- Export jobs: a search result or the customer list written as CSV or XLSX in the background, with progress. The
-- file is kept in chunks here rather than on one API server's disk, so any API process can serve the download.
create table export_jobs (
  id text primary key,
  org_id text not null references organizations(id),
  agent_id text not null references agents(id) on delete cascade,
  kind text not null check (kind in ('tickets', 'customers')),
  format text not null check (format in ('csv', 'xlsx')),
  request jsonb not null,
  file_name text not null,
  status text not null default 'running' check (status in ('running', 'done', 'failed')),
  rows_total int not null,
  rows_written int not null default 0,
  truncated boolean not null default false,
  error text,
  bytes bigint not null default 0,
  created_at timestamptz not null default now(),
  -- Moved on with every 1,000 rows; a running job whose heartbeat stopped lost its process.
  heartbeat_at timestamptz not null default now(),
  finished_at timestamptz
);
create index export_jobs_agent on export_jobs (agent_id, created_at desc);

create table export_chunks (
  job_id text not null references export_jobs(id) on delete cascade,
  seq int not null,
  data bytea not null,
  primary key (job_id, seq)
);
