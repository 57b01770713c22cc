/**
 * Automations of a service: calendar-time rules on a ticket's stay in a status; `after` is stored as milliseconds.
 */
import { formatDuration } from '../../rules/duration';
import type { AutomationRule } from '../../rules/time-rules';
import type { Db } from '../db';

/** complete_resolved: resolved for `after` → complete. remind_on_hold: on hold for `after` → remind the assignee. */
export const AUTOMATION_KINDS = ['complete_resolved', 'remind_on_hold'] as const;
export type AutomationKind = (typeof AUTOMATION_KINDS)[number];

export interface Automation {
  id: string;
  serviceId: string;
  kind: AutomationKind;
  /** In the largest unit that expresses it exactly. */
  after: string;
  afterMs: number;
  enabled: boolean;
}

type AutomationRow = { id: string; service_id: string; kind: AutomationKind; after_ms: number; enabled: boolean };

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
export async function listAutomations(sql: Db, serviceId: string): Promise<Automation[]> {
  const rows = await sql<AutomationRow[]>`
    select ${sql.unsafe(COLUMNS)} from automations where service_id = ${serviceId} and deleted_at is null order by created_at, id`;
  return rows.map(toAutomation);
}

/** The service's enabled automations, oldest first, in calendar time as the ticket workflow runs them. */
export async function listEnabledAutomations(sql: Db, serviceId: string): Promise<AutomationRule[]> {
  const rows = await sql<AutomationRule[]>`
    select id, kind, after_ms::float8 as "afterMs" from automations
    where service_id = ${serviceId} and enabled and deleted_at is null order by created_at, id`;
  return [...rows];
}

/** A live automation of a service of the organisation. */
export async function findAutomation(sql: Db, orgId: string, id: string): Promise<Automation | null> {
  const [row] = await sql<AutomationRow[]>`
    select ${sql.unsafe(COLUMNS)} from automations
    where id = ${id} and deleted_at is null and service_id in (select id from services where org_id = ${orgId})`;
  return row ? toAutomation(row) : null;
}

export async function insertAutomation(sql: Db, automation: Automation): Promise<void> {
  await sql`
    insert into automations (id, service_id, kind, after_ms, enabled)
    values (${automation.id}, ${automation.serviceId}, ${automation.kind}, ${automation.afterMs}, ${automation.enabled})`;
}

export async function saveAutomation(sql: Db, automation: Automation): Promise<void> {
  await sql`
    update automations set kind = ${automation.kind}, after_ms = ${automation.afterMs}, enabled = ${automation.enabled},
      updated_at = now()
    where id = ${automation.id}`;
}

export async function softDeleteAutomation(sql: Db, id: string): Promise<void> {
  await sql`update automations set deleted_at = now(), updated_at = now() where id = ${id}`;
}
