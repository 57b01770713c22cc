-- The ticket read model. The ticket workflow owns the truth; activities write here before an update returns,
-- keyed by (ticket id, event seq) so that a retried activity never writes twice.
create table tickets (
  id text primary key,
  service_id text not null references services(id),
  channel text not null,
  status text not null,
  priority text not null,
  subject text not null,
  content text not null,
  intake_type_id text references categories(id),
  resolution_type_id text references categories(id),
  customer_id text references customers(id),
  group_id text references groups(id),
  assignee_id text references agents(id),
  creator_id text references agents(id),
  tags text[] not null default '{}',
  important boolean not null default false,
  last_seq int not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  resolved_at timestamptz,
  closed_at timestamptz,
  deleted_at timestamptz
);
create index tickets_list on tickets (service_id, status, created_at desc, id desc) where deleted_at is null;
create index tickets_assignee on tickets (assignee_id, status, created_at desc, id desc) where deleted_at is null;
create index tickets_group on tickets (group_id, created_at desc, id desc) where deleted_at is null;
create index tickets_created on tickets (created_at desc, id desc) where deleted_at is null;

create table ticket_events (
  ticket_id text not null references tickets(id) on delete cascade,
  seq int not null,
  kind text not null,
  actor_id text references agents(id),
  changes jsonb not null default '{}',
  at timestamptz not null,
  primary key (ticket_id, seq)
);

-- Replies, interim answers, comments and internal notes: the ticket's processing history.
create table ticket_messages (
  ticket_id text not null references tickets(id) on delete cascade,
  seq int not null,
  kind text not null check (kind in ('reply', 'interim', 'comment', 'internal_note')),
  author_id text references agents(id),
  body text not null,
  at timestamptz not null,
  primary key (ticket_id, seq)
);
