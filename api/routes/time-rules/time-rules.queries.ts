/**
 * What every time-rule write shares: one lock per service.
 */
import type { ISql, Sql, TransactionSql } from 'postgres';
import type { NotFoundRecord } from '../../../domain/error-codes';
import { notFound } from '../../errors';

/**
 * Serialises every write to one service's time-rule configuration (business hours, SLA policies and their
 * positions, automations), so audit rows record the state each change really replaced.
 */
export async function lockServiceTimeRules(sql: ISql, serviceId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`time-rules:${serviceId}`}))`;
}

/**
 * Runs `change` on a live SLA policy or automation of the caller's organisation (read by `find`) under its service's
 * time-rule lock; 404 `<what>.not_found` when there is none.
 */
export async function withLockedTimeRule<R extends { serviceId: string }, T>(
  sql: Sql,
  find: (sql: ISql, orgId: string, id: string) => Promise<R | null>,
  what: NotFoundRecord,
  orgId: string,
  id: string,
  change: (tx: TransactionSql, current: R) => Promise<T>,
): Promise<T> {
  const found = await find(sql, orgId, id);
  if (!found) throw notFound(what, id);
  return sql.begin(async (tx) => {
    await lockServiceTimeRules(tx, found.serviceId);
    // Read again under the lock: the rule may have been deleted or changed in between.
    const current = await find(tx, orgId, id);
    if (!current) throw notFound(what, id);
    return change(tx, current);
  }) as Promise<T>;
}
