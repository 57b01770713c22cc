import { businessId } from '../../../domain/ids';
import {
  createCategory as insertCategory,
  deleteCategory as removeCategory,
  categoryTree as queryTree,
  updateCategory as changeCategory,
} from '../../../store/directory/categories';
import { actorIdOf, requireRole } from '../../auth/agent';
import type { AppRouteHandler } from '../../context';
import { ApiError, invalidReference, notFound } from '../../errors';
import { requireService } from '../../guards';
import type * as routes from './categories.routes';
import { MAX_CATEGORY_DEPTH } from './categories.schemas';

const nameTaken = (name: string) =>
  new ApiError(409, 'category.name_taken', `A sibling category is already named ${name}.`, { name });

export const categoryTree: AppRouteHandler<typeof routes.categoryTree> = async (c) => {
  const { sql } = c.get('deps');
  const service = await requireService(sql, c.get('agent').orgId, c.req.valid('param').serviceId);
  return c.json(await queryTree(sql, service.id, c.req.valid('query').kind), 200);
};

export const createCategory: AppRouteHandler<typeof routes.createCategory> = async (c) => {
  const agent = c.get('agent');
  requireRole(agent, 'admin');
  const { sql } = c.get('deps');
  const service = await requireService(sql, agent.orgId, c.req.valid('param').serviceId);
  const { kind, name, parentId = null, position } = c.req.valid('json');

  const created = await insertCategory(
    sql,
    { id: businessId('C'), serviceId: service.id, kind, parentId, name, position },
    { maxDepth: MAX_CATEGORY_DEPTH },
    actorIdOf(agent),
  );
  if (!created.ok) {
    switch (created.reason) {
      case 'unknown_parent':
        throw invalidReference('parentId', parentId!, `is not a ${kind} category of this service`);
      case 'too_deep':
        throw new ApiError(422, 'category.too_deep', `Category trees are at most ${MAX_CATEGORY_DEPTH} levels deep.`, {
          maxDepth: MAX_CATEGORY_DEPTH,
          parentId,
        });
      case 'name_taken':
        throw nameTaken(name);
    }
  }
  return c.json(created.category, 201);
};

export const updateCategory: AppRouteHandler<typeof routes.updateCategory> = async (c) => {
  const agent = c.get('agent');
  requireRole(agent, 'admin');
  const { id } = c.req.valid('param');
  const changes = c.req.valid('json');
  const { sql } = c.get('deps');

  const updated = await changeCategory(sql, { orgId: agent.orgId, id, actorId: actorIdOf(agent) }, changes);
  if (!updated.ok) {
    switch (updated.reason) {
      case 'not_found':
        throw notFound('category', id);
      case 'name_taken':
        throw nameTaken(changes.name!);
    }
  }
  return c.json(updated.category, 200);
};

export const deleteCategory: AppRouteHandler<typeof routes.deleteCategory> = async (c) => {
  const agent = c.get('agent');
  requireRole(agent, 'admin');
  const { id } = c.req.valid('param');
  const deleted = await removeCategory(c.get('deps').sql, { orgId: agent.orgId, id, actorId: actorIdOf(agent) });
  if (!deleted.ok) {
    if (deleted.reason === 'not_found') throw notFound('category', id);
    const { children, tickets, slaPolicies, fields, triggerIds } = deleted;
    throw new ApiError(409, 'category.in_use', 'Something still names this category; disable it instead, or move what names it first.', {
      children,
      tickets,
      slaPolicies,
      fields,
      triggerIds,
    });
  }
  return c.body(null, 204);
};
