/**
 * How the store tells its callers that a change did not happen: a refusal found inside the transaction (the record
 * is gone, a name is taken under the lock …) comes back as a value, and a broken unique constraint as the postgres
 * error it is. What either means to a user is the caller's business (the API turns them into 4xx answers).
 */

/** A change the store did not make, and why; the transaction made no write. */
export interface Refused<Reason extends string> {
  ok: false;
  reason: Reason;
}

export const refused = <Reason extends string>(reason: Reason): Refused<Reason> => ({ ok: false, reason });

/** Whether a failed statement broke the named unique constraint (SQLSTATE 23505). */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const { code, constraint_name } = error as { code?: string; constraint_name?: string };
  return code === '23505' && constraint_name === constraint;
}
