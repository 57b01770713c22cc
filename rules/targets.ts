/**
 * The catalogue of condition targets: which ticket value a row's `field` names, its type, which
 * operators apply to it and where it lives in a ticket snapshot.
 *
 * Paths are the JSONPath subset json-rules-engine resolves (`$.key` or `$.key['code']`); the fast
 * evaluator parses the same strings, so both engines read exactly the same values.
 *
 * @module
 */
import type { ConditionOperator, CustomFieldValueType } from './model';
import { TicketChannel, TicketPriority, TicketStatus } from '../domain/schemas';

/** Value type of a condition target; it decides the operator whitelist and the accepted values. */
export type TargetType = 'enum' | 'id' | 'string' | 'tags' | 'number' | 'date' | 'boolean';

/** A resolved condition target. */
export interface ConditionTarget {
  /** The row's field, e.g. `priority` or `customerField:vip`. */
  readonly field: string;
  readonly type: TargetType;
  /** Where the value lives in a ticket snapshot. */
  readonly path: string;
  /** Operators a row on this target may use. */
  readonly operators: readonly ConditionOperator[];
  /** Allowed values of an `enum` target. */
  readonly vocabulary?: readonly string[];
}

/** Operators that take no value. */
export const VALUELESS_OPERATORS: ReadonlySet<ConditionOperator> = new Set(['isEmpty', 'isNotEmpty', 'changed']);
/** Operators whose value is a non-empty list. */
export const LIST_OPERATORS: ReadonlySet<ConditionOperator> = new Set(['in', 'notIn']);
/** Operators that compare the current snapshot with the previous one. */
export const CHANGE_OPERATORS: ReadonlySet<ConditionOperator> = new Set(['changed', 'changedTo', 'changedFrom']);

const TYPE_OPERATORS: Readonly<Record<TargetType, readonly ConditionOperator[]>> = {
  enum: ['equals', 'notEquals', 'in', 'notIn', 'changed', 'changedTo', 'changedFrom'],
  id: ['equals', 'notEquals', 'in', 'notIn', 'changed', 'changedTo', 'changedFrom'],
  string: ['equals', 'notEquals', 'contains', 'notContains', 'startsWith', 'changed'],
  tags: ['contains', 'notContains', 'in', 'notIn', 'changed'],
  number: ['equals', 'notEquals', 'greaterThan', 'lessThan', 'in', 'notIn', 'changed', 'changedTo', 'changedFrom'],
  date: ['greaterThan', 'lessThan', 'changed'],
  boolean: ['equals', 'notEquals', 'changed', 'changedTo', 'changedFrom'],
};

interface FixedTargetSpec {
  readonly type: TargetType;
  /** Key in the ticket snapshot. */
  readonly key: string;
  /** Whether the value can be null or empty, which is what makes isEmpty/isNotEmpty meaningful. */
  readonly emptiable: boolean;
  readonly vocabulary?: readonly string[];
}

const FIXED_TARGETS = {
  status: { type: 'enum', key: 'status', emptiable: false, vocabulary: TicketStatus.options },
  intakeType: { type: 'id', key: 'intakeTypeId', emptiable: true },
  resolutionType: { type: 'id', key: 'resolutionTypeId', emptiable: true },
  channel: { type: 'enum', key: 'channel', emptiable: false, vocabulary: TicketChannel.options },
  priority: { type: 'enum', key: 'priority', emptiable: false, vocabulary: TicketPriority.options },
  group: { type: 'id', key: 'groupId', emptiable: true },
  assignee: { type: 'id', key: 'assigneeId', emptiable: true },
  subject: { type: 'string', key: 'subject', emptiable: true },
  content: { type: 'string', key: 'content', emptiable: true },
  tags: { type: 'tags', key: 'tags', emptiable: true },
  customerEmail: { type: 'string', key: 'customerEmail', emptiable: true },
  customerPhone: { type: 'string', key: 'customerPhone', emptiable: true },
  withinBusinessHours: { type: 'boolean', key: 'withinBusinessHours', emptiable: false },
  createdAt: { type: 'date', key: 'createdAt', emptiable: false },
  updatedAt: { type: 'date', key: 'updatedAt', emptiable: false },
} as const satisfies Record<string, FixedTargetSpec>;

/** Names of the built-in condition targets. */
export type FixedField = keyof typeof FIXED_TARGETS;
/** Names of the built-in condition targets, in catalogue order. */
export const FIXED_FIELDS = Object.keys(FIXED_TARGETS) as FixedField[];

/** Prefixes of per-service field targets and the snapshot record each reads. */
const CUSTOM_FIELD_SOURCES = { customerField: 'customerFields', agentField: 'agentFields' } as const;
/** Prefix of a per-service field target. */
export type CustomFieldPrefix = keyof typeof CUSTOM_FIELD_SOURCES;

/**
 * Field codes are restricted to identifier characters so they can sit inside a quoted JSONPath
 * segment without escaping.
 */
export const FIELD_CODE = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

/** Path of the intake type's ancestor chain, which `withinSubtree` reads instead of the id itself. */
export const INTAKE_TYPE_PATH = '$.intakeTypePath';

/** A row's field, split into a built-in target or a per-service field code. */
export type ParsedField =
  | { readonly kind: 'fixed'; readonly name: FixedField }
  | { readonly kind: 'custom'; readonly prefix: CustomFieldPrefix; readonly code: string };

/** Splits a row's `field`; undefined when it names no target (unknown name or malformed field code). */
export function parseField(field: string): ParsedField | undefined {
  if (Object.hasOwn(FIXED_TARGETS, field)) return { kind: 'fixed', name: field as FixedField };
  const colon = field.indexOf(':');
  if (colon < 0) return undefined;
  const prefix = field.slice(0, colon);
  const code = field.slice(colon + 1);
  if (!Object.hasOwn(CUSTOM_FIELD_SOURCES, prefix) || !FIELD_CODE.test(code)) return undefined;
  return { kind: 'custom', prefix: prefix as CustomFieldPrefix, code };
}

function operatorsFor(type: TargetType, emptiable: boolean, extra: readonly ConditionOperator[]): ConditionOperator[] {
  const operators = [...TYPE_OPERATORS[type], ...extra];
  if (emptiable) operators.push('isEmpty', 'isNotEmpty');
  return operators;
}

/**
 * Resolves a row's field. Per-service fields need the row's declared `valueType`; without it (or for an
 * unknown field) there is no target.
 */
export function conditionTarget(field: string, valueType?: CustomFieldValueType): ConditionTarget | undefined {
  const parsed = parseField(field);
  if (!parsed) return undefined;
  if (parsed.kind === 'custom') {
    if (!valueType) return undefined;
    return {
      field,
      type: valueType,
      path: `$.${CUSTOM_FIELD_SOURCES[parsed.prefix]}['${parsed.code}']`,
      operators: operatorsFor(valueType, true, []),
    };
  }
  const spec: FixedTargetSpec = FIXED_TARGETS[parsed.name];
  return {
    field,
    type: spec.type,
    path: `$.${spec.key}`,
    operators: operatorsFor(spec.type, spec.emptiable, parsed.name === 'intakeType' ? ['withinSubtree'] : []),
    ...(spec.vocabulary ? { vocabulary: spec.vocabulary } : {}),
  };
}

/** The snapshot path a row reads: the target's own path, except `withinSubtree`, which reads the ancestor chain. */
export function conditionPath(target: ConditionTarget, operator: ConditionOperator): string {
  return operator === 'withinSubtree' ? INTAKE_TYPE_PATH : target.path;
}

const SNAPSHOT_PATH = /^\$\.([A-Za-z]+)(?:\['([A-Za-z][A-Za-z0-9_]{0,63})'\])?$/;

/** Splits a stored snapshot path into property keys; undefined when it is outside the supported subset. */
export function pathKeys(path: string): readonly string[] | undefined {
  const match = SNAPSHOT_PATH.exec(path);
  if (!match) return undefined;
  return match[2] === undefined ? [match[1]] : [match[1], match[2]];
}

/** The row field a stored snapshot path belongs to; undefined for paths no target reads. */
export function fieldOfPath(path: string): string | undefined {
  if (path === INTAKE_TYPE_PATH) return 'intakeType';
  const keys = pathKeys(path);
  if (!keys) return undefined;
  if (keys.length === 1) return FIXED_FIELDS.find((name) => FIXED_TARGETS[name].key === keys[0]);
  const prefix = (Object.keys(CUSTOM_FIELD_SOURCES) as CustomFieldPrefix[]).find(
    (candidate) => CUSTOM_FIELD_SOURCES[candidate] === keys[0],
  );
  return prefix && `${prefix}:${keys[1]}`;
}
