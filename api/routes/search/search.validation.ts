/**
 * Refusals of a search: a condition that does not exist is 422 `search.unknown_field` (naming it, e.g.
 * `conditions.priorty` or `fields.vip`), a field that is encrypted 422 `search.encrypted_field`, a reversed
 * creation range 422 `search.invalid_range`; anything else malformed is 400 `request.invalid`.
 */
import type { Hook } from '@hono/zod-openapi';
import type { AppEnv } from '../../context';
import { ApiError } from '../../errors';
import { describeIssues } from '../../validation';
import type { Db } from '../../../store/db';
import { fieldsByCode } from '../../../store/fields';
import type { FieldCondition } from '../../../store/ticket-search';
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
 * The semantic checks of a set of conditions, and the field conditions they hold resolved to the fields they name:
 * a code that names no live field of the searched services is 422 `search.unknown_field`, an encrypted field 422
 * `search.encrypted_field` (its values are sealed and cannot be compared).
 */
export async function checkConditions(
  sql: Db,
  orgId: string,
  serviceId: string | undefined,
  conditions: TicketSearchConditions,
): Promise<FieldCondition[][]> {
  const { createdFrom, createdTo, fields = {} } = conditions;
  if (createdFrom && createdTo && Date.parse(createdFrom) >= Date.parse(createdTo)) {
    throw new ApiError(422, 'search.invalid_range', 'createdTo must be after createdFrom.', { createdFrom, createdTo });
  }
  const codes = Object.keys(fields);
  if (codes.length === 0) return [];
  const found = await fieldsByCode(sql, orgId, serviceId, codes);
  const named = (code: string) => found.filter((field) => field.code.toLowerCase() === code.toLowerCase());
  const unknown = codes.filter((code) => named(code).length === 0).map((code) => `fields.${code}`);
  if (unknown.length > 0) {
    throw new ApiError(422, 'search.unknown_field', `No searchable field named ${unknown.join(', ')}.`, { fields: unknown });
  }
  const encrypted = codes.filter((code) => named(code).some((field) => field.encrypted)).map((code) => `fields.${code}`);
  if (encrypted.length > 0) {
    throw new ApiError(422, 'search.encrypted_field', `Encrypted fields cannot be searched: ${encrypted.join(', ')}.`, { fields: encrypted });
  }
  return codes.map((code) =>
    named(code).map((field) => ({
      serviceId: field.serviceId,
      scope: field.scope,
      code: field.code,
      match: field.control === 'text' || field.control === 'textarea' ? ('contains' as const) : ('equals' as const),
      value: fields[code]!,
    })),
  );
}
