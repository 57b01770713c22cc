/**
 * Condition rows: a new row, what a row's field accepts (from the targets catalogue of rules/targets.ts), how a
 * row is kept valid while its field or operator changes, and how it reads on the canvas.
 */
// The zod-only targets catalogue, not rules/index: the index also exports the json-rules-engine evaluator.
import {
  CHANGE_OPERATORS,
  CUSTOM_FIELD_PREFIXES,
  FIXED_FIELDS,
  LIST_OPERATORS,
  VALUELESS_OPERATORS,
  conditionTarget,
  parseField,
  type ConditionTarget,
  type CustomFieldPrefix,
  type FixedField,
} from '../../../../../rules/targets';
import type { RuleLookups } from '../../context';
import { isMessageKey, type I18n, type Translate } from '../../../i18n';

/** What reading a value needs: words, and dates in the admin's language. */
export type Reader = Pick<I18n, 't' | 'formatDateTime'>;
import type { ConditionGroup, ConditionNodeData, ConditionOperator, ConditionRow, ConditionValue, CustomFieldValueType } from './types';

export const defaultConditionData = (group: ConditionGroup): ConditionNodeData => ({
  group,
  row: { field: 'priority', operator: 'equals', value: 'urgent' },
});

export { FIXED_FIELDS, CHANGE_OPERATORS, LIST_OPERATORS, VALUELESS_OPERATORS };
export type { FixedField };

/** The short sign of each operator, shown before its words in the operator picker. */
export const OPERATOR_SYMBOLS: Record<ConditionOperator, string> = {
  equals: '=',
  notEquals: '≠',
  contains: '∋',
  notContains: '∌',
  startsWith: '^=',
  in: '∈',
  notIn: '∉',
  greaterThan: '>',
  lessThan: '<',
  isEmpty: '∅',
  isNotEmpty: '≠∅',
  withinSubtree: '⊂',
  changed: 'Δ',
  changedTo: '→',
  changedFrom: '←',
};

/** Per-service field prefixes a row may name (`customerField:<code>`). */
export const CUSTOM_PREFIXES = CUSTOM_FIELD_PREFIXES;
export type CustomPrefix = CustomFieldPrefix;
export const VALUE_TYPES: CustomFieldValueType[] = ['string', 'number', 'boolean', 'date'];

/** The prefix of a per-service field, even one whose code is still being typed. */
export function customPrefixOf(field: string): CustomPrefix | undefined {
  return CUSTOM_PREFIXES.find((prefix) => field.startsWith(`${prefix}:`));
}

/**
 * The row's target. A per-service field whose code is not yet valid still gets the target of its declared type,
 * so the operator and value pickers keep working while the admin types the code.
 */
export function targetOf(row: ConditionRow): ConditionTarget | undefined {
  const target = conditionTarget(row.field, row.valueType);
  if (target) return target;
  const prefix = customPrefixOf(row.field);
  return prefix ? conditionTarget(`${prefix}:code`, row.valueType ?? 'string') : undefined;
}

export function fieldLabel(field: string, t: Translate): string {
  const parsed = parseField(field);
  if (parsed?.kind === 'fixed') return t(`rules.field.${parsed.name}`);
  const prefix = customPrefixOf(field);
  if (prefix) return t('rules.condition.customField', { field: t(`rules.customField.${prefix}`), code: field.slice(prefix.length + 1) });
  return field;
}

/** Where the words of each closed vocabulary (status, channel, priority) live in the catalogue. */
const ENUM_KEY_PREFIXES: Record<string, string> = { status: 'status', channel: 'ticket.channel', priority: 'ticket.priority' };

/** The word for a closed-vocabulary value (status, channel, priority), if the field has one. */
export function enumLabel(field: string, value: string, t: Translate): string | undefined {
  const prefix = ENUM_KEY_PREFIXES[field];
  const key = prefix && `${prefix}.${value}`;
  return key && isMessageKey(key) ? t(key) : undefined;
}

function scalarDefault(target: ConditionTarget): string | number | boolean {
  switch (target.type) {
    case 'enum':
      return target.vocabulary?.[0] ?? '';
    case 'number':
      return 0;
    case 'boolean':
      return true;
    default:
      return '';
  }
}

function fitsScalar(target: ConditionTarget, value: unknown): boolean {
  switch (target.type) {
    case 'enum':
      return typeof value === 'string' && (target.vocabulary ?? []).includes(value);
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    default:
      return typeof value === 'string';
  }
}

/** A value the operator accepts on the target, keeping as much of the current one as still fits. */
export function fitValue(target: ConditionTarget, operator: ConditionOperator, value: ConditionValue | undefined): ConditionValue | undefined {
  if (VALUELESS_OPERATORS.has(operator)) return undefined;
  if (LIST_OPERATORS.has(operator)) {
    const items = (Array.isArray(value) ? value : value === undefined || value === '' ? [] : [value]).filter((item) => fitsScalar(target, item));
    return items as string[] | number[];
  }
  const scalar = Array.isArray(value) ? value[0] : value;
  return fitsScalar(target, scalar) ? (scalar as string | number | boolean) : scalarDefault(target);
}

/** The row after a change of field, value type or operator: operator and value are kept only where they still apply. */
export function fitRow(row: ConditionRow): ConditionRow {
  const target = targetOf(row);
  if (!target) return row;
  const operator = target.operators.includes(row.operator) ? row.operator : target.operators[0];
  const value = fitValue(target, operator, row.value);
  const isCustom = customPrefixOf(row.field) !== undefined;
  return {
    field: row.field,
    operator,
    ...(value === undefined ? {} : { value }),
    ...(isCustom ? { valueType: row.valueType ?? 'string' } : {}),
  };
}

/** `2024-05-01T09:00:00+09:00` → `2024-05-01T09:00` for a datetime-local input, in the browser's time zone. */
export function isoToLocalInput(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  const local = new Date(at.getTime() - at.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** A datetime-local value → ISO 8601 with the browser's offset, which is what date rows accept. */
export function localInputToIso(local: string): string {
  const at = new Date(local);
  if (!local || Number.isNaN(at.getTime())) return '';
  const offset = -at.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const pad = (value: number) => String(Math.floor(Math.abs(value))).padStart(2, '0');
  return `${local.length === 16 ? `${local}:00` : local}${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}

/** One value as an admin reads it: names for ids, labels for vocabularies. */
export function valueText(row: ConditionRow, value: string | number | boolean, lookups: RuleLookups, { t, formatDateTime }: Reader): string {
  if (typeof value === 'boolean') return value ? t('rules.condition.yes') : t('rules.condition.no');
  if (typeof value === 'number') return String(value);
  if (value === '') return '…';
  switch (row.field) {
    case 'intakeType':
    case 'resolutionType':
      return lookups.categoryName(value);
    case 'group':
      return lookups.groupName(value);
    case 'assignee':
      return lookups.agentName(value);
  }
  const label = enumLabel(row.field, value, t);
  if (label) return label;
  if (targetOf(row)?.type === 'date') {
    const at = new Date(value);
    return Number.isNaN(at.getTime()) ? value : formatDateTime(value);
  }
  return `“${value}”`;
}

/** The row's value as one line, or '' for operators without one. */
export function rowValueText(row: ConditionRow, lookups: RuleLookups, reader: Reader): string {
  if (row.value === undefined) return '';
  if (Array.isArray(row.value)) return row.value.length ? row.value.map((item) => valueText(row, item, lookups, reader)).join(', ') : '…';
  return valueText(row, row.value, lookups, reader);
}


/** A value a condition read in a simulation: as the row's own values read, `—` when absent, `before → after` for a change. */
export function seenText(field: string, value: unknown, lookups: RuleLookups, reader: Reader): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.length ? value.map((item) => seenText(field, item, lookups, reader)).join(', ') : '[ ]';
  if (typeof value === 'object') {
    const change = value as { before?: unknown; after?: unknown };
    if ('before' in change || 'after' in change) return `${seenText(field, change.before, lookups, reader)} → ${seenText(field, change.after, lookups, reader)}`;
    return JSON.stringify(value);
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return valueText({ field, operator: 'equals' }, value, lookups, reader);
  }
  return String(value);
}
