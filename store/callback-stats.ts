/**
 * Callback processing status (콜백 처리현황): per day, month, agent or route, how many requests were assigned,
 * completed and left unprocessed, the completion rate and the call attempts. A request counts as assigned while it
 * has an assignee or has been completed; a cancelled assignment no longer counts. Days and months are those of
 * the request's arrival in the viewer's time zone.
 */
import type { CallbackStatsGroup } from '../domain/callback';
import type { Db } from './db';


export interface CallbackStatsRow {
  /** The day (YYYY-MM-DD), month (YYYY-MM), agent id or route id. */
  key: string;
  /** What people read: the same date, or the agent's or route's name. */
  label: string;
  received: number;
  assigned: number;
  completed: number;
  unprocessed: number;
  /** completed ÷ assigned; null when nothing was assigned. */
  completionRate: number | null;
  attempts: number;
}

export interface CallbackStatsQuery {
  orgId: string;
  serviceId?: string;
  from: string;
  to: string;
  timezone: string;
  groupBy: CallbackStatsGroup;
  routeId?: string;
  assigneeId?: string;
}

export async function callbackStats(sql: Db, query: CallbackStatsQuery): Promise<{ rows: CallbackStatsRow[]; total: CallbackStatsRow }> {
  const local = sql`(c.created_at at time zone ${query.timezone})`;
  const [key, label, joins] = {
    // A date is its own label; written once, since the time zone parameter twice would be two expressions.
    day: [sql`to_char(${local}, 'YYYY-MM-DD')`, sql`null`, sql``],
    month: [sql`to_char(${local}, 'YYYY-MM')`, sql`null`, sql``],
    agent: [sql`c.assignee_id`, sql`min(a.name)`, sql`join agents a on a.id = c.assignee_id`],
    route: [sql`c.route_id`, sql`min(r.name)`, sql``],
  }[query.groupBy];
  const rows = await sql<Omit<CallbackStatsRow, 'completionRate'>[]>`
    select ${key} as key, ${label} as label,
      count(*)::int as received,
      count(*) filter (where c.status in ('unprocessed', 'completed'))::int as assigned,
      count(*) filter (where c.status = 'completed')::int as completed,
      count(*) filter (where c.status = 'unprocessed')::int as unprocessed,
      coalesce(sum(c.attempts), 0)::int as attempts
    from callbacks c
      join services s on s.id = c.service_id
      join ivr_routes r on r.id = c.route_id
      ${joins}
    where s.org_id = ${query.orgId}
      and c.created_at >= ${query.from} and c.created_at < ${query.to}
      ${query.serviceId ? sql`and c.service_id = ${query.serviceId}` : sql``}
      ${query.routeId ? sql`and c.route_id = ${query.routeId}` : sql``}
      ${query.assigneeId ? sql`and c.assignee_id = ${query.assigneeId}` : sql``}
    group by 1
    order by 1`;
  const withRate = (row: Omit<CallbackStatsRow, 'completionRate'>): CallbackStatsRow => ({
    ...row,
    label: row.label ?? row.key,
    completionRate: row.assigned === 0 ? null : row.completed / row.assigned,
  });
  const sum = (field: 'received' | 'assigned' | 'completed' | 'unprocessed' | 'attempts') => rows.reduce((total, row) => total + row[field], 0);
  const total = withRate({
    key: 'total',
    label: 'total',
    received: sum('received'),
    assigned: sum('assigned'),
    completed: sum('completed'),
    unprocessed: sum('unprocessed'),
    attempts: sum('attempts'),
  });
  return { rows: rows.map(withRate), total };
}
