/**
 * The gate time-rule configuration passes before it is stored. A body that breaks its schema, a result that makes
 * no sense, or a group, agent or intake type the service does not have is refused with 422 and the issues' paths
 * (e.g. `['onBreach', 1, 'type']`, `['weekly', 0, 'end']`), in the shape trigger validation uses.
 */
import type { Hook, z } from '@hono/zod-openapi';
import type { ISql } from 'postgres';
import { validateResult, type Result } from '../../../rules/index';
import type { AppEnv } from '../../context';
import { ApiError } from '../../errors';
import { checkReferences, resultReferences, type Issue, type Reference } from '../triggers/triggers.validation';

const describe = (issues: Issue[]) => {
  const first = issues[0];
  const where = first.path.length ? `${first.path.join('.')}: ` : '';
  return `${where}${first.message}${issues.length > 1 ? ` (+${issues.length - 1} more)` : ''}`;
};

/** A 422 refusal with the issues in `details.issues`. */
export const invalid = (code: string, what: string, issues: Issue[]) =>
  new ApiError(422, code, `Invalid ${what}: ${describe(issues)}`, { issues });

const toIssues = (error: z.ZodError): Issue[] =>
  error.issues.map((issue) => ({
    path: issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)),
    code: `shape.${issue.code}`,
    message: issue.message,
  }));

/**
 * A validation hook for routes whose body is a time-rule configuration object: a body that is not an object, and
 * bad path parameters, are malformed requests (400); an object that breaks the schema is refused with 422 `code`.
 */
export function configBodyHook(code: string, what: string): Hook<unknown, AppEnv, string, undefined> {
  return (result) => {
    if (result.success) return;
    const issues = toIssues(result.error);
    const notAnObject = issues.some((issue) => issue.path.length === 0 && issue.code === 'shape.invalid_type');
    if (result.target === 'json' && !notAnObject) throw invalid(code, what, issues);
    throw new ApiError(400, 'request.invalid', `Invalid request: ${describe(issues)}`, {
      issues: issues.map((issue) => ({ ...issue, code: issue.code.slice('shape.'.length) })),
    });
  };
}

export const SLA_INVALID = 'sla.invalid';

/** What an SLA policy names and does, as the checks below need it. */
export interface SlaPolicyDraft {
  intakeTypeId: string | null;
  firstResponseMs: number | null;
  resolutionMs: number | null;
  onAtRisk: Result[];
  onBreach: Result[];
}

/**
 * Throws 422 `sla.no_target` for a policy without a target, and 422 `sla.invalid` for results that make no sense
 * or for an intake type, group or agent the service does not have (a disabled intake type is accepted: its old
 * tickets still have it).
 */
export async function requireValidSlaPolicy(sql: ISql, orgId: string, serviceId: string, policy: SlaPolicyDraft): Promise<void> {
  if (policy.firstResponseMs === null && policy.resolutionMs === null) {
    throw new ApiError(422, 'sla.no_target', 'Give at least one target: firstResponse or resolution.', {
      issues: [{ path: [], code: 'sla.no_target', message: 'give at least one of firstResponse, resolution' }],
    });
  }
  const lists = [
    ['onAtRisk', policy.onAtRisk],
    ['onBreach', policy.onBreach],
  ] as const;
  const issues: Issue[] = lists.flatMap(([key, results]) =>
    results.flatMap((result, index) => validateResult(result, [key, index])),
  );
  if (issues.length === 0) {
    const references: Reference[] = lists.flatMap(([key, results]) => resultReferences(results, [key]));
    if (policy.intakeTypeId !== null) references.push({ kind: 'intake', id: policy.intakeTypeId, path: ['intakeTypeId'] });
    issues.push(...(await checkReferences(sql, orgId, serviceId, references)));
  }
  if (issues.length > 0) throw invalid(SLA_INVALID, 'SLA policy', issues);
}
