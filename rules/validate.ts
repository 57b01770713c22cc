/**
 * Trigger validation: zod checks the shape, then {@link validateTrigger} checks meaning. Every issue
 * carries the path of the offending value so the API can answer 422 pointing at the exact row.
 *
 * @module
 */
import { z } from 'zod';
import { conditionRows, groupChildren, isGroup, mapConditionRows, topLevelEntries, type ConditionPath } from './condition-tree';
import { CONDITION_LIMITS, type ConditionEntry, type ConditionRow, type Result, Trigger } from './model';
import { substitutionCodesIn, isKnownSubstitutionCode } from './substitution';
import {
  CHANGE_OPERATORS,
  CONDITION_FIELD_NAMES,
  LIST_OPERATORS,
  VALUELESS_OPERATORS,
  canonicalField,
  conditionTarget,
  parseField,
  type ConditionTarget,
} from './targets';

/** Stable codes of semantic issues; shape issues are `shape.<zod issue code>`. */
export const SEMANTIC_ISSUE_CODES = [
  'trigger.events_empty',
  'trigger.events_duplicate',
  'trigger.conditions_empty',
  'trigger.results_empty',
  'condition.too_deep',
  'condition.too_many',
  'condition.group_empty',
  'condition.unknown_field',
  'condition.value_type_required',
  'condition.value_type_not_applicable',
  'condition.operator_not_allowed',
  'condition.change_never_observed',
  'condition.value_required',
  'condition.value_not_allowed',
  'condition.value_type_mismatch',
  'condition.value_not_in_vocabulary',
  'condition.list_empty',
  'result.agent_required',
  'result.agent_not_allowed',
  'result.tags_empty',
  'result.recipients_empty',
  'result.messages_empty',
  'result.payload_not_json',
  'result.unknown_substitution_code',
] as const;

/** Code of a trigger issue. */
export type TriggerIssueCode = (typeof SEMANTIC_ISSUE_CODES)[number] | `shape.${string}`;

/** One reason a trigger is refused. */
export interface TriggerIssue {
  /** Where the offending value is, e.g. `['conditions', 'all', 2, 'operator']`. */
  readonly path: (string | number)[];
  readonly code: TriggerIssueCode;
  readonly message: string;
  /** What the offending value may be instead: the field names for an unknown field, the field's operators for a misfit. */
  readonly allowed?: readonly string[];
}

/** Outcome of {@link parseTrigger}. */
export type ParseTriggerResult =
  | { readonly ok: true; readonly trigger: Trigger }
  | { readonly ok: false; readonly issues: TriggerIssue[] };

/** Thrown where an invalid trigger or stored rule cannot be reported as data (compiling, loading a rule set). */
export class InvalidTriggerError extends Error {
  /** Stable error code for API error bodies. */
  readonly code = 'trigger.invalid';

  constructor(readonly issues: TriggerIssue[]) {
    super(`invalid trigger: ${issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
    this.name = 'InvalidTriggerError';
  }
}

type Path = (string | number)[];

const issue = (path: Path, code: TriggerIssueCode, message: string, allowed?: readonly string[]): TriggerIssue =>
  allowed ? { path, code, message, allowed } : { path, code, message };

type Keys = (string | number)[];
const keysOf = (path: readonly PropertyKey[]): Keys => path.map((key) => (typeof key === 'symbol' ? String(key) : key));

/** Converts zod issues into trigger issues. */
export function issuesFromZod(error: z.ZodError): TriggerIssue[] {
  return error.issues.flatMap((issue) => shapeIssues(issue, []));
}

/**
 * A union of condition entries fails in every branch; the branch to report is the one whose keys the entry has (no
 * `unrecognized_keys` at its top), so a bad operator deep in a group is reported at that row's operator. An entry
 * whose keys fit no branch is reported as it is.
 */
function shapeIssues(issue: z.core.$ZodIssue, prefix: Keys): TriggerIssue[] {
  const path = [...prefix, ...keysOf(issue.path)];
  // A check that has its own stable code (the nesting limit of `model.ts`) reports it as it is.
  const ownCode = issue.code === 'custom' ? (issue.params as { code?: TriggerIssueCode } | undefined)?.code : undefined;
  if (ownCode) return [{ path, code: ownCode, message: issue.message }];
  if (issue.code === 'invalid_union') {
    const fitting = issue.errors.filter(
      (branch) => !branch.some((inner) => inner.code === 'unrecognized_keys' && inner.path.length === 0),
    );
    if (fitting.length === 1) return fitting[0].flatMap((inner) => shapeIssues(inner, path));
  }
  return [{ path, code: `shape.${issue.code}`, message: issue.message }];
}

/**
 * Validates the shape and then the meaning of an untrusted trigger. Rows naming a field by the ticket's own name
 * (`intakeTypeId`) come back with the catalogue name (`intakeType`), the one form triggers are stored and answered in.
 */
export function parseTrigger(input: unknown): ParseTriggerResult {
  const shaped = Trigger.safeParse(input);
  if (!shaped.success) return { ok: false, issues: issuesFromZod(shaped.error) };
  const trigger = withCatalogueFieldNames(shaped.data);
  const issues = validateTrigger(trigger);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, trigger };
}

function withCatalogueFieldNames(trigger: Trigger): Trigger {
  return { ...trigger, conditions: mapConditionRows(trigger.conditions, (row) => ({ ...row, field: canonicalField(row.field) })) };
}

/** Semantic checks on a well-shaped trigger; an empty list means the trigger can be compiled. */
export function validateTrigger(trigger: Trigger): TriggerIssue[] {
  const issues: TriggerIssue[] = [];
  if (trigger.events.length === 0) {
    issues.push(issue(['events'], 'trigger.events_empty', 'a trigger must listen to at least one event'));
  } else if (new Set(trigger.events).size !== trigger.events.length) {
    issues.push(issue(['events'], 'trigger.events_duplicate', 'each event may be listed once'));
  }
  const rows = conditionRows(trigger.conditions);
  if (rows.length === 0) {
    // Without a row the trigger would run on every ticket event (an email on every update); no support flow wants that.
    issues.push(issue(['conditions'], 'trigger.conditions_empty', 'a trigger needs at least one condition'));
  } else if (rows.length > CONDITION_LIMITS.rows) {
    const message = `a trigger has at most ${CONDITION_LIMITS.rows} condition rows; this one has ${rows.length}`;
    issues.push(issue(['conditions'], 'condition.too_many', message));
  }
  for (const { entry, at } of topLevelEntries(trigger.conditions)) issues.push(...emptyGroups(entry, ['conditions', ...at]));
  const observesChanges = trigger.events.includes('updated');
  for (const { row, at } of rows) issues.push(...validateRow(row, ['conditions', ...at], observesChanges));
  if (trigger.results.length === 0) {
    issues.push(issue(['results'], 'trigger.results_empty', 'a trigger needs at least one result'));
  }
  trigger.results.forEach((result, index) => issues.push(...validateResult(result, ['results', index])));
  return issues;
}

/** An `all` or `any` group without entries would hold (or fail) whatever the ticket; the admin meant something else. */
function emptyGroups(entry: ConditionEntry, at: ConditionPath): TriggerIssue[] {
  if (!isGroup(entry)) return [];
  const children = groupChildren(entry);
  if (children.length === 0) return [issue([...at], 'condition.group_empty', 'a group needs at least one condition')];
  return children.flatMap((child) => emptyGroups(child.entry, [...at, ...child.at]));
}

function validateRow(row: ConditionRow, at: Path, observesChanges: boolean): TriggerIssue[] {
  const parsed = parseField(row.field);
  if (!parsed) {
    const message = `unknown condition field "${row.field}"; use one of ${CONDITION_FIELD_NAMES.join(', ')}`;
    return [issue([...at, 'field'], 'condition.unknown_field', message, CONDITION_FIELD_NAMES)];
  }
  if (parsed.kind === 'custom' && row.valueType === undefined) {
    const message = `"${row.field}" needs a valueType (string, number, boolean or date)`;
    return [issue([...at, 'valueType'], 'condition.value_type_required', message)];
  }
  const issues: TriggerIssue[] = [];
  if (parsed.kind === 'fixed' && row.valueType !== undefined) {
    const message = `"${row.field}" has a fixed type; valueType is only for customer and agent fields`;
    issues.push(issue([...at, 'valueType'], 'condition.value_type_not_applicable', message));
  }
  const target = conditionTarget(row.field, row.valueType) as ConditionTarget;
  if (!target.operators.includes(row.operator)) {
    const allowed = target.operators.join(', ');
    const message = `"${row.operator}" does not apply to ${row.field} (${target.type}); use one of ${allowed}`;
    issues.push(issue([...at, 'operator'], 'condition.operator_not_allowed', message, target.operators));
    return issues;
  }
  if (CHANGE_OPERATORS.has(row.operator) && !observesChanges) {
    const message = `"${row.operator}" compares with the previous ticket, which only an updated event has`;
    issues.push(issue([...at, 'operator'], 'condition.change_never_observed', message));
  }
  issues.push(...validateRowValue(row, target, [...at, 'value']));
  return issues;
}

function validateRowValue(row: ConditionRow, target: ConditionTarget, at: Path): TriggerIssue[] {
  const { operator, value } = row;
  if (VALUELESS_OPERATORS.has(operator)) {
    return value === undefined ? [] : [issue(at, 'condition.value_not_allowed', `"${operator}" takes no value`)];
  }
  if (value === undefined) {
    return [issue(at, 'condition.value_required', `"${operator}" needs a value`)];
  }
  if (LIST_OPERATORS.has(operator)) {
    if (!Array.isArray(value)) {
      return [issue(at, 'condition.value_type_mismatch', `"${operator}" needs a list of values`)];
    }
    if (value.length === 0) {
      return [issue(at, 'condition.list_empty', `"${operator}" needs at least one value`)];
    }
    return value.flatMap((item, index) => checkScalar(item, target, true, [...at, index]));
  }
  if (Array.isArray(value)) {
    return [issue(at, 'condition.value_type_mismatch', `"${operator}" needs a single value, not a list`)];
  }
  const needsText = operator === 'contains' || operator === 'notContains' || operator === 'startsWith';
  return checkScalar(value, target, needsText, at);
}

const IsoDateTime = z.iso.datetime({ offset: true });

/** Checks one constant against the target's type; `nonEmpty` refuses '' where it would match everything. */
function checkScalar(value: unknown, target: ConditionTarget, nonEmpty: boolean, at: Path): TriggerIssue[] {
  const mismatch = (expected: string) => [
    issue(at, 'condition.value_type_mismatch', `${target.field} expects ${expected}`),
  ];
  switch (target.type) {
    case 'enum': {
      const vocabulary = target.vocabulary ?? [];
      if (typeof value !== 'string') return mismatch(`one of ${vocabulary.join(', ')}`);
      if (vocabulary.includes(value)) return [];
      const message = `"${value}" is not a ${target.field}; use one of ${vocabulary.join(', ')}`;
      return [issue(at, 'condition.value_not_in_vocabulary', message)];
    }
    case 'id':
    case 'tags':
      return typeof value === 'string' && value.length > 0 ? [] : mismatch('a non-empty id');
    case 'string':
      return typeof value === 'string' && (!nonEmpty || value.length > 0) ? [] : mismatch('a non-empty text');
    case 'number':
      return typeof value === 'number' ? [] : mismatch('a number');
    case 'date':
      return typeof value === 'string' && IsoDateTime.safeParse(value).success
        ? []
        : mismatch('an ISO 8601 date-time with offset, e.g. 2024-05-01T09:00:00+09:00');
    case 'boolean':
      return typeof value === 'boolean' ? [] : mismatch('true or false');
  }
}

function unknownCodes(template: string, at: Path): TriggerIssue[] {
  return substitutionCodesIn(template)
    .filter((code) => !isKnownSubstitutionCode(code))
    .map((code) => issue(at, 'result.unknown_substitution_code', `unknown substitution code #{${code}}`));
}

/** Semantic checks on one well-shaped result; `at` is its path, prefixed to every issue. */
export function validateResult(result: Result, at: Path): TriggerIssue[] {
  switch (result.type) {
    case 'assign':
      if (result.strategy === 'agent' && result.agentId === undefined) {
        return [issue([...at, 'agentId'], 'result.agent_required', 'assigning to an agent needs agentId')];
      }
      if (result.strategy !== 'agent' && result.agentId !== undefined) {
        const message = `the ${result.strategy} strategy picks the agent; remove agentId or use strategy "agent"`;
        return [issue([...at, 'agentId'], 'result.agent_not_allowed', message)];
      }
      return [];
    case 'addTags':
    case 'removeTags':
      return result.tags.length > 0 ? [] : [issue([...at, 'tags'], 'result.tags_empty', 'list at least one tag')];
    case 'notifyEmail': {
      const languages = Object.keys(result.messages);
      if (languages.length === 0) {
        return [issue([...at, 'messages'], 'result.messages_empty', 'write the message in at least one language')];
      }
      return languages.flatMap((language) => [
        ...unknownCodes(result.messages[language].subject, [...at, 'messages', language, 'subject']),
        ...unknownCodes(result.messages[language].body, [...at, 'messages', language, 'body']),
      ]);
    }
    case 'forwardEmail':
      return result.to.length > 0
        ? []
        : [issue([...at, 'to'], 'result.recipients_empty', 'list at least one recipient')];
    case 'callbackUrl': {
      const issues = unknownCodes(result.payloadTemplate, [...at, 'payloadTemplate']);
      if (!isJson(result.payloadTemplate)) {
        const message = 'the payload template must be JSON, with substitution codes inside strings';
        issues.push(issue([...at, 'payloadTemplate'], 'result.payload_not_json', message));
      }
      return issues;
    }
    case 'doorayNotify':
      return unknownCodes(result.template, [...at, 'template']);
    case 'setIntakeType':
    case 'setPriority':
    case 'forwardToGroup':
      return [];
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
