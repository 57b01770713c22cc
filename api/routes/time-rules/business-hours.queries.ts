/**
 * Business-hours writes: one row per service that has them; none means around the clock. Reads go through
 * `loadBusinessHours` of `activities/time-rule-config.ts`, which the ticket workflow's activities use too.
 */
import type { ISql } from 'postgres';
import type { BusinessHours } from './business-hours.schemas';

export async function saveBusinessHours(sql: ISql, serviceId: string, hours: BusinessHours): Promise<void> {
  await sql`
    insert into business_hours (service_id, timezone, weekly, holidays)
    values (${serviceId}, ${hours.timezone}, ${sql.json(hours.weekly)}, ${hours.holidays}::text[]::date[])
    on conflict (service_id) do update
      set timezone = excluded.timezone, weekly = excluded.weekly, holidays = excluded.holidays, updated_at = now()`;
}

/** Returns whether the service had business hours. */
export async function deleteBusinessHours(sql: ISql, serviceId: string): Promise<boolean> {
  const deleted = await sql`delete from business_hours where service_id = ${serviceId}`;
  return deleted.count > 0;
}
