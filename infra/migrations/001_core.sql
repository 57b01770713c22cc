-- Organisation, services, people and configuration: the home of everything an admin edits.
create table organizations (
  id text primary key,
  name text not null,
  created_at timestamptz not null default now()
);

create table services (
  id text primary key,
  org_id text not null references organizations(id),
  name text not null,
  kind text not null check (kind in ('consultation', 'issue')),
  created_at timestamptz not null default now(),
  unique (org_id, name)
);

create table agents (
  id text primary key,
  org_id text not null references organizations(id),
  email text not null,
  name text not null,
  role text not null check (role in ('org_admin', 'admin', 'agent')),
  permissions text[] not null default '{}',
  password_hash text not null,
  active boolean not null default true,
  -- Round-robin assignment walks agents in the order they were added.
  added_seq bigserial not null,
  created_at timestamptz not null default now()
);
create unique index agents_email_key on agents (lower(email));

create table groups (
  id text primary key,
  service_id text not null references services(id),
  name text not null,
  created_at timestamptz not null default now(),
  unique (service_id, name)
);

create table group_members (
  group_id text not null references groups(id) on delete cascade,
  agent_id text not null references agents(id) on delete cascade,
  added_seq bigserial not null,
  added_at timestamptz not null default now(),
  primary key (group_id, agent_id)
);
create index group_members_agent on group_members (agent_id);

create table categories (
  id text primary key,
  service_id text not null references services(id),
  kind text not null check (kind in ('intake', 'resolution')),
  parent_id text references categories(id),
  name text not null,
  depth int not null check (depth between 1 and 5),
  position int not null default 0,
  enabled boolean not null default true,
  created_at timestamptz not null default now()
);
create index categories_service_kind on categories (service_id, kind);

create table customers (
  id text primary key,
  service_id text not null references services(id),
  name text,
  email text,
  phone text,
  user_id text,
  created_at timestamptz not null default now()
);
create index customers_phone on customers (service_id, phone) where phone is not null;
create index customers_email on customers (lower(email));

create table sessions (
  token_hash text primary key,
  agent_id text not null references agents(id) on delete cascade,
  expires_at timestamptz not null,
  created_at timestamptz not null default now()
);

create table api_tokens (
  id text primary key,
  name text not null,
  token_hash text not null unique,
  agent_id text not null references agents(id) on delete cascade,
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);

create table audit_log (
  id bigserial primary key,
  actor_id text,
  action text not null,
  target text,
  details jsonb not null default '{}',
  at timestamptz not null default now()
);
