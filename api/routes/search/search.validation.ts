/**
 * Refusals of a search: a condition that does not exist is 422 `search.unknown_field` (naming it, e.g.
 * `conditions.priorty` or `fields.vip`), a field that is encrypted 422 `search.encrypted_field`, a reversed
 * creation range 422 `search.invalid_range`; anything else malformed is 400 `request.invalid`.
 */
import type { Hook } from '@hono/zod-openapi';
import type { AppEnv } from '../../context';
import { ApiError } from '../../errors';
import { describeIssues } from '../../validation';
import type { TicketSearchConditions } from './search.schemas';

/** The validation hook of routes whose body holds `conditions`. */
export const searchBodyHook: Hook<unknown, AppEnv, string, undefined> = (result) => {
  if (result.success) return;
  const issues = result.error.issues;
  const unknown = issues
    .filter((issue) => issue.code === 'unrecognized_keys' && issue.path.at(-1) === 'conditions')
    .flatMap((issue) => (issue as { keys: string[] }).keys.map((key) => [...issue.path, key].join('.')));
  if (unknown.length > 0) {
    throw new ApiError(422, 'search.unknown_field', `No search condition named ${unknown.join(', ')}.`, { fields: unknown });
  }
  const described = issues.map((issue) => ({ path: issue.path as (string | number)[], code: issue.code, message: issue.message }));
  throw new ApiError(400, 'request.invalid', `Invalid request: ${describeIssues(described)}`, { issues: described });
};

/**
 * The semantic checks of a set of conditions. Field conditions name the service's customer and agent fields by
 * code; those fields are not part of Contactflow yet, so every code is unknown until they are (the encrypted ones
 * will then be refused with `search.encrypted_field`).
 */
export function checkConditions(conditions: TicketSearchConditions): void {
  const { createdFrom, createdTo, fields } = conditions;
  if (createdFrom && createdTo && Date.parse(createdFrom) >= Date.parse(createdTo)) {
    throw new ApiError(422, 'search.invalid_range', 'createdTo must be after createdFrom.', { createdFrom, createdTo });
  }
  const codes = Object.keys(fields ?? {});
  if (codes.length > 0) {
    const unknown = codes.map((code) => `fields.${code}`);
    throw new ApiError(422, 'search.unknown_field', `No searchable field named ${unknown.join(', ')}.`, { fields: unknown });
  }
}
