/**
 * Automations of a service: calendar-time rules on a ticket's stay in a status; `after` is stored as milliseconds.
 */
import { isDeepStrictEqual } from 'node:util';
import { formatDuration } from '../../rules/duration';
import type { AutomationKind, AutomationRule } from '../../rules/time-rules';
import { writeAudit } from '../audit';
import type { Db, Sql } from '../db';
import type { Refused } from '../errors';
import { asJson } from '../json';
import { lockServiceTimeRules, withLockedTimeRule } from './lock';


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

async function insertAutomation(sql: Db, automation: Automation): Promise<void> {
  await sql`
    insert into automations (id, service_id, kind, after_ms, enabled)
    values (${automation.id}, ${automation.serviceId}, ${automation.kind}, ${automation.afterMs}, ${automation.enabled})`;
}

async function saveAutomation(sql: Db, automation: Automation): Promise<void> {
  await sql`
    update automations set kind = ${automation.kind}, after_ms = ${automation.afterMs}, enabled = ${automation.enabled},
      updated_at = now()
    where id = ${automation.id}`;
}

async function softDeleteAutomation(sql: Db, id: string): Promise<void> {
  await sql`update automations set deleted_at = now(), updated_at = now() where id = ${id}`;
}

/** Creates an automation under its service's time-rule lock, with its audit row. */
export async function createAutomation(sql: Sql, automation: Automation, actorId: string): Promise<void> {
  await sql.begin(async (tx) => {
    await lockServiceTimeRules(tx, automation.serviceId);
    await insertAutomation(tx, automation);
    await writeAudit(tx, {
      actorId,
      action: 'automation.created',
      target: automation.id,
      details: { serviceId: automation.serviceId, after: asJson(automation) },
    });
  });
}

/**
 * Replaces a live automation of the organisation with what `revise` makes of it, under its service's time-rule lock,
 * with an audit row when it changed; answers the automation as it now is.
 */
export async function replaceAutomation(
  sql: Sql,
  target: { orgId: string; id: string; actorId: string },
  revise: (before: Automation) => Automation,
): Promise<{ ok: true; value: Automation } | Refused<'not_found'>> {
  const { orgId, id, actorId } = target;
  return withLockedTimeRule(sql, findAutomation, orgId, id, async (tx, before) => {
    const after = revise(before);
    if (isDeepStrictEqual(after, before)) return before;
    await saveAutomation(tx, after);
    await writeAudit(tx, {
      actorId,
      action: 'automation.replaced',
      target: id,
      details: { serviceId: before.serviceId, before: asJson(before), after: asJson(after) },
    });
    return after;
  });
}

/** Deletes a live automation of the organisation under its service's time-rule lock, with its audit row. */
export async function deleteAutomation(
  sql: Sql,
  target: { orgId: string; id: string; actorId: string },
): Promise<{ ok: true } | Refused<'not_found'>> {
  const { orgId, id, actorId } = target;
  return withLockedTimeRule(sql, findAutomation, orgId, id, async (tx, automation) => {
    await softDeleteAutomation(tx, id);
    await writeAudit(tx, {
      actorId,
      action: 'automation.deleted',
      target: id,
      details: { serviceId: automation.serviceId, kind: automation.kind, after: automation.after },
    });
  });
}
