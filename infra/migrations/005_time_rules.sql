-- Time rules: business hours, SLA policies and automations per service, and what fired for which ticket.

-- Without a row a service works around the clock.
create table business_hours (
  service_id text primary key references services(id) on delete cascade,
  timezone text not null,
  -- [{ "day": 0-6 (Sunday = 0), "start": "09:00", "end": "18:00" }, …]
  weekly jsonb not null,
  holidays date[] not null default '{}',
  updated_at timestamptz not null default now()
);

-- A ticket follows the first enabled policy (by position) whose priority and intake type match it
-- (null matches any; the intake type matches its whole subtree).
create table sla_policies (
  id text primary key,
  service_id text not null references services(id) on delete cascade,
  title text not null,
  position int not null,
  enabled boolean not null default true,
  priority text,
  intake_type_id text references categories(id),
  -- Business time allowed, in milliseconds; null means no target.
  first_response_ms bigint,
  resolution_ms bigint,
  -- Share of a target after which it is "at risk".
  at_risk_ratio double precision not null default 0.8 check (at_risk_ratio > 0 and at_risk_ratio < 1),
  on_at_risk jsonb not null default '[]',
  on_breach jsonb not null default '[]',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz
);
create index sla_policies_service on sla_policies (service_id, position) where deleted_at is null;

-- "Resolved for N → complete" and "on hold for N → remind the assignee", in calendar time.
create table automations (
  id text primary key,
  service_id text not null references services(id) on delete cascade,
  kind text not null check (kind in ('complete_resolved', 'remind_on_hold')),
  after_ms bigint not null check (after_ms > 0),
  enabled boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz
);

-- Each time rule fires once per ticket and key (e.g. `first_response:breached`, `automation:<id>:<since>`).
create table time_rule_firings (
  ticket_id text not null references tickets(id) on delete cascade,
  key text not null,
  fired_at timestamptz not null default now(),
  primary key (ticket_id, key)
);

alter table trigger_evaluations drop constraint trigger_evaluations_event_check;
alter table trigger_evaluations add constraint trigger_evaluations_event_check
  check (event in ('created', 'updated', 'time_rule'));
