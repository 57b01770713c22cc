-- Who may call the API and what they may read changes rarely and is read on every request: the agent a session
-- names, the services an agent's groups are in. The API keeps them in memory (api/directory-cache.ts) and these
-- triggers tell every API process when to forget them: a notification on `directory_changes`, sent at commit, for
-- each statement that changes sessions, agents' role, permissions or standing, services, groups or memberships.
-- A new session changes nothing anyone has read, so inserting one is silent, as is the assignment cursor
-- (`agents.last_assigned_at`), which is written on every assignment.

create function notify_directory_change() returns trigger language plpgsql as $$
begin
  perform pg_notify('directory_changes', tg_table_name);
  return null;
end $$;

create trigger sessions_changed after update or delete on sessions
  for each statement execute function notify_directory_change();
create trigger agents_changed after insert or delete or update of org_id, email, name, role, permissions, active on agents
  for each statement execute function notify_directory_change();
create trigger services_changed after insert or delete or update of org_id on services
  for each statement execute function notify_directory_change();
create trigger groups_changed after insert or delete or update of service_id on groups
  for each statement execute function notify_directory_change();
create trigger group_members_changed after insert or delete or update on group_members
  for each statement execute function notify_directory_change();
