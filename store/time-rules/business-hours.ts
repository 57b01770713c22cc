/**
 * Business hours (영업시간) of a service: one row per service that has them; none means around the clock.
 */
import type { BusinessHours } from '../../rules/business-hours';
import type { Db, Tx } from '../db';

/** The service's business hours, or null when it works around the clock. */
export async function loadBusinessHours(sql: Db, serviceId: string): Promise<BusinessHours | null> {
  const [hours] = await sql<BusinessHours[]>`
    select timezone, weekly, to_jsonb(holidays) as holidays from business_hours where service_id = ${serviceId}`;
  return hours ?? null;
}

export async function saveBusinessHours(tx: Tx, serviceId: string, hours: BusinessHours): Promise<void> {
  await tx`
    insert into business_hours (service_id, timezone, weekly, holidays)
    values (${serviceId}, ${hours.timezone}, ${tx.json(hours.weekly)}, ${hours.holidays}::text[]::date[])
    on conflict (service_id) do update
      set timezone = excluded.timezone, weekly = excluded.weekly, holidays = excluded.holidays, updated_at = now()`;
}

/** Returns whether the service had business hours. */
export async function deleteBusinessHours(tx: Tx, serviceId: string): Promise<boolean> {
  const deleted = await tx`delete from business_hours where service_id = ${serviceId}`;
  return deleted.count > 0;
}
