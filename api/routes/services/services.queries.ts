/**
 * Service lookups shared by the directory routes: every service-scoped record is reached through a service
 * of the caller's organisation, so another organisation's ids answer 404 like unknown ones.
 */
import type { ISql } from 'postgres';
import { notFound } from '../../errors';
import type { Service } from './services.schemas';

type ServiceRow = { id: string; name: string; kind: Service['kind']; created_at: Date };

export const toService = (row: ServiceRow): Service => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  createdAt: row.created_at.toISOString(),
});

export async function findService(sql: ISql, orgId: string, id: string): Promise<Service | null> {
  const [row] = await sql<ServiceRow[]>`
    select id, name, kind, created_at from services where id = ${id} and org_id = ${orgId}`;
  return row ? toService(row) : null;
}

export async function requireService(sql: ISql, orgId: string, id: string): Promise<Service> {
  const service = await findService(sql, orgId, id);
  if (!service) throw notFound('service', id);
  return service;
}

export async function listServices(sql: ISql, orgId: string): Promise<Service[]> {
  const rows = await sql<ServiceRow[]>`
    select id, name, kind, created_at from services where org_id = ${orgId} order by created_at, id`;
  return rows.map(toService);
}
