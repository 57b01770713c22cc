/**
 * IVR routes (IVR Route 관리): the code the phone system posts with a callback request, the name agents see, an
 * optional intake type, and the reminder thresholds of the requests that arrive through it. Admin changes are
 * audit-logged in the same transaction.
 */
import type { Db, Sql } from './db';
import { writeAudit } from './audit';

export interface IvrRoute {
  id: string;
  serviceId: string;
  code: string;
  name: string;
  intakeTypeId: string | null;
  unassignedAfterMs: number;
  dueAfterMs: number;
  escalateAfterMs: number;
  createdAt: string;
}

interface RouteRow {
  id: string;
  service_id: string;
  code: string;
  name: string;
  intake_type_id: string | null;
  unassigned_after_ms: string;
  due_after_ms: string;
  escalate_after_ms: string;
  created_at: Date;
}

const toRoute = (row: RouteRow): IvrRoute => ({
  id: row.id,
  serviceId: row.service_id,
  code: row.code,
  name: row.name,
  intakeTypeId: row.intake_type_id,
  unassignedAfterMs: Number(row.unassigned_after_ms),
  dueAfterMs: Number(row.due_after_ms),
  escalateAfterMs: Number(row.escalate_after_ms),
  createdAt: row.created_at.toISOString(),
});

const COLUMNS = 'id, service_id, code, name, intake_type_id, unassigned_after_ms, due_after_ms, escalate_after_ms, created_at';

/** The organisation's live routes, of one service when given, by code. */
export async function listIvrRoutes(sql: Db, orgId: string, serviceId?: string): Promise<IvrRoute[]> {
  const rows = await sql<RouteRow[]>`
    select ${sql.unsafe(COLUMNS)} from ivr_routes
    where org_id = ${orgId} and deleted_at is null ${serviceId ? sql`and service_id = ${serviceId}` : sql``}
    order by code`;
  return rows.map(toRoute);
}

export async function findIvrRoute(sql: Db, orgId: string, id: string): Promise<IvrRoute | null> {
  const [row] = await sql<RouteRow[]>`
    select ${sql.unsafe(COLUMNS)} from ivr_routes where org_id = ${orgId} and id = ${id} and deleted_at is null`;
  return row ? toRoute(row) : null;
}

/** The live route a phone system names by its code. */
export async function findIvrRouteByCode(sql: Db, orgId: string, code: string): Promise<IvrRoute | null> {
  const [row] = await sql<RouteRow[]>`
    select ${sql.unsafe(COLUMNS)} from ivr_routes where org_id = ${orgId} and code = ${code} and deleted_at is null`;
  return row ? toRoute(row) : null;
}

/** A route by id whatever its state (deleted routes still name the requests that came through them). */
export async function loadIvrRoute(sql: Db, id: string): Promise<IvrRoute | null> {
  const [row] = await sql<RouteRow[]>`select ${sql.unsafe(COLUMNS)} from ivr_routes where id = ${id}`;
  return row ? toRoute(row) : null;
}

/** Inserts the route; null when its code is taken by a live route of the organisation. */
export async function createIvrRoute(sql: Sql, orgId: string, route: Omit<IvrRoute, 'createdAt'>, actorId: string): Promise<IvrRoute | null> {
  return sql.begin(async (tx) => {
    const [row] = await tx<RouteRow[]>`
      insert into ivr_routes (id, org_id, service_id, code, name, intake_type_id, unassigned_after_ms, due_after_ms, escalate_after_ms)
      values (${route.id}, ${orgId}, ${route.serviceId}, ${route.code}, ${route.name}, ${route.intakeTypeId},
        ${route.unassignedAfterMs}, ${route.dueAfterMs}, ${route.escalateAfterMs})
      on conflict do nothing
      returning ${tx.unsafe(COLUMNS)}`;
    if (!row) return null;
    await writeAudit(tx, { actorId, action: 'ivr_route.created', target: route.id, details: { code: route.code, name: route.name } });
    return toRoute(row);
  });
}

/** Replaces the route's editable fields; null when the new code is taken. */
export async function updateIvrRoute(
  sql: Sql,
  orgId: string,
  route: Omit<IvrRoute, 'createdAt' | 'serviceId'>,
  actorId: string,
): Promise<IvrRoute | null> {
  return sql.begin(async (tx) => {
    const [taken] = await tx`
      select 1 from ivr_routes where org_id = ${orgId} and code = ${route.code} and id <> ${route.id} and deleted_at is null`;
    if (taken) return null;
    const [row] = await tx<RouteRow[]>`
      update ivr_routes set code = ${route.code}, name = ${route.name}, intake_type_id = ${route.intakeTypeId},
        unassigned_after_ms = ${route.unassignedAfterMs}, due_after_ms = ${route.dueAfterMs}, escalate_after_ms = ${route.escalateAfterMs}
      where id = ${route.id} and org_id = ${orgId} and deleted_at is null
      returning ${tx.unsafe(COLUMNS)}`;
    await writeAudit(tx, { actorId, action: 'ivr_route.updated', target: route.id, details: { code: route.code, name: route.name } });
    return toRoute(row);
  });
}

/** Retires the route: requests keep naming it, new ones can no longer use its code. */
export async function deleteIvrRoute(sql: Sql, orgId: string, id: string, actorId: string): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`update ivr_routes set deleted_at = now() where id = ${id} and org_id = ${orgId} and deleted_at is null`;
    await writeAudit(tx, { actorId, action: 'ivr_route.deleted', target: id, details: {} });
  });
}
