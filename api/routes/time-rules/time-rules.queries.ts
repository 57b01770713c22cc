/**
 * What every time-rule write shares: one lock per service.
 */
import type { ISql } from 'postgres';

/**
 * Serialises every write to one service's time-rule configuration (business hours, SLA policies and their
 * positions, automations), so audit rows record the state each change really replaced.
 */
export async function lockServiceTimeRules(sql: ISql, serviceId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`time-rules:${serviceId}`}))`;
}
