-- What trigger evaluations did, keyed so that a retried evaluation or side effect writes nothing twice.

-- One row per evaluation of a ticket: the pinned version it used and the full trace.
create table trigger_evaluations (
  ticket_id text not null references tickets(id) on delete cascade,
  evaluation int not null,
  event text not null check (event in ('created', 'updated')),
  version_id text,
  version_number int,
  evaluator text not null,
  trace jsonb not null,
  at timestamptz not null default now(),
  primary key (ticket_id, evaluation)
);

-- Side effects (email, forward, callback URL, Dooray) of an evaluation, performed after the state settled.
create table trigger_side_effects (
  ticket_id text not null references tickets(id) on delete cascade,
  evaluation int not null,
  index int not null,
  trigger_id text not null,
  result jsonb not null,
  status text not null default 'pending' check (status in ('pending', 'sent', 'failed', 'skipped')),
  attempts int not null default 0,
  last_error text,
  detail jsonb,
  updated_at timestamptz not null default now(),
  primary key (ticket_id, evaluation, index)
);

-- An assignment decision, remembered so that a retried evaluation assigns the same agent and advances a
-- round-robin cursor only once.
create table assignment_decisions (
  key text primary key,
  group_id text not null,
  agent_id text,
  decided_at timestamptz not null default now()
);

-- Round robin walks a group's agents in the order they were added (group_members.added_seq).
create table round_robin_cursors (
  group_id text primary key references groups(id) on delete cascade,
  last_added_seq bigint not null
);

alter table agents add column last_assigned_at timestamptz;
