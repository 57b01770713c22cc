/**
 * Field values on a ticket checked against the service's field definitions before any command reaches the ticket
 * workflow: unknown codes, values of the wrong type, admin-only agent fields and missing required fields are
 * refused with a code naming the field, and nothing changes.
 *
 * @module
 */
import { SEALED_VALUE_PREFIX, fieldValueProblem, isSealedValue, type FieldScope } from '../domain/fields';
import type { FieldValue } from '../domain/ticket';
import type { Db } from '../store/db';
import { fieldsForTicket, type Field } from '../store/fields';
import { intakeTypePath } from '../store/ticket-snapshot';
import type { AuthenticatedAgent } from './auth/agent';
import { ApiError } from './errors';

/** Values by field code; null clears a field (edits only). */
export type FieldValues = Record<string, FieldValue | null>;

/** The fields a ticket of the service and intake type carries. */
export async function ticketFields(sql: Db, serviceId: string, intakeTypeId: string | null): Promise<Field[]> {
  const path = intakeTypeId ? ((await intakeTypePath(sql, intakeTypeId)) ?? []) : [];
  return fieldsForTicket(sql, serviceId, path);
}

const isEmpty = (value: FieldValue | null | undefined) => value === undefined || value === null || value === '' || value === false;

/**
 * Checks values a caller sends for one scope: every code must be a field of the ticket, every value must fit its
 * control, and agent fields for admins only need an admin.
 */
export function checkFieldValues(fields: Field[], scope: FieldScope, values: FieldValues, agent: Pick<AuthenticatedAgent, 'role'>): void {
  const byCode = new Map(fields.filter((field) => field.scope === scope).map((field) => [field.code, field]));
  for (const [code, value] of Object.entries(values)) {
    const field = byCode.get(code);
    if (!field) {
      throw new ApiError(422, 'field.unknown', `${code} is not a ${scope} field of this ticket.`, { scope, code });
    }
    if (scope === 'agent' && field.editableBy === 'admin' && agent.role !== 'admin') {
      throw new ApiError(403, 'field.admin_only', `Only admins fill in ${code}.`, { scope, code });
    }
    if (value === null) continue;
    if (isSealedValue(value)) {
      throw new ApiError(422, 'field.invalid_value', `${code} may not start with ${SEALED_VALUE_PREFIX}.`, { scope, code, control: field.control });
    }
    const problem = fieldValueProblem({ code, control: field.control, optionCodes: field.options.map((option) => option.code) }, value);
    if (problem) throw new ApiError(422, 'field.invalid_value', `${code} ${problem}.`, { scope, code, control: field.control, problem });
  }
}

/** Refuses (422 `field.required`) when required fields of the scopes are empty in the values. */
export function requireFilledFields(fields: Field[], scopes: FieldScope[], values: Record<FieldScope, FieldValues>, when: string): void {
  const missing = fields
    .filter((field) => field.required && scopes.includes(field.scope) && isEmpty(values[field.scope][field.code]))
    .map((field) => ({ scope: field.scope, code: field.code }));
  if (missing.length > 0) {
    throw new ApiError(422, 'field.required', `Fill in ${missing.map((field) => field.code).join(', ')} ${when}.`, { missing });
  }
}
