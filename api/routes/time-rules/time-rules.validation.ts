/**
 * The gate time-rule configuration passes before it is stored. A body that breaks its schema, a result that makes
 * no sense, or a group, agent or intake type the service does not have is refused with 422 and the issues' paths
 * (e.g. `['onBreach', 1, 'type']`, `['weekly', 0, 'end']`), in the shape trigger validation uses.
 */
import { validateResult, type Result } from '../../../rules/index';
import type { Db } from '../../../store/db';
import { ApiError } from '../../errors';
import { checkReferences, resultReferences, type Reference } from '../../references';
import { invalid, type Issue } from '../../validation';

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
export async function requireValidSlaPolicy(sql: Db, orgId: string, serviceId: string, policy: SlaPolicyDraft): Promise<void> {
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
