/**
 * Services of an organisation. Every service-scoped record is reached through a service of the caller's
 * organisation, so another organisation's ids read as unknown ones.
 */
import { writeAudit } from '../audit';
import type { Db, Sql } from '../db';

/** A consultation service (상담 관리, facing customers) or an issue service (이슈 관리, receiving transfers). */
export const SERVICE_KINDS = ['consultation', 'issue'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

export interface Service {
  id: string;
  name: string;
  kind: ServiceKind;
  createdAt: string;
}

type ServiceRow = { id: string; name: string; kind: ServiceKind; created_at: Date };

const toService = (row: ServiceRow): Service => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  createdAt: row.created_at.toISOString(),
});

/** A service of the organisation, or null. */
export async function findService(sql: Db, orgId: string, id: string): Promise<Service | null> {
  const [row] = await sql<ServiceRow[]>`
    select id, name, kind, created_at from services where id = ${id} and org_id = ${orgId}`;
  return row ? toService(row) : null;
}

/** The organisation's services, oldest first. */
export async function listServices(sql: Db, orgId: string): Promise<Service[]> {
  const rows = await sql<ServiceRow[]>`
    select id, name, kind, created_at from services where org_id = ${orgId} order by created_at, id`;
  return rows.map(toService);
}

/** Creates a service with its audit row; a taken name breaks `services_org_id_name_key`. */
export async function createService(
  sql: Sql,
  service: { id: string; orgId: string; name: string; kind: ServiceKind },
  actorId: string,
): Promise<Service> {
  return sql.begin(async (tx) => {
    const [row] = await tx<ServiceRow[]>`
      insert into services (id, org_id, name, kind) values (${service.id}, ${service.orgId}, ${service.name}, ${service.kind})
      returning id, name, kind, created_at`;
    await writeAudit(tx, {
      actorId,
      action: 'service.created',
      target: service.id,
      details: { after: { name: service.name, kind: service.kind } },
    });
    return toService(row);
  });
}
