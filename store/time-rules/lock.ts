/**
 * The lock every admin change to a service's time-rule configuration takes, and changes to one SLA policy or
 * automation made under it.
 */
import type { Db, Sql, Tx } from '../db';
import { refused, type Refused } from '../errors';

/**
 * Serialises every write to one service's time-rule configuration (business hours, SLA policies and their
 * positions, automations), so audit rows record the state each change really replaced.
 */
export async function lockServiceTimeRules(tx: Tx, serviceId: string): Promise<void> {
  await tx`select pg_advisory_xact_lock(hashtext(${`time-rules:${serviceId}`}))`;
}

/**
 * Runs `change` on a live SLA policy or automation of the organisation (read by `find`) under its service's
 * time-rule lock; refused when there is none.
 */
export async function withLockedTimeRule<R extends { serviceId: string }, T>(
  sql: Sql,
  find: (sql: Db, orgId: string, id: string) => Promise<R | null>,
  orgId: string,
  id: string,
  change: (tx: Tx, current: R) => Promise<T>,
): Promise<{ ok: true; value: T } | Refused<'not_found'>> {
  const found = await find(sql, orgId, id);
  if (!found) return refused('not_found');
  return sql.begin(async (tx): Promise<{ ok: true; value: T } | Refused<'not_found'>> => {
    await lockServiceTimeRules(tx, found.serviceId);
    // Read again under the lock: the rule may have been deleted or changed in between.
    const current = await find(tx, orgId, id);
    if (!current) return refused('not_found');
    return { ok: true, value: await change(tx, current) };
  }) as Promise<{ ok: true; value: T } | Refused<'not_found'>>;
}
