-- Callback requests (콜백) and the IVR routes (IVR Route 관리) they arrive through.
create table ivr_routes (
  id text primary key,
  org_id text not null references organizations(id),
  service_id text not null references services(id),
  -- The code the CTI administrator gives; the phone system posts it with every request.
  code text not null,
  name text not null,
  intake_type_id text references categories(id),
  -- Reminder thresholds in business time: unassigned this long → the admins are told; assigned this long without
  -- completion → the assignee is told, and after the escalation delay more the admins are.
  unassigned_after_ms bigint not null check (unassigned_after_ms > 0),
  due_after_ms bigint not null check (due_after_ms > 0),
  escalate_after_ms bigint not null check (escalate_after_ms > 0),
  created_at timestamptz not null default now(),
  deleted_at timestamptz
);
-- The phone system posts only the code, so a code names one live route in the organisation; a deleted route's
-- code can be used again.
create unique index ivr_routes_code on ivr_routes (org_id, code) where deleted_at is null;
create index ivr_routes_service on ivr_routes (service_id) where deleted_at is null;

create table callbacks (
  id text primary key,
  service_id text not null references services(id),
  route_id text not null references ivr_routes(id),
  phone text not null,
  customer_ref text,
  requested_at timestamptz not null,
  status text not null check (status in ('registered', 'unprocessed', 'completed', 'cancelled')),
  assignee_id text references agents(id),
  assigner_id text,
  assigned_at timestamptz,
  completed_at timestamptz,
  attempts int not null default 0,
  ticket_id text,
  last_seq int not null,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
-- The admin list (newest first, by service and period) and the agent's own list; the statistics scan by period.
create index callbacks_service_created on callbacks (service_id, created_at desc, id desc);
create index callbacks_assignee_status on callbacks (assignee_id, status) where assignee_id is not null;
create index callbacks_phone on callbacks (service_id, phone);

-- One row per accepted command, keyed by (callback id, seq) so a retried write leaves one row.
create table callback_events (
  callback_id text not null references callbacks(id),
  seq int not null,
  kind text not null,
  actor_id text,
  changes jsonb not null,
  at timestamptz not null,
  primary key (callback_id, seq)
);

-- `Idempotency-Key` on POST /callbacks: the phone system retrying an intake gets the same request back.
create table callback_idempotency_keys (
  agent_id text not null references agents(id) on delete cascade,
  key text not null,
  request_hash text not null,
  callback_id text not null,
  created_at timestamptz not null default now(),
  primary key (agent_id, key)
);

-- Phone presence (CTI 로그인) as the phone system reports it; even assignment may keep to logged-in agents.
create table agent_phone_presence (
  agent_id text primary key references agents(id) on delete cascade,
  presence text not null check (presence in ('logged_in', 'logged_out')),
  updated_at timestamptz not null default now()
);

-- Reminders, one per (request, kind, phase round): mailed until `mailed_at` is set, so a retried activity resends
-- only a mail that was not confirmed sent (with the same Message-ID, for receivers to drop a duplicate).
create table callback_reminders (
  callback_id text not null references callbacks(id),
  kind text not null check (kind in ('unassigned', 'overdue', 'escalated')),
  round int not null,
  recipients text[] not null,
  created_at timestamptz not null default now(),
  mailed_at timestamptz,
  primary key (callback_id, kind, round)
);
