import { businessId } from '../../../domain/ids';
import { createService as insertService, listServices as queryServices } from '../../../store/directory/services';
import { isUniqueViolation } from '../../../store/errors';
import { actorIdOf, requireRole } from '../../auth/agent';
import type { AppRouteHandler } from '../../context';
import { ApiError } from '../../errors';
import { requireService } from '../../guards';
import type * as routes from './services.routes';

export const listServices: AppRouteHandler<typeof routes.listServices> = async (c) => {
  return c.json(await queryServices(c.get('deps').sql, c.get('agent').orgId), 200);
};

export const getService: AppRouteHandler<typeof routes.getService> = async (c) => {
  return c.json(await requireService(c.get('deps').sql, c.get('agent').orgId, c.req.valid('param').id), 200);
};

export const createService: AppRouteHandler<typeof routes.createService> = async (c) => {
  const agent = c.get('agent');
  requireRole(agent, 'org_admin', 'admin');
  const { name, kind } = c.req.valid('json');
  const id = businessId('S');
  const service = await insertService(c.get('deps').sql, { id, orgId: agent.orgId, name, kind }, actorIdOf(agent)).catch((error: unknown) => {
    if (isUniqueViolation(error, 'services_org_id_name_key')) {
      throw new ApiError(409, 'service.name_taken', `A service named ${name} already exists.`, { name });
    }
    throw error;
  });
  return c.json(service, 201);
};
