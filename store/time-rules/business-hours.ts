/**
 * Business hours (영업시간) of a service: one row per service that has them; none means around the clock.
 */
import { isDeepStrictEqual } from 'node:util';
import type { BusinessHours } from '../../rules/business-hours';
import { writeAudit } from '../audit';
import type { Db, Sql, Tx } from '../db';
import { asJson } from '../json';
import { lockServiceTimeRules } from './lock';

/** The service's business hours, or null when it works around the clock. */
export async function loadBusinessHours(sql: Db, serviceId: string): Promise<BusinessHours | null> {
  const [hours] = await sql<BusinessHours[]>`
    select timezone, weekly, to_jsonb(holidays) as holidays from business_hours where service_id = ${serviceId}`;
  return hours ?? null;
}

async function saveBusinessHours(tx: Tx, serviceId: string, hours: BusinessHours): Promise<void> {
  await tx`
    insert into business_hours (service_id, timezone, weekly, holidays)
    values (${serviceId}, ${hours.timezone}, ${tx.json(hours.weekly)}, ${hours.holidays}::text[]::date[])
    on conflict (service_id) do update
      set timezone = excluded.timezone, weekly = excluded.weekly, holidays = excluded.holidays, updated_at = now()`;
}

/** Returns whether the service had business hours. */
async function removeBusinessHours(tx: Tx, serviceId: string): Promise<boolean> {
  const deleted = await tx`delete from business_hours where service_id = ${serviceId}`;
  return deleted.count > 0;
}

/** Sets the service's business hours under its time-rule lock, with an audit row when they changed. */
export async function replaceBusinessHours(sql: Sql, serviceId: string, after: BusinessHours, actorId: string): Promise<void> {
  await sql.begin(async (tx) => {
    await lockServiceTimeRules(tx, serviceId);
    const before = await loadBusinessHours(tx, serviceId);
    if (isDeepStrictEqual(before, after)) return;
    await saveBusinessHours(tx, serviceId, after);
    await writeAudit(tx, {
      actorId,
      action: 'business_hours.replaced',
      target: serviceId,
      details: { before: asJson(before), after: asJson(after) },
    });
  });
}

/** Deletes the service's business hours under its time-rule lock, with an audit row when it had some. */
export async function deleteBusinessHours(sql: Sql, serviceId: string, actorId: string): Promise<void> {
  await sql.begin(async (tx) => {
    await lockServiceTimeRules(tx, serviceId);
    const before = await loadBusinessHours(tx, serviceId);
    if (!before || !(await removeBusinessHours(tx, serviceId))) return;
    await writeAudit(tx, {
      actorId,
      action: 'business_hours.deleted',
      target: serviceId,
      details: { before: asJson(before) },
    });
  });
}
