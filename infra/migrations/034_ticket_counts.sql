-- The dashboard's counters, maintained instead of counted. Counting every ticket of the viewer's services on each
-- dashboard load read a whole index of `tickets` (hundreds of thousands of entries at a million tickets).
--
-- A trigger on `tickets` keeps them, so every writer is covered: the ticket workflow's activities, bulk jobs,
-- imports, merges, deletions, and any later code that forgets. It runs in the transaction that changes the ticket,
-- so a reader sees the counts and the tickets of the same moment.
--
-- The counters are delta rows, appended and summed at read: a change inserts its -1 and +1 rows and never updates a
-- shared row, so concurrent intake in one service never waits on a counter row's lock (an upserted counter per
-- service would serialise every create in it until commit). `compact_ticket_counts()` folds the rows of each key
-- into one, run every half minute by the API (store/ticket-counts.ts); readers see the rows before or after a
-- compaction, never a mix, since it deletes and inserts in one statement.

-- Tickets not deleted, per service, group, assignee and status: every task list's count, the open states and an
-- agent's load for least-loaded assignment.
create table ticket_counts (
  service_id text not null,
  group_id text,
  assignee_id text,
  status text not null,
  tickets int not null
);
create index ticket_counts_service on ticket_counts (service_id);
create index ticket_counts_assignee on ticket_counts (assignee_id, status) where assignee_id is not null;

-- Tickets per 15-minute slot, for "today" in any time zone (every offset in use is a multiple of 15 minutes, so a
-- local midnight is a slot boundary) and the last 24 hours:
--   received  by creation slot, not spam;
--   done      by creation slot, resolved or closed (the processing rate of the last 24 hours);
--   resolved  by the slot of resolved_at, per assignee.
-- Only the last two days are kept: no reader looks further back.
create table ticket_time_counts (
  service_id text not null,
  kind text not null check (kind in ('received', 'done', 'resolved')),
  slot timestamptz not null,
  assignee_id text,
  tickets int not null
);
create index ticket_time_counts_service on ticket_time_counts (service_id, slot);

create function ticket_count_slot(at timestamptz) returns timestamptz
  language sql immutable parallel safe
  return date_bin('15 minutes', at, timestamptz '2000-01-01 00:00:00+00');

-- What a ticket row adds to the counters (delta = 1) or takes away (delta = -1); nothing for a deleted ticket, nor
-- for the missing row of an insert (old) or a delete (new).
create function ticket_count_rows(t tickets, delta int)
  returns table (service_id text, group_id text, assignee_id text, status text, tickets int)
  language sql immutable
begin atomic
  select t.service_id, t.group_id, t.assignee_id, t.status, delta where t.id is not null and t.deleted_at is null;
end;

create function ticket_time_count_rows(t tickets, delta int)
  returns table (service_id text, kind text, slot timestamptz, assignee_id text, tickets int)
  language sql stable
begin atomic
  select t.service_id, v.kind, ticket_count_slot(v.at), v.assignee_id, delta
  from (values
    ('received', t.created_at, null::text, t.status <> 'spam'),
    ('done', t.created_at, null::text, t.status in ('resolved', 'closed')),
    ('resolved', t.resolved_at, t.assignee_id, t.resolved_at is not null)) v (kind, at, assignee_id, counted)
  where t.id is not null and t.deleted_at is null and v.counted and v.at >= now() - interval '2 days';
end;

create function ticket_counts_track() returns trigger language plpgsql as $$
begin
  -- One row per key that changed: a change of assignee in one status writes -1 and +1, a subject edit nothing
  -- (the trigger's WHEN skips it before this runs).
  insert into ticket_counts (service_id, group_id, assignee_id, status, tickets)
  select c.service_id, c.group_id, c.assignee_id, c.status, sum(c.tickets)
  from (
    select * from ticket_count_rows(old, -1)
    union all
    select * from ticket_count_rows(new, 1)) c
  group by 1, 2, 3, 4 having sum(c.tickets) <> 0;
  insert into ticket_time_counts (service_id, kind, slot, assignee_id, tickets)
  select c.service_id, c.kind, c.slot, c.assignee_id, sum(c.tickets)
  from (
    select * from ticket_time_count_rows(old, -1)
    union all
    select * from ticket_time_count_rows(new, 1)) c
  group by 1, 2, 3, 4 having sum(c.tickets) <> 0;
  return null;
end $$;

create trigger tickets_counts_insert_delete after insert or delete on tickets
  for each row execute function ticket_counts_track();
create trigger tickets_counts_update after update on tickets
  for each row
  when ((old.service_id, old.group_id, old.assignee_id, old.status, old.deleted_at is null, old.created_at, old.resolved_at)
    is distinct from (new.service_id, new.group_id, new.assignee_id, new.status, new.deleted_at is null, new.created_at, new.resolved_at))
  execute function ticket_counts_track();

-- Folds each key's delta rows into one and drops the slots no reader looks at. Concurrent changes are not waited
-- for: rows they insert meanwhile stay as they are, to be folded next time. One compaction at a time (others
-- return at once), so two never fold the same rows.
create function compact_ticket_counts() returns void language plpgsql as $$
begin
  if not pg_try_advisory_xact_lock(hashtext('contactflow.compact_ticket_counts')) then
    return;
  end if;
  with folded as (
    delete from ticket_counts c
    using (
      select k.service_id, k.group_id, k.assignee_id, k.status from ticket_counts k
      group by 1, 2, 3, 4 having count(*) > 1 or sum(k.tickets) = 0) k
    where c.service_id = k.service_id and c.group_id is not distinct from k.group_id
      and c.assignee_id is not distinct from k.assignee_id and c.status = k.status
    returning c.*)
  insert into ticket_counts (service_id, group_id, assignee_id, status, tickets)
  select f.service_id, f.group_id, f.assignee_id, f.status, sum(f.tickets) from folded f
  group by 1, 2, 3, 4 having sum(f.tickets) <> 0;

  delete from ticket_time_counts where slot < now() - interval '2 days';
  with folded as (
    delete from ticket_time_counts c
    using (
      select k.service_id, k.kind, k.slot, k.assignee_id from ticket_time_counts k
      group by 1, 2, 3, 4 having count(*) > 1 or sum(k.tickets) = 0) k
    where c.service_id = k.service_id and c.kind = k.kind and c.slot = k.slot
      and c.assignee_id is not distinct from k.assignee_id
    returning c.*)
  insert into ticket_time_counts (service_id, kind, slot, assignee_id, tickets)
  select f.service_id, f.kind, f.slot, f.assignee_id, sum(f.tickets) from folded f
  group by 1, 2, 3, 4 having sum(f.tickets) <> 0;
end $$;

-- Counts every ticket again: after this migration, and after a bulk load that bypassed the trigger (the benchmark
-- corpus is copied with triggers off).
create function rebuild_ticket_counts() returns void language plpgsql as $$
begin
  lock table ticket_counts, ticket_time_counts in exclusive mode;
  delete from ticket_counts;
  delete from ticket_time_counts;
  insert into ticket_counts (service_id, group_id, assignee_id, status, tickets)
  select t.service_id, t.group_id, t.assignee_id, t.status, count(*) from tickets t where t.deleted_at is null
  group by 1, 2, 3, 4;
  insert into ticket_time_counts (service_id, kind, slot, assignee_id, tickets)
  select c.service_id, c.kind, c.slot, c.assignee_id, sum(c.tickets)
  from tickets t cross join lateral ticket_time_count_rows(t, 1) c
  where t.deleted_at is null and (t.created_at >= now() - interval '2 days' or t.resolved_at >= now() - interval '2 days')
  group by 1, 2, 3, 4;
end $$;

select rebuild_ticket_counts();
