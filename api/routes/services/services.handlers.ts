import { businessId } from '../../../infra/ids';
import { writeAudit, isUniqueViolation } from '../../audit-log';
import { requireRole } from '../../auth/agent';
import type { AppRouteHandler } from '../../context';
import { ApiError } from '../../errors';
import { listServices as queryServices, requireService, toService } from './services.queries';
import type * as routes from './services.routes';

export const listServices: AppRouteHandler<typeof routes.listServices> = async (c) => {
  return c.json(await queryServices(c.var.deps.sql, c.var.agent.orgId), 200);
};

export const getService: AppRouteHandler<typeof routes.getService> = async (c) => {
  return c.json(await requireService(c.var.deps.sql, c.var.agent.orgId, c.req.valid('param').id), 200);
};

export const createService: AppRouteHandler<typeof routes.createService> = async (c) => {
  const agent = c.var.agent;
  requireRole(agent, 'org_admin', 'admin');
  const { name, kind } = c.req.valid('json');
  const id = businessId('S');
  const service = await c.var.deps.sql
    .begin(async (tx) => {
      const [row] = await tx<{ id: string; name: string; kind: typeof kind; created_at: Date }[]>`
        insert into services (id, org_id, name, kind) values (${id}, ${agent.orgId}, ${name}, ${kind})
        returning id, name, kind, created_at`;
      await writeAudit(tx, { actorId: agent.id, action: 'service.created', target: id, details: { after: { name, kind } } });
      return toService(row);
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error, 'services_org_id_name_key')) {
        throw new ApiError(409, 'service.name_taken', `A service named ${name} already exists.`, { name });
      }
      throw error;
    });
  return c.json(service, 201);
};
