/**
 * The dashboard's counters, read from the counters a trigger maintains on `tickets` (migration 034) rather than
 * counted from the tickets: every task list's count, today's received and resolved tickets (today in the viewer's
 * time zone), the open states and the processing rate of the last 24 hours. What a load reads grows with the
 * services, groups, agents and statuses in the viewer's scope and with one day's 15-minute slots, not with tickets.
 */
import type { PendingQuery, Row } from 'postgres';
import type { Sql } from './db';
import { TICKET_LISTS, TRANSFERRED_STATUSES, type TicketListName } from '../domain/ticket';
import { listCondition, visibleTickets, type TicketViewer } from './tickets';

export type DashboardCounts = Record<TicketListName, number> & {
  received_today: number;
  resolved_today: number;
  in_progress: number;
  on_hold: number;
  unassigned: number;
  /** Null when no ticket arrived in the last 24 hours. */
  processing_rate: number | null;
  mine_resolved_today: number;
  mine_transferring: number;
  /** Open customer-guidance requests (고객 안내) on tickets assigned to the viewer. */
  mine_guidance_requests: number;
};

export async function dashboardCounts(
  sql: Sql,
  viewer: TicketViewer,
  { serviceId, timezone }: { serviceId?: string; timezone: string },
): Promise<DashboardCounts> {
  // Every time zone in use is offset by a multiple of 15 minutes, so local midnight starts a slot.
  const today = sql`(date_trunc('day', now() at time zone ${timezone}) at time zone ${timezone})`;
  // The last 24 hours begin inside a slot: whole slots from the next one on, the tickets of the partial one counted.
  const dayStart = sql`(now() - interval '24 hours')`;
  const firstWholeSlot = sql`(ticket_count_slot(now() - interval '24 hours') + interval '15 minutes')`;
  const sum = (condition: PendingQuery<Row[]>) => sql`coalesce(sum(t.tickets) filter (where ${condition}), 0)::int`;
  const listCounts = TICKET_LISTS
    .map((list) => sql`${sum(listCondition(sql, list, viewer.id))} as ${sql(list)}`)
    .reduce((joined, count) => sql`${joined}, ${count}`);
  const mine = sql`t.assignee_id = ${viewer.id}`;
  const [row] = await sql<DashboardCounts[]>`
    with scope as (
      select t.service_id from (select id as service_id from services) t
      where ${visibleTickets(sql, viewer)} ${serviceId ? sql`and t.service_id = ${serviceId}` : sql``}),
    counts as (
      select c.group_id, c.assignee_id, c.status, sum(c.tickets) as tickets from ticket_counts c
      where c.service_id in (select service_id from scope) group by 1, 2, 3),
    slots as (
      select c.kind, c.slot, c.assignee_id, c.tickets from ticket_time_counts c
      where c.service_id in (select service_id from scope) and c.slot >= least(${today}, ${firstWholeSlot})),
    edge as (
      select count(*) filter (where t.status <> 'spam') as received, count(*) filter (where t.status in ('resolved', 'closed')) as done
      from tickets t
      where t.deleted_at is null and t.service_id in (select service_id from scope)
        and t.created_at >= ${dayStart} and t.created_at < ${firstWholeSlot}),
    recent as (
      select
        coalesce(sum(t.tickets) filter (where t.kind = 'received' and t.slot >= ${today}), 0)::int as received_today,
        coalesce(sum(t.tickets) filter (where t.kind = 'resolved' and t.slot >= ${today}), 0)::int as resolved_today,
        coalesce(sum(t.tickets) filter (where t.kind = 'resolved' and t.slot >= ${today} and ${mine}), 0)::int as mine_resolved_today,
        coalesce(sum(t.tickets) filter (where t.kind = 'received' and t.slot >= ${firstWholeSlot}), 0) as received_24h,
        coalesce(sum(t.tickets) filter (where t.kind = 'done' and t.slot >= ${firstWholeSlot}), 0) as done_24h
      from slots t)
    select
      ${listCounts},
      ${sum(sql`t.status = 'in_progress'`)} as in_progress,
      ${sum(sql`t.status = 'on_hold'`)} as on_hold,
      ${sum(sql`t.status = 'unassigned'`)} as unassigned,
      ${sum(sql`${mine} and t.status in ${sql(TRANSFERRED_STATUSES)}`)} as mine_transferring,
      (select received_today from recent),
      (select resolved_today from recent),
      (select mine_resolved_today from recent),
      (select (r.done_24h + e.done)::float8 / nullif(r.received_24h + e.received, 0) from recent r, edge e) as processing_rate,
      -- Transfers: open customer-guidance requests on the viewer's tickets.
      (select count(*) from guidance_requests g join tickets t on t.id = g.source_ticket_id
        where g.done_at is null and ${mine} and t.deleted_at is null and t.service_id in (select service_id from scope))::int
        as mine_guidance_requests
    from counts t`;
  return row;
}
