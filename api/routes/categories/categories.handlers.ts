import { businessId } from '../../../infra/ids';
import { writeAudit } from '../../audit-log';
import { requireRole } from '../../auth/agent';
import type { AppRouteHandler } from '../../context';
import { ApiError, invalidReference, notFound } from '../../errors';
import { requireService } from '../services/services.queries';
import { categoryTree as queryTree, findCategory, lockServiceCategories, siblingNamed } from './categories.queries';
import type * as routes from './categories.routes';
import { MAX_CATEGORY_DEPTH, type Category } from './categories.schemas';

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
      const [parent] = await tx<{ depth: number }[]>`
        select depth from categories where id = ${parentId} and service_id = ${service.id} and kind = ${kind}`;
      if (!parent) throw invalidReference('parentId', parentId, `is not a ${kind} category of this service`);
      depth = parent.depth + 1;
      if (depth > MAX_CATEGORY_DEPTH) {
        throw new ApiError(422, 'category.too_deep', `Category trees are at most ${MAX_CATEGORY_DEPTH} levels deep.`, {
          maxDepth: MAX_CATEGORY_DEPTH,
          parentId,
        });
      }
    }
    if (await siblingNamed(tx, { serviceId: service.id, kind, parentId, name })) throw nameTaken(name);
    const [{ next }] = await tx<{ next: number }[]>`
      select coalesce(max(position) + 1, 0)::int as next from categories
      where service_id = ${service.id} and kind = ${kind} and parent_id is not distinct from ${parentId}`;
    const id = businessId('C');
    const [row] = await tx<{ created_at: Date }[]>`
      insert into categories (id, service_id, kind, parent_id, name, depth, position)
      values (${id}, ${service.id}, ${kind}, ${parentId}, ${name}, ${depth}, ${position ?? next})
      returning created_at`;
    const created: Category = {
      id,
      serviceId: service.id,
      kind,
      parentId,
      name,
      depth,
      position: position ?? next,
      enabled: true,
      createdAt: row.created_at.toISOString(),
    };
    await writeAudit(tx, {
      actorId: agent.id,
      action: 'category.created',
      target: id,
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
    await tx`update categories set name = ${after.name}, enabled = ${after.enabled}, position = ${after.position} where id = ${id}`;
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
