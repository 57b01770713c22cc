-- `Idempotency-Key` on POST /tickets: an API client that retries a creation gets the same ticket back.
create table idempotency_keys (
  agent_id text not null references agents(id) on delete cascade,
  key text not null,
  request_hash text not null,
  ticket_id text not null,
  created_at timestamptz not null default now(),
  primary key (agent_id, key)
);
