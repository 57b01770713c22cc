/**
 * Changes to one SLA policy or automation, made under its service's time-rule lock.
 */
import type { NotFoundRecord } from '../../../domain/error-codes';
import type { Db, Sql, Tx } from '../../../store/db';
import { lockServiceTimeRules } from '../../../store/time-rules/config';
import { notFound } from '../../errors';

/**
 * Runs `change` on a live SLA policy or automation of the caller's organisation (read by `find`) under its service's
 * time-rule lock; 404 `<what>.not_found` when there is none.
 */
export async function withLockedTimeRule<R extends { serviceId: string }, T>(
  sql: Sql,
  find: (sql: Db, orgId: string, id: string) => Promise<R | null>,
  what: NotFoundRecord,
  orgId: string,
  id: string,
  change: (tx: Tx, current: R) => Promise<T>,
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
