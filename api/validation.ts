/**
 * Refusals that point at the offending value: each issue carries the `path` into the request body, e.g.
 * `['conditions', 'all', 2, 'operator']` or `['weekly', 0, 'end']`, so the studio can show it beside the field.
 */
import type { Hook } from '@hono/zod-openapi';
import type { ErrorCode } from '../domain/error-codes';
import { issuesFromZod } from '../rules/index';
import type { AppEnv } from './context';
import { ApiError } from './errors';

/** One reason a body is refused: a schema issue (`shape.*`) or a semantic one (`reference.*`, `sla.*` …). */
export interface Issue {
  path: (string | number)[];
  code: string;
  message: string;
}

/** The first issue with its path, and how many more there are. */
export function describeIssues(issues: { path: PropertyKey[]; message: string }[]): string {
  const first = issues[0];
  const where = first?.path.length ? `${first.path.join('.')}: ` : '';
  return `${where}${first?.message ?? 'validation failed'}${issues.length > 1 ? ` (+${issues.length - 1} more)` : ''}`;
}

/** A 422 refusal with the issues in `details.issues`. */
export const invalid = (code: ErrorCode, what: string, issues: Issue[]) =>
  new ApiError(422, code, `Invalid ${what}: ${describeIssues(issues)}`, { issues });

/**
 * A validation hook for routes whose body is a rule definition (a trigger, an SLA policy …). A body that is not
 * even an object, and bad path parameters, are malformed requests (400, as everywhere else); an object that breaks
 * the schema is a bad definition, refused with 422 `code` and the same issue shape as the semantic checks.
 */
export function definitionBodyHook(code: ErrorCode, what: string): Hook<unknown, AppEnv, string, undefined> {
  return (result) => {
    if (result.success) return;
    const issues: Issue[] = issuesFromZod(result.error);
    const notAnObject = issues.some((issue) => issue.path.length === 0 && issue.code === 'shape.invalid_type');
    if (result.target === 'json' && !notAnObject) throw invalid(code, what, issues);
    throw new ApiError(400, 'request.invalid', `Invalid request: ${describeIssues(issues)}`, {
      issues: issues.map((issue) => ({ ...issue, code: issue.code.slice('shape.'.length) })),
    });
  };
}

/**
 * Throws 422 `code` unless `given` names every id of `current` exactly once (a new order for a service's triggers or
 * policies); `details` lists the missing, unknown and repeated ids.
 */
export function requireCompleteOrder(current: string[], given: string[], code: ErrorCode, message: string): void {
  const listed = new Set(given);
  const missing = current.filter((id) => !listed.has(id));
  const unknown = given.filter((id) => !current.includes(id));
  const duplicates = given.filter((id, index) => given.indexOf(id) !== index);
  if (missing.length > 0 || unknown.length > 0 || duplicates.length > 0) {
    throw new ApiError(422, code, message, { missing, unknown, duplicates });
  }
}
