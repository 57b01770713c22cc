/**
 * Category reads: a service's tree of one kind, and single categories within the caller's organisation.
 */
import type { ISql } from 'postgres';
import type { Category, CategoryKind, CategoryNode } from './categories.schemas';

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
export async function categoryTree(sql: ISql, serviceId: string, kind: CategoryKind): Promise<CategoryNode[]> {
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

export async function findCategory(sql: ISql, orgId: string, id: string, lock = false): Promise<Category | null> {
  const [row] = await sql<CategoryRow[]>`
    select ${sql.unsafe(COLUMNS)} from categories c join services s on s.id = c.service_id
    where c.id = ${id} and s.org_id = ${orgId} ${lock ? sql`for update of c` : sql``}`;
  return row ? toCategory(row) : null;
}

/** Whether a sibling (same service, kind and parent) other than `exceptId` already has this name. */
export async function siblingNamed(
  sql: ISql,
  sibling: { serviceId: string; kind: CategoryKind; parentId: string | null; name: string },
  exceptId: string | null = null,
): Promise<boolean> {
  const [row] = await sql`
    select 1 from categories
    where service_id = ${sibling.serviceId} and kind = ${sibling.kind} and parent_id is not distinct from ${sibling.parentId}
      and lower(name) = lower(${sibling.name}) and id is distinct from ${exceptId}`;
  return row !== undefined;
}

/** Serialises category writes within one service, so sibling-name checks and positions cannot race. */
export async function lockServiceCategories(sql: ISql, serviceId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`categories:${serviceId}`}))`;
}
