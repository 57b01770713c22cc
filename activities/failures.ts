/**
 * Sorts activity failures into those a retry can heal and those it cannot. A failure that comes from the data
 * itself (PostgreSQL refusing a NUL byte, a check or foreign-key violation, a statement the schema rejects, ticket
 * facts the rule engines' gate refuses) fails
 * the same way on every attempt, so retrying it would wedge its workflow for good: it becomes a non-retryable
 * `ApplicationFailure` of type {@link INVALID_DATA}. Everything else (connections refused or reset, the database
 * starting or shutting down, out of resources, serialisation failures, deadlocks, timeouts, and errors we do not
 * recognise) is rethrown as it is, for the workflow's retry policy, whose attempts stay unlimited.
 */
import { ApplicationFailure } from '@temporalio/common';
import type { ActivityFailureType } from '../domain/error-codes';
import { InvalidFactsError } from '../rules/facts-gate';

/** The type of the failure an activity raises when the database refuses its data for good. */
export const INVALID_DATA = 'data.invalid' satisfies ActivityFailureType;

/** The fields of a postgres.js `PostgresError` that explain a refusal. */
interface DatabaseError {
  code: string;
  message: string;
  constraint_name?: string;
  table_name?: string;
  column_name?: string;
}

// SQLSTATE classes that fail the same way on every attempt: 22 data exception (e.g. 22021, a NUL byte in text),
// 23 integrity constraint violation, 42 syntax error or access rule violation.
const DETERMINISTIC_CLASSES = new Set(['22', '23', '42']);
// A unique violation can be a race with a concurrent writer, which the retry (finding the row) heals.
const HEALABLE_CODES = new Set(['23505']);

// postgres.js refuses some values itself before sending anything.
const CLIENT_REFUSALS = new Set(['UNDEFINED_VALUE']);

function isDatabaseError(error: unknown): error is DatabaseError {
  return error instanceof Error && error.name === 'PostgresError' && typeof (error as { code?: unknown }).code === 'string';
}

/** Whether an error will fail again, whatever the number of attempts. */
export function isDeterministic(error: unknown): boolean {
  if (error instanceof InvalidFactsError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && CLIENT_REFUSALS.has(code)) return true;
  if (!isDatabaseError(error)) return false;
  return DETERMINISTIC_CLASSES.has(error.code.slice(0, 2)) && !HEALABLE_CODES.has(error.code);
}

/** The error to throw from an activity: a deterministic failure as a non-retryable {@link INVALID_DATA}, else the error. */
export function classifyFailure(error: unknown): unknown {
  if (error instanceof ApplicationFailure || !isDeterministic(error)) return error;
  const cause = error as Partial<DatabaseError> & Error;
  const details = {
    sqlstate: isDatabaseError(error) ? error.code : null,
    constraint: cause.constraint_name ?? null,
    table: cause.table_name ?? null,
    column: cause.column_name ?? null,
  };
  return ApplicationFailure.create({
    type: INVALID_DATA,
    message: `${isDatabaseError(error) ? 'The database refused the data' : 'The data was refused'}: ${cause.message}`,
    nonRetryable: true,
    details: [details],
    cause,
  });
}

/** The same activities, each raising deterministic failures as non-retryable ones ({@link classifyFailure}). */
export function classifyFailures<T extends Record<string, (...args: never[]) => Promise<unknown>>>(activities: T): T {
  const classified: Record<string, (...args: never[]) => Promise<unknown>> = {};
  for (const [name, activity] of Object.entries(activities)) {
    classified[name] = async (...args) => {
      try {
        return await activity(...args);
      } catch (error) {
        throw classifyFailure(error);
      }
    };
  }
  return classified as T;
}
