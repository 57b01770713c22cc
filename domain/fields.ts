/**
 * Fields (필드 관리): the customer fields an intake type asks for, the agent fields agents fill in, the system
 * fields every ticket has, and how a value is checked against a field's control type.
 *
 * Plain lists, types and functions only, no zod, so that workflow code may import this module.
 *
 * @module
 */

/** A customer or agent field's value: text, a dropdown option code or a `YYYY-MM-DD` date, a number, a checkbox. */
export type FieldValue = string | number | boolean;

/** Who fills a field in: the customer (per intake type) or an agent. */
export const FIELD_SCOPES = ['customer', 'agent'] as const;
/** Who fills a field in. */
export type FieldScope = (typeof FIELD_SCOPES)[number];

/** How a field is entered, and so what its value is. */
export const FIELD_CONTROLS = ['text', 'textarea', 'checkbox', 'dropdown', 'date', 'number'] as const;
/** How a field is entered. */
export type FieldControl = (typeof FIELD_CONTROLS)[number];

/** Who may fill in an agent field. */
export const FIELD_EDITORS = ['admin', 'all'] as const;
/** Who may fill in an agent field. */
export type FieldEditor = (typeof FIELD_EDITORS)[number];

/** The fixed fields of every ticket (always required; they cannot be deleted or renamed). */
export const SYSTEM_FIELDS = ['intakeType', 'email', 'subject', 'content', 'privacyConsent'] as const;

/** A field code: a letter, then letters, digits or underscores (the same codes trigger conditions name). */
export const FIELD_CODE_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

/** Longest text value; a textarea takes more. */
const MAX_TEXT = 500;
const MAX_TEXTAREA = 10_000;

/** What a value is checked against. */
export interface FieldRule {
  code: string;
  control: FieldControl;
  /** Dropdown option codes. */
  optionCodes: string[];
}

/** Why a value does not fit its field, for people; null when it fits. */
export function fieldValueProblem(field: FieldRule, value: FieldValue): string | null {
  switch (field.control) {
    case 'text':
    case 'textarea': {
      const max = field.control === 'text' ? MAX_TEXT : MAX_TEXTAREA;
      if (typeof value !== 'string') return 'expects text';
      if (value.length > max) return `takes at most ${max} characters`;
      if (field.control === 'text' && /[\r\n]/.test(value)) return 'takes one line (use a textarea field for more)';
      return null;
    }
    case 'checkbox':
      return typeof value === 'boolean' ? null : 'expects true or false';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'expects a number';
    case 'date':
      return typeof value === 'string' && isCalendarDate(value) ? null : 'expects a date as YYYY-MM-DD';
    case 'dropdown':
      if (typeof value !== 'string') return 'expects an option code';
      return field.optionCodes.includes(value) ? null : `expects one of ${field.optionCodes.join(', ')}`;
  }
}

function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/**
 * How a value of an encrypted (PII) field is held outside the API: the keyring's sealed text behind this prefix, so
 * the ticket workflow, its history and the database only ever see ciphertext. Plain values may not start with it.
 */
export const SEALED_VALUE_PREFIX = 'enc:v1:';

/** Whether a field value is a sealed PII value. */
export const isSealedValue = (value: unknown): value is string => typeof value === 'string' && value.startsWith(SEALED_VALUE_PREFIX);

/** A record of field values without the sealed ones: what triggers and substitution codes may see. */
export function withoutSealedValues<V>(values: Record<string, V>): Record<string, V> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => !isSealedValue(value)));
}
