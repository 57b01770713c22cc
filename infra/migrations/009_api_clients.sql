-- API tokens become principals of their own (API clients): a name, an owner (the agent who issued the token),
-- scopes, and when they were last used. A client acts with the intersection of its scopes and its owner's role.
alter table api_tokens
  add column scopes text[] not null default '{}',
  add column last_used_at timestamptz;

-- Tokens issued before scopes existed acted with everything their owner could do: they keep every scope.
update api_tokens
set scopes = array['tickets:read', 'tickets:write', 'customers:read', 'directory:read', 'rules:simulate', 'admin'];

create index api_tokens_agent on api_tokens (agent_id, created_at desc);

-- Who acted is an agent (`A…`) or an API client (`K…`, an api_tokens id), so these columns no longer reference
-- agents only; readers resolve an id against both (store/actors.ts).
alter table tickets drop constraint if exists tickets_creator_id_fkey;
alter table ticket_events drop constraint if exists ticket_events_actor_id_fkey;
alter table ticket_messages drop constraint if exists ticket_messages_author_id_fkey;
