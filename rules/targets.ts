/**
 * The catalogue of condition targets: which ticket value a row's `field` names, its type, which
 * operators apply to it and where it lives in a ticket snapshot.
 *
 * Paths are the JSONPath subset json-rules-engine resolves (`$.key` or `$.key['code']`); the fast
 * evaluator parses the same strings, so both engines read exactly the same values.
 *
 * @module
 */
import type { ConditionOperator, CustomFieldValueType, ResultType } from './model';
import { TicketChannel, TicketPriority, TicketStatus } from '../domain/schemas';

/** Value types of condition targets, in catalogue order. */
export const TARGET_TYPES = ['enum', 'id', 'string', 'tags', 'number', 'date', 'boolean'] as const;
/** Value type of a condition target; it decides the operator whitelist and the accepted values. */
export type TargetType = (typeof TARGET_TYPES)[number];

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

/** A name in English and Korean, for the studio and the catalogue. */
export interface TargetLabel {
  readonly en: string;
  readonly ko: string;
}

interface FixedTargetSpec {
  readonly type: TargetType;
  /** Key in the ticket snapshot. */
  readonly key: string;
  /** Whether the value can be null or empty, which is what makes isEmpty/isNotEmpty meaningful. */
  readonly emptiable: boolean;
  readonly vocabulary?: readonly string[];
  readonly label: TargetLabel;
  readonly description: string;
  /** The field of a ticket (`GET /tickets/{id}`) holding the value, or null when the value is not stored on the ticket. */
  readonly ticketField: string | null;
  /**
   * Whether an update can find the value changed: only the ticket's commands and results change a field, and the
   * ticket before an update differs from the ticket after it only there (`previousSnapshot` in store/ticket-snapshot).
   */
  readonly changeCapable: boolean;
  /** Trigger results that set the value. */
  readonly setBy: readonly ResultType[];
}

const FIXED_TARGETS = {
  status: {
    type: 'enum',
    key: 'status',
    emptiable: false,
    vocabulary: TicketStatus.options,
    label: { en: 'Status', ko: '상태' },
    description: 'The ticket status; an assignment moves an unassigned ticket to in_progress.',
    ticketField: 'status',
    changeCapable: true,
    setBy: ['assign', 'forwardToGroup'],
  },
  intakeType: {
    type: 'id',
    key: 'intakeTypeId',
    emptiable: true,
    label: { en: 'Intake type', ko: '접수유형' },
    description: 'The intake type (category) id; withinSubtree also matches its descendants.',
    ticketField: 'intakeTypeId',
    changeCapable: true,
    setBy: ['setIntakeType'],
  },
  resolutionType: {
    type: 'id',
    key: 'resolutionTypeId',
    emptiable: true,
    label: { en: 'Resolution type', ko: '처리유형' },
    description: 'The resolution type (category) id given when the ticket was resolved.',
    ticketField: 'resolutionTypeId',
    changeCapable: true,
    setBy: [],
  },
  channel: {
    type: 'enum',
    key: 'channel',
    emptiable: false,
    vocabulary: TicketChannel.options,
    label: { en: 'Channel', ko: '채널' },
    description: 'How the inquiry arrived; set when the ticket is created.',
    ticketField: 'channel',
    changeCapable: false,
    setBy: [],
  },
  priority: {
    type: 'enum',
    key: 'priority',
    emptiable: false,
    vocabulary: TicketPriority.options,
    label: { en: 'Priority', ko: '우선순위' },
    description: 'The ticket priority.',
    ticketField: 'priority',
    changeCapable: true,
    setBy: ['setPriority'],
  },
  group: {
    type: 'id',
    key: 'groupId',
    emptiable: true,
    label: { en: 'Group', ko: '그룹' },
    description: 'The id of the group the ticket is with; empty before the first assignment.',
    ticketField: 'groupId',
    changeCapable: true,
    setBy: ['assign', 'forwardToGroup'],
  },
  assignee: {
    type: 'id',
    key: 'assigneeId',
    emptiable: true,
    label: { en: 'Assignee', ko: '담당자' },
    description: 'The id of the agent the ticket is assigned to; empty while unassigned.',
    ticketField: 'assigneeId',
    changeCapable: true,
    setBy: ['assign', 'forwardToGroup'],
  },
  subject: {
    type: 'string',
    key: 'subject',
    emptiable: true,
    label: { en: 'Subject', ko: '제목' },
    description: 'The ticket subject as the customer wrote it.',
    ticketField: 'subject',
    changeCapable: false,
    setBy: [],
  },
  content: {
    type: 'string',
    key: 'content',
    emptiable: true,
    label: { en: 'Content', ko: '내용' },
    description: 'The inquiry text as the customer wrote it.',
    ticketField: 'content',
    changeCapable: false,
    setBy: [],
  },
  tags: {
    type: 'tags',
    key: 'tags',
    emptiable: true,
    label: { en: 'Tags', ko: '태그' },
    description: 'The ticket tags; contains and in match single tags.',
    ticketField: 'tags',
    changeCapable: true,
    setBy: ['addTags', 'removeTags'],
  },
  customerEmail: {
    type: 'string',
    key: 'customerEmail',
    emptiable: true,
    label: { en: 'Customer email', ko: '고객 이메일' },
    description: "The customer's email address, if known.",
    ticketField: 'customer.email',
    changeCapable: false,
    setBy: [],
  },
  customerPhone: {
    type: 'string',
    key: 'customerPhone',
    emptiable: true,
    label: { en: 'Customer phone', ko: '고객 전화번호' },
    description: "The customer's phone number, if known.",
    ticketField: 'customer.phone',
    changeCapable: false,
    setBy: [],
  },
  withinBusinessHours: {
    type: 'boolean',
    key: 'withinBusinessHours',
    emptiable: false,
    label: { en: 'Within business hours', ko: '업무시간 내' },
    description: "Whether the event happens within the service's business hours (true when it has none).",
    ticketField: null,
    changeCapable: false,
    setBy: [],
  },
  createdAt: {
    type: 'date',
    key: 'createdAt',
    emptiable: false,
    label: { en: 'Created at', ko: '접수일시' },
    description: 'When the ticket was created (ISO 8601 date-time with offset).',
    ticketField: 'createdAt',
    changeCapable: false,
    setBy: [],
  },
  updatedAt: {
    type: 'date',
    key: 'updatedAt',
    emptiable: false,
    label: { en: 'Updated at', ko: '변경일시' },
    description: 'When the ticket last changed (ISO 8601 date-time with offset).',
    ticketField: 'updatedAt',
    changeCapable: false,
    setBy: [],
  },
} as const satisfies Record<string, FixedTargetSpec>;

/** Names of the built-in condition targets. */
export type FixedField = keyof typeof FIXED_TARGETS;
/** Names of the built-in condition targets, in catalogue order. */
export const FIXED_FIELDS = Object.keys(FIXED_TARGETS) as FixedField[];

/**
 * The ticket's own field names accepted for the condition names that differ from them (`intakeTypeId` for
 * `intakeType`). A trigger is stored and answered with the condition name: published versions hold those names
 * (as snapshot paths), so the two spellings compile to the same stored rule.
 */
export const FIELD_ALIASES: Readonly<Record<string, FixedField>> = Object.fromEntries(
  FIXED_FIELDS.flatMap((name) => {
    const ticketField: string | null = FIXED_TARGETS[name].ticketField;
    return ticketField && ticketField !== name && !ticketField.includes('.') ? [[ticketField, name]] : [];
  }),
);

/** The condition name a row's field stands for: an alias becomes its catalogue name, anything else is left as it is. */
export function canonicalField(field: string): string {
  return Object.hasOwn(FIELD_ALIASES, field) ? FIELD_ALIASES[field] : field;
}

/** Prefixes of per-service field targets and the snapshot record each reads. */
const CUSTOM_FIELD_SOURCES = { customerField: 'customerFields', agentField: 'agentFields' } as const;
/** Prefix of a per-service field target. */
export type CustomFieldPrefix = keyof typeof CUSTOM_FIELD_SOURCES;
/** The prefixes of per-service field targets, in catalogue order. */
export const CUSTOM_FIELD_PREFIXES = Object.keys(CUSTOM_FIELD_SOURCES) as CustomFieldPrefix[];

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

/** `preferred` operators come first: the studio offers the first operator of a field by default. */
function operatorsFor(type: TargetType, emptiable: boolean, preferred: readonly ConditionOperator[]): ConditionOperator[] {
  const operators = [...preferred, ...TYPE_OPERATORS[type]];
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
    // Tickets carry the deepest intake type (결제 › 카드결제): "is within" is what an admin picking 결제 means.
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

/** Declared types a per-service field row may give in `valueType`, in catalogue order. */
export const CUSTOM_FIELD_VALUE_TYPES = ['string', 'number', 'boolean', 'date'] as const satisfies readonly CustomFieldValueType[];

const CUSTOM_FIELDS: Readonly<Record<CustomFieldPrefix, { label: TargetLabel; description: string }>> = {
  customerField: {
    label: { en: 'Customer field', ko: '고객 필드' },
    description: "A customer field of the service, by its code (customerField:<code>); the row's valueType says how to compare it.",
  },
  agentField: {
    label: { en: 'Agent field', ko: '상담원 필드' },
    description: "An agent-entered ticket field of the service, by its code (agentField:<code>); the row's valueType says how to compare it.",
  },
};

/** The pattern a per-service field row's `field` matches, e.g. `customerField:vip`. */
export function customFieldPattern(prefix: CustomFieldPrefix): string {
  return `^${prefix}:${FIELD_CODE.source.slice(1)}`;
}

/** Every name a row's `field` may take: the built-in names, then the per-service patterns as `<prefix>:<code>`. */
export const CONDITION_FIELD_NAMES: readonly string[] = [
  ...FIXED_FIELDS,
  ...(Object.keys(CUSTOM_FIELD_SOURCES) as CustomFieldPrefix[]).map((prefix) => `${prefix}:<code>`),
];

/** One built-in condition field as the catalogue publishes it. */
export interface FixedFieldEntry {
  readonly name: FixedField;
  readonly type: TargetType;
  readonly label: TargetLabel;
  readonly description: string;
  /** The ticket's field (`GET /tickets/{id}`) the value comes from; null when it is not stored on the ticket. */
  readonly ticketField: string | null;
  /** Other names a row may use for this field (the ticket's own name); a trigger is answered with `name`. */
  readonly aliases: string[];
  readonly operators: ConditionOperator[];
  /** Whether an `updated` event can see the value changed, so that change operators can hold. */
  readonly changeCapable: boolean;
  /** Trigger results that set the value. */
  readonly setBy: ResultType[];
  /** The values an `enum` field takes; null for other types. */
  readonly vocabulary: string[] | null;
}

/** One per-service field prefix as the catalogue publishes it. */
export interface CustomFieldEntry {
  readonly prefix: CustomFieldPrefix;
  /** The pattern a row's `field` matches. */
  readonly pattern: string;
  readonly label: TargetLabel;
  readonly description: string;
  /** The ticket snapshot record the value is read from. */
  readonly ticketField: string;
  /** Operators by the row's declared `valueType`. */
  readonly operators: Record<CustomFieldValueType, ConditionOperator[]>;
}

/** The built-in condition fields, in catalogue order, with everything a rule author needs to know about each. */
export function fixedFieldEntries(): FixedFieldEntry[] {
  return FIXED_FIELDS.map((name) => {
    const spec: FixedTargetSpec = FIXED_TARGETS[name];
    const target = conditionTarget(name) as ConditionTarget;
    return {
      name,
      type: spec.type,
      label: spec.label,
      description: spec.description,
      ticketField: spec.ticketField,
      aliases: Object.keys(FIELD_ALIASES).filter((alias) => FIELD_ALIASES[alias] === name),
      operators: [...target.operators],
      changeCapable: spec.changeCapable,
      setBy: [...spec.setBy],
      vocabulary: spec.vocabulary ? [...spec.vocabulary] : null,
    };
  });
}

/** The per-service field prefixes with their patterns and the operators of each declared value type. */
export function customFieldEntries(): CustomFieldEntry[] {
  return (Object.keys(CUSTOM_FIELD_SOURCES) as CustomFieldPrefix[]).map((prefix) => ({
    prefix,
    pattern: customFieldPattern(prefix),
    ...CUSTOM_FIELDS[prefix],
    ticketField: CUSTOM_FIELD_SOURCES[prefix],
    operators: Object.fromEntries(
      CUSTOM_FIELD_VALUE_TYPES.map((valueType) => [valueType, operatorsFor(valueType, true, [])]),
    ) as Record<CustomFieldValueType, ConditionOperator[]>,
  }));
}

/** How a condition row's `value` looks for an operator. */
export type OperatorValue = 'single' | 'list' | 'none';

/** One comparison operator as the catalogue publishes it. */
export interface OperatorEntry {
  readonly name: ConditionOperator;
  readonly label: TargetLabel;
  readonly description: string;
  readonly value: OperatorValue;
  /** Whether the operator compares the ticket before an update with the ticket after it (`updated` events only). */
  readonly comparesPrevious: boolean;
}

const OPERATORS: Readonly<Record<ConditionOperator, { label: TargetLabel; description: string }>> = {
  equals: { label: { en: 'is', ko: '같음' }, description: 'The value equals the constant.' },
  notEquals: { label: { en: 'is not', ko: '같지 않음' }, description: 'The value differs from the constant.' },
  contains: {
    label: { en: 'contains', ko: '포함' },
    description: 'Text: contains the constant (case-insensitive). Tags: has the tag.',
  },
  notContains: {
    label: { en: 'does not contain', ko: '포함하지 않음' },
    description: 'Text: does not contain the constant (case-insensitive). Tags: lacks the tag.',
  },
  startsWith: { label: { en: 'starts with', ko: '시작' }, description: 'The text starts with the constant (case-insensitive).' },
  in: { label: { en: 'is one of', ko: '중 하나' }, description: 'The value (for tags: any tag) is one of the listed constants.' },
  notIn: {
    label: { en: 'is none of', ko: '중 어느 것도 아님' },
    description: 'The value (for tags: every tag) is none of the listed constants.',
  },
  greaterThan: { label: { en: 'greater / later than', ko: '초과 (이후)' }, description: 'The number is greater, or the date later.' },
  lessThan: { label: { en: 'less / earlier than', ko: '미만 (이전)' }, description: 'The number is smaller, or the date earlier.' },
  isEmpty: { label: { en: 'is empty', ko: '비어 있음' }, description: 'The value is absent, null, empty text or no tags.' },
  isNotEmpty: { label: { en: 'is not empty', ko: '비어 있지 않음' }, description: 'The value is present and not empty.' },
  withinSubtree: {
    label: { en: 'is within', ko: '하위 포함' },
    description: 'The intake type is the given one or one of its descendants.',
  },
  changed: { label: { en: 'changed', ko: '변경됨' }, description: 'The value differs from the ticket before the update.' },
  changedTo: {
    label: { en: 'changed to', ko: '(으)로 변경됨' },
    description: 'The value changed in this update and is now the constant.',
  },
  changedFrom: {
    label: { en: 'changed from', ko: '에서 변경됨' },
    description: 'The value changed in this update and was the constant before.',
  },
};

/** Every comparison operator, with how its value looks and whether it needs the ticket before an update. */
export function operatorEntries(): OperatorEntry[] {
  return (Object.keys(OPERATORS) as ConditionOperator[]).map((name) => ({
    name,
    ...OPERATORS[name],
    value: VALUELESS_OPERATORS.has(name) ? 'none' : LIST_OPERATORS.has(name) ? 'list' : 'single',
    comparesPrevious: CHANGE_OPERATORS.has(name),
  }));
}
