import { requireRole } from '../../auth/agent';
import type { AppRouteHandler } from '../../context';
import type * as routes from './audit.routes';

type AuditRow = {
  id: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
  at: Date;
};

export const listAudit: AppRouteHandler<typeof routes.listAudit> = async (c) => {
  const agent = c.var.agent;
  requireRole(agent, 'org_admin', 'admin');
  const { limit, cursor } = c.req.valid('query');
  const { sql } = c.var.deps;
  // Entries of this organisation: those by its agents, and the actor-less bootstrap entry that names it.
  const rows = await sql<AuditRow[]>`
    select l.id::text, l.actor_id, a.name as actor_name, l.action, l.target, l.details, l.at
    from audit_log l left join agents a on a.id = l.actor_id
    where (a.org_id = ${agent.orgId} or (l.actor_id is null and l.target = ${agent.orgId}))
      ${cursor ? sql`and l.id < ${cursor}::bigint` : sql``}
    order by l.id desc
    limit ${limit + 1}`;
  const page = rows.slice(0, limit);
  return c.json(
    {
      items: page.map((row) => ({
        id: row.id,
        actorId: row.actor_id,
        actorName: row.actor_name,
        action: row.action,
        target: row.target,
        details: row.details,
        at: row.at.toISOString(),
      })),
      nextCursor: rows.length > limit ? page[page.length - 1].id : null,
    },
    200,
  );
};
