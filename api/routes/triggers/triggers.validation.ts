/**
 * The gate every trigger passes before it is stored: its shape and meaning (`parseTrigger` of `rules/`), then
 * the records it names, checked against the service. Every refusal is a 422 `trigger.invalid` listing issues with
 * the path of the offending value, e.g. `['conditions', 'all', 2, 'operator']`, so the studio can point at it.
 */
import { conditionRows, parseTrigger, type Trigger } from '../../../rules/index';
import type { Db } from '../../../store/db';
import { listFields } from '../../../store/fields';
import { checkReferences, triggerReferences } from '../../references';
import { definitionBodyHook, invalid, type Issue } from '../../validation';

const invalidTrigger = (issues: Issue[]) => invalid('trigger.invalid', 'trigger', issues);

/** Validation hook of the routes whose body is (part of) a trigger. */
export const triggerBodyHook = definitionBodyHook('trigger.invalid', 'trigger');

/** The trigger, validated by the rule engine; throws 422 `trigger.invalid` otherwise. */
export function requireValidTrigger(candidate: unknown): Trigger {
  const parsed = parseTrigger(candidate);
  if (!parsed.ok) throw invalidTrigger(parsed.issues);
  return parsed.trigger;
}

/** Throws 422 `trigger.invalid` when the trigger names records the service does not have. */
export async function requireKnownReferences(sql: Db, orgId: string, serviceId: string, trigger: Trigger): Promise<void> {
  const issues = [...(await checkReferences(sql, orgId, serviceId, triggerReferences(trigger))), ...(await encryptedFieldConditions(sql, serviceId, trigger))];
  if (issues.length > 0) throw invalidTrigger(issues);
}

/** Conditions on encrypted (PII) fields: their values are ciphertext to everything but a reader, so nothing matches on them. */
async function encryptedFieldConditions(sql: Db, serviceId: string, trigger: Trigger): Promise<Issue[]> {
  const encrypted = new Set(
    (await listFields(sql, serviceId)).filter((field) => field.encrypted).map((field) => `${field.scope}Field:${field.code}`),
  );
  if (encrypted.size === 0) return [];
  return conditionRows(trigger.conditions).flatMap(({ row, at }): Issue[] =>
    encrypted.has(row.field)
      ? [{ path: ['conditions', ...at, 'field'], code: 'field.encrypted', message: `${row.field} is encrypted: it cannot be searched or matched.` }]
      : [],
  );
}
