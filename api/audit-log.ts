/**
 * The admin audit trail (권한 변경 로그). Rows are written inside the transaction of the change they describe,
 * so a refused or failed request leaves no row behind and every committed change has one.
 */
import type { JSONValue, TransactionSql } from 'postgres';

export interface AuditEntry {
  actorId: string;
  /** `<resource>.<verb>`, e.g. `agent.created`, `agent.permissions_changed`. */
  action: string;
  /** The id of the changed record. */
  target: string;
  details: Record<string, JSONValue | undefined>;
}

export async function writeAudit(tx: TransactionSql, entry: AuditEntry): Promise<void> {
  await tx`
    insert into audit_log (actor_id, action, target, details)
    values (${entry.actorId}, ${entry.action}, ${entry.target}, ${tx.json(entry.details)})`;
}

/** Whether a failed statement broke the named unique constraint (SQLSTATE 23505). */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const { code, constraint_name } = error as { code?: string; constraint_name?: string };
  return code === '23505' && constraint_name === constraint;
}
