/**
 * The admin audit trail as route handlers write it: `writeAudit` inside the transaction of the change it
 * describes (see `store/audit`), and the unique-violation check handlers turn into 409s.
 */
export { writeAudit, type AuditEntry } from '../store/audit';

/** Whether a failed statement broke the named unique constraint (SQLSTATE 23505). */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const { code, constraint_name } = error as { code?: string; constraint_name?: string };
  return code === '23505' && constraint_name === constraint;
}
