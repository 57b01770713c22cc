/**
 * The dashboard's counters in one pass over the tickets the viewer may see: every task list's count, today's
 * received and resolved tickets (today in the viewer's time zone), the open states and the processing rate.
 */
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
  const today = sql`(date_trunc('day', now() at time zone ${timezone}) at time zone ${timezone})`;
  const mine = sql`t.assignee_id = ${viewer.id}`;
  const listCounts = TICKET_LISTS
    .map((list) => sql`count(*) filter (where ${listCondition(sql, list, viewer.id)})::int as ${sql(list)}`)
    .reduce((joined, count) => sql`${joined}, ${count}`);
  const [row] = await sql<DashboardCounts[]>`
    select
      ${listCounts},
      count(*) filter (where t.status <> 'spam' and t.created_at >= ${today})::int as received_today,
      count(*) filter (where t.resolved_at >= ${today})::int as resolved_today,
      count(*) filter (where t.status = 'in_progress')::int as in_progress,
      count(*) filter (where t.status = 'on_hold')::int as on_hold,
      count(*) filter (where t.status = 'unassigned')::int as unassigned,
      (count(*) filter (where t.created_at >= now() - interval '24 hours' and t.status in ('resolved', 'closed')))::float8
        / nullif(count(*) filter (where t.created_at >= now() - interval '24 hours' and t.status <> 'spam'), 0) as processing_rate,
      count(*) filter (where ${mine} and t.resolved_at >= ${today})::int as mine_resolved_today,
      count(*) filter (where ${mine} and t.status in ${sql(TRANSFERRED_STATUSES)})::int as mine_transferring,
      -- Transfers: open customer-guidance requests on the viewer's tickets.
      coalesce(sum((select count(*) from guidance_requests g where g.source_ticket_id = t.id and g.done_at is null))
        filter (where ${mine}), 0)::int as mine_guidance_requests
    from tickets t
    where t.deleted_at is null and ${visibleTickets(sql, viewer)} ${serviceId ? sql`and t.service_id = ${serviceId}` : sql``}`;
  return row;
}
