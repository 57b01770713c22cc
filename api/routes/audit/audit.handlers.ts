import { requireRole } from '../../auth/agent';
import type { AppRouteHandler } from '../../context';
import { listAuditPage } from '../../../store/audit';
import type * as routes from './audit.routes';

export const listAudit: AppRouteHandler<typeof routes.listAudit> = async (c) => {
  const agent = c.get('agent');
  requireRole(agent, 'org_admin', 'admin');
  const { limit, cursor } = c.req.valid('query');
  const { items, more } = await listAuditPage(c.get('deps').sql, agent.orgId, { limit, before: cursor });
  return c.json(
    {
      items: items.map((row) => ({
        id: row.id,
        actorId: row.actor_id,
        actorName: row.actor?.name ?? null,
        actor: row.actor,
        action: row.action,
        target: row.target,
        details: row.details,
        at: row.at.toISOString(),
      })),
      nextCursor: more ? items[items.length - 1].id : null,
    },
    200,
  );
};
