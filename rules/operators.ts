/**
 * Condition operators as plain functions of (actual, expected). json-rules-engine gets them through
 * `addOperator` and the fast evaluator calls them directly, so both engines share one definition of
 * what every operator means.
 *
 * Every function is total: a value of an unexpected type makes the comparison false instead of throwing,
 * because a ticket's per-service field may hold a value of another type than a rule assumed.
 *
 * @module
 */
import type { Engine } from 'json-rules-engine';
import type { ConditionOperator } from './model';

/** Compares a ticket value with a condition's constant. */
export type OperatorFn = (actual: unknown, expected: unknown) => boolean;

/** What the change operators receive: the value before and after an update, or null when there is no before. */
export interface Change {
  readonly before: unknown;
  readonly after: unknown;
}

function isChange(value: unknown): value is Change {
  return typeof value === 'object' && value !== null && 'before' in value && 'after' in value;
}

/** Equality that treats lists (tags) as sets, so reordering tags is not a change. */
function sameValue(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (!Array.isArray(left) || !Array.isArray(right) || left.length !== right.length) return false;
  return left.every((item) => right.includes(item)) && right.every((item) => left.includes(item));
}

const equals: OperatorFn = (actual, expected) => actual === expected;

/**
 * Memoises a string function. An operator is called once per row, so the same subject, date or keyword
 * comes back for every trigger of an evaluation; the cache is dropped when full so memory stays bounded
 * whatever the tickets contain. For text only json-rules-engine goes through it: the fast evaluator
 * folds each text once per evaluation instead (see {@link prepareText}).
 */
function memoised<T>(derive: (text: string) => T, capacity: number): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let derived = cache.get(text);
    if (derived === undefined) {
      if (cache.size >= capacity) cache.clear();
      derived = derive(text);
      cache.set(text, derived);
    }
    return derived;
  };
}

/**
 * The form in which text conditions compare text: composed (NFC), so a keyword matches whether the
 * customer's software sent Hangul or accents composed or decomposed, then lower-cased by the Unicode
 * default mapping, the same whatever the server's locale (`İ` becomes `i̇`, `ß` stays `ß`).
 */
export function foldCase(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

/** A value as text operators consume it: a string case-folded, anything else (tags, absent values) as is. */
export function prepareText(value: unknown): unknown {
  return typeof value === 'string' ? foldCase(value) : value;
}

/**
 * `contains` on prepared values. Text matching ignores case because admins type keywords the way they
 * think of them, not as customers wrote them; a tag, though, is present or not, exactly.
 */
export function containsPrepared(prepared: unknown, expected: unknown, preparedExpected: unknown): boolean {
  if (Array.isArray(prepared)) return prepared.includes(expected);
  return typeof prepared === 'string' && typeof preparedExpected === 'string' && prepared.includes(preparedExpected);
}

/** `startsWith` on prepared values. */
export function startsWithPrepared(prepared: unknown, preparedExpected: unknown): boolean {
  return typeof prepared === 'string' && typeof preparedExpected === 'string' && prepared.startsWith(preparedExpected);
}

const foldedMemo = memoised(foldCase, 1024);
const prepareTextOnce = (value: unknown): unknown => (typeof value === 'string' ? foldedMemo(value) : value);
const instant = memoised((text) => Date.parse(text), 1024);

const contains: OperatorFn = (actual, expected) =>
  containsPrepared(prepareTextOnce(actual), expected, prepareTextOnce(expected));

const startsWith: OperatorFn = (actual, expected) =>
  startsWithPrepared(prepareTextOnce(actual), prepareTextOnce(expected));

/** For a list value (tags) `in` means "has any of"; for a scalar, "is one of". */
const isIn: OperatorFn = (actual, expected) => {
  if (!Array.isArray(expected)) return false;
  if (Array.isArray(actual)) return actual.some((item) => expected.includes(item));
  return expected.includes(actual);
};

/** Orders two numbers, or two ISO date-times by instant; undefined when they are not comparable. */
function compare(actual: unknown, expected: unknown): number | undefined {
  if (typeof actual === 'number' && typeof expected === 'number') return actual - expected;
  if (typeof actual === 'string' && typeof expected === 'string') {
    const difference = instant(actual) - instant(expected);
    return Number.isNaN(difference) ? undefined : difference;
  }
  return undefined;
}

function isEmpty(actual: unknown): boolean {
  return (
    actual === null || actual === undefined || actual === '' || (Array.isArray(actual) && actual.length === 0)
  );
}

const changed: OperatorFn = (actual) => isChange(actual) && !sameValue(actual.before, actual.after);

/** The operator functions, keyed by the operator names stored in rules. */
export const OPERATORS: Readonly<Record<ConditionOperator, OperatorFn>> = {
  equals,
  notEquals: (actual, expected) => !equals(actual, expected),
  contains,
  notContains: (actual, expected) => !contains(actual, expected),
  startsWith,
  in: isIn,
  notIn: (actual, expected) => !isIn(actual, expected),
  greaterThan: (actual, expected) => (compare(actual, expected) ?? 0) > 0,
  lessThan: (actual, expected) => (compare(actual, expected) ?? 0) < 0,
  isEmpty,
  isNotEmpty: (actual) => !isEmpty(actual),
  // The ticket's ancestor chain includes its own intake type, so "within" includes the node itself.
  withinSubtree: (actual, expected) => Array.isArray(actual) && actual.includes(expected),
  changed,
  changedTo: (actual, expected) => isChange(actual) && actual.after === expected && actual.before !== expected,
  changedFrom: (actual, expected) => isChange(actual) && actual.before === expected && actual.after !== expected,
};

/**
 * Registers the operators on a json-rules-engine Engine. Our names replace the engine's built-ins of the
 * same name (`in`, `contains`, …), whose meanings differ.
 */
export function registerOperators(engine: Engine): void {
  for (const [name, evaluate] of Object.entries(OPERATORS)) {
    engine.addOperator(name, evaluate);
  }
}
