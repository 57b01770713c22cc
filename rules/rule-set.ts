/**
 * A rule-set version loaded for evaluation: stored rules validated, ordered by position and split by
 * the event they listen to. Both evaluators load rules through here, so they agree on which triggers
 * take part and in which order.
 *
 * @module
 */
import type { RuleProperties } from 'json-rules-engine';
import { readRule, type ReadRule } from './compile';
import type { TicketEventType } from '../domain/ticket';

/** A validated stored rule. */
export interface LoadedRule extends ReadRule {
  /** The stored definition, exactly as given. */
  readonly definition: RuleProperties;
}

/** Enabled rules per event, in evaluation order. */
export type LoadedRuleSet = Readonly<Record<TicketEventType, readonly LoadedRule[]>>;

/**
 * Loads stored rules. Order is position, then id, so that a tie (two triggers saved with the same
 * position) still evaluates the same way on every worker. Throws on invalid rules and duplicate ids.
 */
export function loadRuleSet(definitions: readonly RuleProperties[]): LoadedRuleSet {
  const seen = new Set<string>();
  const loaded = definitions.map((definition) => {
    const read = readRule(definition);
    if (seen.has(read.trigger.id)) throw new Error(`duplicate trigger id "${read.trigger.id}" in rule set`);
    seen.add(read.trigger.id);
    // Evaluations hand out these objects (results, expected values) to every caller; freezing them keeps
    // one caller's mutation from changing what the next evaluation returns.
    return { ...deepFreeze(read), definition };
  });
  loaded.sort(
    (left, right) =>
      left.trigger.position - right.trigger.position ||
      (left.trigger.id < right.trigger.id ? -1 : left.trigger.id > right.trigger.id ? 1 : 0),
  );
  const listening = (event: TicketEventType) =>
    loaded.filter((rule) => rule.trigger.enabled && rule.trigger.events.includes(event));
  return { created: listening('created'), updated: listening('updated') };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}
