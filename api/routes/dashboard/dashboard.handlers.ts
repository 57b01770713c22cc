import { TRANSFERRED_STATUSES } from '../../../domain/ticket';
import type { AppRouteHandler } from '../../context';
import { listCondition, visibleTickets } from '../tickets/tickets.queries';
import { TicketList } from '../tickets/tickets.schemas';
import type * as routes from './dashboard.routes';

export const dashboard: AppRouteHandler<typeof routes.dashboard> = async (c) => {
  const { sql } = c.var.deps;
  const agent = c.var.agent;
  const { serviceId, timezone } = c.req.valid('query');
  const lists = TicketList.options;
  const today = sql`(date_trunc('day', now() at time zone ${timezone}) at time zone ${timezone})`;
  const mine = sql`t.assignee_id = ${agent.id}`;
  const listCounts = lists
    .map((list) => sql`count(*) filter (where ${listCondition(sql, list, agent.id)})::int as ${sql(list)}`)
    .reduce((joined, count) => sql`${joined}, ${count}`);
  const [row] = await sql<Record<string, number | null>[]>`
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
      count(*) filter (where ${mine} and t.status in ${sql(TRANSFERRED_STATUSES)})::int as mine_transferring
    from tickets t
    where t.deleted_at is null and ${visibleTickets(sql, agent)} ${serviceId ? sql`and t.service_id = ${serviceId}` : sql``}`;
  return c.json(
    {
      lists: Object.fromEntries(lists.map((list) => [list, row[list] as number])) as Record<(typeof lists)[number], number>,
      all: {
        receivedToday: row.received_today!,
        resolvedToday: row.resolved_today!,
        inProgress: row.in_progress!,
        onHold: row.on_hold!,
        unassigned: row.unassigned!,
        processingRate: row.processing_rate,
      },
      mine: {
        resolvedToday: row.mine_resolved_today!,
        inProgress: row.mine_in_progress!,
        onHold: row.mine_on_hold!,
        transferring: row.mine_transferring!,
      },
    },
    200,
  );
};
