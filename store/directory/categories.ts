/**
 * Categories of a service: intake types (접수유형) and resolution types (처리유형), each a tree kept by `parent_id`
 * and `depth`, siblings ordered by position then name.
 */
import { writeAudit } from '../audit';
import type { Db, Sql, Tx } from '../db';
import { refused, type Refused } from '../errors';

export const CATEGORY_KINDS = ['intake', 'resolution'] as const;
export type CategoryKind = (typeof CATEGORY_KINDS)[number];

export interface Category {
  id: string;
  serviceId: string;
  kind: CategoryKind;
  parentId: string | null;
  name: string;
  depth: number;
  position: number;
  enabled: boolean;
  createdAt: string;
}

export type CategoryNode = Category & { children: CategoryNode[] };

/** What an admin may change on a category. */
export type CategoryChanges = Pick<Category, 'name' | 'enabled' | 'position'>;

type CategoryRow = {
  id: string;
  service_id: string;
  kind: CategoryKind;
  parent_id: string | null;
  name: string;
  depth: number;
  position: number;
  enabled: boolean;
  created_at: Date;
};

const COLUMNS = 'c.id, c.service_id, c.kind, c.parent_id, c.name, c.depth, c.position, c.enabled, c.created_at';

const toCategory = (row: CategoryRow): Category => ({
  id: row.id,
  serviceId: row.service_id,
  kind: row.kind,
  parentId: row.parent_id,
  name: row.name,
  depth: row.depth,
  position: row.position,
  enabled: row.enabled,
  createdAt: row.created_at.toISOString(),
});

/** The whole tree, disabled categories included (marked `enabled: false`), siblings by position then name. */
export async function categoryTree(sql: Db, serviceId: string, kind: CategoryKind): Promise<CategoryNode[]> {
  const rows = await sql<CategoryRow[]>`
    select ${sql.unsafe(COLUMNS)} from categories c
    where c.service_id = ${serviceId} and c.kind = ${kind}
    order by c.position, c.name, c.id`;
  const nodes = new Map(rows.map((row) => [row.id, { ...toCategory(row), children: [] as CategoryNode[] }]));
  const roots: CategoryNode[] = [];
  // Rows arrive in sibling order, so appending keeps every children list ordered.
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** A category of a service of the organisation; `lock` row-locks it for a change. */
export async function findCategory(sql: Db, orgId: string, id: string, lock = false): Promise<Category | null> {
  const [row] = await sql<CategoryRow[]>`
    select ${sql.unsafe(COLUMNS)} from categories c join services s on s.id = c.service_id
    where c.id = ${id} and s.org_id = ${orgId} ${lock ? sql`for update of c` : sql``}`;
  return row ? toCategory(row) : null;
}

/** The depth of a category of the service and kind, or null when there is no such category. */
async function categoryDepth(sql: Db, category: { id: string; serviceId: string; kind: CategoryKind }): Promise<number | null> {
  const [row] = await sql<{ depth: number }[]>`
    select depth from categories where id = ${category.id} and service_id = ${category.serviceId} and kind = ${category.kind}`;
  return row ? row.depth : null;
}

/** Whether a sibling (same service, kind and parent) other than `exceptId` already has this name. */
async function siblingNamed(
  sql: Db,
  sibling: { serviceId: string; kind: CategoryKind; parentId: string | null; name: string },
  exceptId: string | null = null,
): Promise<boolean> {
  const [row] = await sql`
    select 1 from categories
    where service_id = ${sibling.serviceId} and kind = ${sibling.kind} and parent_id is not distinct from ${sibling.parentId}
      and lower(name) = lower(${sibling.name}) and id is distinct from ${exceptId}`;
  return row !== undefined;
}

/** The position after the last child of `parentId` (null: the top level). */
async function nextCategoryPosition(
  sql: Db,
  siblings: { serviceId: string; kind: CategoryKind; parentId: string | null },
): Promise<number> {
  const [{ next }] = await sql<{ next: number }[]>`
    select coalesce(max(position) + 1, 0)::int as next from categories
    where service_id = ${siblings.serviceId} and kind = ${siblings.kind} and parent_id is not distinct from ${siblings.parentId}`;
  return next;
}

/** Serialises category writes within one service, so sibling-name checks and positions cannot race. */
async function lockServiceCategories(tx: Tx, serviceId: string): Promise<void> {
  await tx`select pg_advisory_xact_lock(hashtext(${`categories:${serviceId}`}))`;
}

/** Inserts an enabled category. */
async function insertCategory(tx: Tx, category: Omit<Category, 'enabled' | 'createdAt'>): Promise<Category> {
  const [row] = await tx<{ created_at: Date }[]>`
    insert into categories (id, service_id, kind, parent_id, name, depth, position)
    values (${category.id}, ${category.serviceId}, ${category.kind}, ${category.parentId}, ${category.name}, ${category.depth},
      ${category.position})
    returning created_at`;
  return { ...category, enabled: true, createdAt: row.created_at.toISOString() };
}

async function saveCategoryChanges(tx: Tx, id: string, changes: CategoryChanges): Promise<void> {
  await tx`update categories set name = ${changes.name}, enabled = ${changes.enabled}, position = ${changes.position} where id = ${id}`;
}

export interface NewCategory {
  serviceId: string;
  kind: CategoryKind;
  /** null: a top-level category. */
  parentId: string | null;
  name: string;
  /** Omitted: after the parent's last child. */
  position?: number;
}

/**
 * Creates an enabled category under the service's category lock, with its audit row. Refused when the parent is not
 * a category of the service and kind, when the new category would sit deeper than `maxDepth`, or when a sibling
 * already has the name.
 */
export async function createCategory(
  sql: Sql,
  category: NewCategory & { id: string },
  limits: { maxDepth: number },
  actorId: string,
): Promise<{ ok: true; category: Category } | Refused<'unknown_parent' | 'too_deep' | 'name_taken'>> {
  const { id, serviceId, kind, parentId, name, position } = category;
  return sql.begin(async (tx): Promise<{ ok: true; category: Category } | Refused<'unknown_parent' | 'too_deep' | 'name_taken'>> => {
    await lockServiceCategories(tx, serviceId);
    let depth = 1;
    if (parentId) {
      const parentDepth = await categoryDepth(tx, { id: parentId, serviceId, kind });
      if (parentDepth === null) return refused('unknown_parent');
      depth = parentDepth + 1;
      if (depth > limits.maxDepth) return refused('too_deep');
    }
    if (await siblingNamed(tx, { serviceId, kind, parentId, name })) return refused('name_taken');
    const created = await insertCategory(tx, {
      id,
      serviceId,
      kind,
      parentId,
      name,
      depth,
      position: position ?? (await nextCategoryPosition(tx, { serviceId, kind, parentId })),
    });
    await writeAudit(tx, {
      actorId,
      action: 'category.created',
      target: created.id,
      details: { after: { serviceId, kind, parentId, name, depth, position: created.position } },
    });
    return { ok: true, category: created };
  });
}

/**
 * Applies the changes to a category of the organisation under its service's category lock, with one audit row
 * naming the changed fields; refused when there is no such category or a sibling already has the new name.
 */
export async function updateCategory(
  sql: Sql,
  target: { orgId: string; id: string; actorId: string },
  changes: Partial<CategoryChanges>,
): Promise<{ ok: true; category: Category } | Refused<'not_found' | 'name_taken'>> {
  const { orgId, id, actorId } = target;
  return sql.begin(async (tx): Promise<{ ok: true; category: Category } | Refused<'not_found' | 'name_taken'>> => {
    const existing = await findCategory(tx, orgId, id);
    if (!existing) return refused('not_found');
    await lockServiceCategories(tx, existing.serviceId);
    const before = (await findCategory(tx, orgId, id, true))!;
    const after = {
      name: changes.name ?? before.name,
      enabled: changes.enabled ?? before.enabled,
      position: changes.position ?? before.position,
    };
    if (after.name !== before.name && (await siblingNamed(tx, { ...before, name: after.name }, id))) return refused('name_taken');

    const changed = (['name', 'enabled', 'position'] as const).filter((key) => after[key] !== before[key]);
    if (changed.length === 0) return { ok: true, category: before };
    await saveCategoryChanges(tx, id, after);
    await writeAudit(tx, {
      actorId,
      action: 'category.updated',
      target: id,
      details: {
        before: Object.fromEntries(changed.map((key) => [key, before[key]])),
        after: Object.fromEntries(changed.map((key) => [key, after[key]])),
      },
    });
    return { ok: true, category: { ...before, ...after } };
  });
}

export type CategoryDeletionRefusal =
  | Refused<'not_found'>
  /** Sub-categories, tickets, SLA policies, fields or trigger drafts still name it. */
  | (Refused<'in_use'> & { children: number; tickets: number; slaPolicies: number; fields: number; triggerIds: string[] });

/**
 * Deletes a category of the organisation that nothing names: no sub-category, no ticket (whatever its status), no
 * SLA policy or field. Disabling is the way to retire one that is in use. One audit row keeps what it was.
 */
export async function deleteCategory(
  sql: Sql,
  target: { orgId: string; id: string; actorId: string },
): Promise<{ ok: true } | CategoryDeletionRefusal> {
  const { orgId, id, actorId } = target;
  return sql.begin(async (tx): Promise<{ ok: true } | CategoryDeletionRefusal> => {
    const existing = await findCategory(tx, orgId, id);
    if (!existing) return refused('not_found');
    await lockServiceCategories(tx, existing.serviceId);
    const [uses] = await tx<{ children: number; tickets: number; sla_policies: number; fields: number }[]>`
      select
        (select count(*) from categories where parent_id = ${id})::int as children,
        (select count(*) from tickets where intake_type_id = ${id} or resolution_type_id = ${id})::int as tickets,
        (select count(*) from sla_policies where intake_type_id = ${id})::int as sla_policies,
        (select count(*) from fields where intake_type_id = ${id})::int as fields`;
    const triggers = await tx<{ id: string }[]>`
      select id from triggers where deleted_at is null and position(${id} in definition::text) > 0 order by position`;
    if (uses.children + uses.tickets + uses.sla_policies + uses.fields + triggers.length > 0) {
      const triggerIds = triggers.map((row) => row.id);
      return { ...refused('in_use'), children: uses.children, tickets: uses.tickets, slaPolicies: uses.sla_policies, fields: uses.fields, triggerIds };
    }
    await tx`delete from categories where id = ${id}`;
    const { kind, parentId, name, depth } = existing;
    await writeAudit(tx, { actorId, action: 'category.deleted', target: id, details: { before: { serviceId: existing.serviceId, kind, parentId, name, depth } } });
    return { ok: true };
  });
}
