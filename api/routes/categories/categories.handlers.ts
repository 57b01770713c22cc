import { businessId } from '../../../domain/ids';
import {
  categoryDepth,
  findCategory,
  insertCategory,
  lockServiceCategories,
  nextCategoryPosition,
  categoryTree as queryTree,
  saveCategoryChanges,
  siblingNamed,
} from '../../../store/directory/categories';
import { writeAudit } from '../../audit-log';
import { requireRole } from '../../auth/agent';
import type { AppRouteHandler } from '../../context';
import { ApiError, invalidReference, notFound } from '../../errors';
import { requireService } from '../../guards';
import type * as routes from './categories.routes';
import { MAX_CATEGORY_DEPTH } from './categories.schemas';

const nameTaken = (name: string) =>
  new ApiError(409, 'category.name_taken', `A sibling category is already named ${name}.`, { name });

export const categoryTree: AppRouteHandler<typeof routes.categoryTree> = async (c) => {
  const { sql } = c.var.deps;
  const service = await requireService(sql, c.var.agent.orgId, c.req.valid('param').serviceId);
  return c.json(await queryTree(sql, service.id, c.req.valid('query').kind), 200);
};

export const createCategory: AppRouteHandler<typeof routes.createCategory> = async (c) => {
  const agent = c.var.agent;
  requireRole(agent, 'admin');
  const { sql } = c.var.deps;
  const service = await requireService(sql, agent.orgId, c.req.valid('param').serviceId);
  const { kind, name, parentId = null, position } = c.req.valid('json');

  const category = await sql.begin(async (tx) => {
    await lockServiceCategories(tx, service.id);
    let depth = 1;
    if (parentId) {
      const parentDepth = await categoryDepth(tx, { id: parentId, serviceId: service.id, kind });
      if (parentDepth === null) throw invalidReference('parentId', parentId, `is not a ${kind} category of this service`);
      depth = parentDepth + 1;
      if (depth > MAX_CATEGORY_DEPTH) {
        throw new ApiError(422, 'category.too_deep', `Category trees are at most ${MAX_CATEGORY_DEPTH} levels deep.`, {
          maxDepth: MAX_CATEGORY_DEPTH,
          parentId,
        });
      }
    }
    if (await siblingNamed(tx, { serviceId: service.id, kind, parentId, name })) throw nameTaken(name);
    const created = await insertCategory(tx, {
      id: businessId('C'),
      serviceId: service.id,
      kind,
      parentId,
      name,
      depth,
      position: position ?? (await nextCategoryPosition(tx, { serviceId: service.id, kind, parentId })),
    });
    await writeAudit(tx, {
      actorId: agent.id,
      action: 'category.created',
      target: created.id,
      details: { after: { serviceId: service.id, kind, parentId, name, depth, position: created.position } },
    });
    return created;
  });
  return c.json(category, 201);
};

export const updateCategory: AppRouteHandler<typeof routes.updateCategory> = async (c) => {
  const agent = c.var.agent;
  requireRole(agent, 'admin');
  const { id } = c.req.valid('param');
  const changes = c.req.valid('json');
  const { sql } = c.var.deps;

  const category = await sql.begin(async (tx) => {
    const existing = await findCategory(tx, agent.orgId, id);
    if (!existing) throw notFound('category', id);
    await lockServiceCategories(tx, existing.serviceId);
    const before = (await findCategory(tx, agent.orgId, id, true))!;
    const after = {
      name: changes.name ?? before.name,
      enabled: changes.enabled ?? before.enabled,
      position: changes.position ?? before.position,
    };
    if (after.name !== before.name && (await siblingNamed(tx, { ...before, name: after.name }, id))) throw nameTaken(after.name);

    const changed = (['name', 'enabled', 'position'] as const).filter((key) => after[key] !== before[key]);
    if (changed.length === 0) return before;
    await saveCategoryChanges(tx, id, after);
    await writeAudit(tx, {
      actorId: agent.id,
      action: 'category.updated',
      target: id,
      details: {
        before: Object.fromEntries(changed.map((key) => [key, before[key]])),
        after: Object.fromEntries(changed.map((key) => [key, after[key]])),
      },
    });
    return { ...before, ...after };
  });
  return c.json(category, 200);
};
