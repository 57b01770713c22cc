/**
 * Automation reads and writes; `after` is stored as milliseconds.
 */
import type { ISql } from 'postgres';
import { formatDuration } from '../../../rules/duration';
import type { Automation } from './automations.schemas';

type AutomationRow = { id: string; service_id: string; kind: Automation['kind']; after_ms: number; enabled: boolean };

// bigint comes back as a string unless cast; `after` is at most a year.
const COLUMNS = 'id, service_id, kind, after_ms::float8 as after_ms, enabled';

const toAutomation = (row: AutomationRow): Automation => ({
  id: row.id,
  serviceId: row.service_id,
  kind: row.kind,
  after: formatDuration(row.after_ms),
  afterMs: row.after_ms,
  enabled: row.enabled,
});

/** The service's live automations, oldest first. */
export async function listAutomations(sql: ISql, serviceId: string): Promise<Automation[]> {
  const rows = await sql<AutomationRow[]>`
    select ${sql.unsafe(COLUMNS)} from automations where service_id = ${serviceId} and deleted_at is null order by created_at, id`;
  return rows.map(toAutomation);
}

/** A live automation of the caller's organisation. */
export async function findAutomation(sql: ISql, orgId: string, id: string): Promise<Automation | null> {
  const [row] = await sql<AutomationRow[]>`
    select ${sql.unsafe(COLUMNS)} from automations
    where id = ${id} and deleted_at is null and service_id in (select id from services where org_id = ${orgId})`;
  return row ? toAutomation(row) : null;
}

export async function insertAutomation(sql: ISql, automation: Automation): Promise<void> {
  await sql`
    insert into automations (id, service_id, kind, after_ms, enabled)
    values (${automation.id}, ${automation.serviceId}, ${automation.kind}, ${automation.afterMs}, ${automation.enabled})`;
}

export async function saveAutomation(sql: ISql, automation: Automation): Promise<void> {
  await sql`
    update automations set kind = ${automation.kind}, after_ms = ${automation.afterMs}, enabled = ${automation.enabled},
      updated_at = now()
    where id = ${automation.id}`;
}

export async function softDeleteAutomation(sql: ISql, id: string): Promise<void> {
  await sql`update automations set deleted_at = now(), updated_at = now() where id = ${id}`;
}
