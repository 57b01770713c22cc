/**
 * What a rules bench mix provides, and a description of a rule set's shape so the bench can show that a mix is
 * what its documentation says.
 */
import type { RuleProperties } from 'json-rules-engine';
import { conditionRows, type ConditionRow, type TicketFacts, type Trigger } from '../../../rules';
import { INDEXABLE_FIELDS } from '../../../rules/trigger-index';

/** A rule set of a given size and the ticket events it is evaluated against. */
export interface BenchMix {
  readonly name: string;
  build(size: number): { triggers: Trigger[]; definitions: RuleProperties[]; events: TicketFacts[] };
}

const TEXT_FIELDS = new Set(['subject', 'content']);

/** Whether the trigger index can file the trigger: a must-match `equals`, `in` or `withinSubtree` row on an indexed field. */
export function isIndexable(trigger: Trigger): boolean {
  return trigger.conditions.all.some(
    (row) => 'field' in row && INDEXABLE_FIELDS.has(row.field) && ['equals', 'in', 'withinSubtree'].includes(row.operator),
  );
}

const rowsOf = (trigger: Trigger): ConditionRow[] => conditionRows(trigger.conditions).map(({ row }) => row);

/** Shares of indexable and text-only triggers, mean rows per trigger, distinct keywords and distinct tickets. */
export function describeMix(triggers: readonly Trigger[], events: readonly TicketFacts[]) {
  const share = (count: number) => Math.round((count / triggers.length) * 1000) / 10;
  const rows = triggers.flatMap(rowsOf);
  const keywords = new Set(rows.filter((row) => TEXT_FIELDS.has(row.field)).map((row) => String(row.value).toLowerCase()));
  return {
    indexablePercent: share(triggers.filter(isIndexable).length),
    textOnlyPercent: share(triggers.filter((trigger) => rowsOf(trigger).every((row) => TEXT_FIELDS.has(row.field))).length),
    rowsPerTrigger: Math.round((rows.length / triggers.length) * 100) / 100,
    keywords: keywords.size,
    distinctTickets: new Set(events.map((facts) => facts.ticket.id)).size,
    distinctTexts: new Set(events.map((facts) => `${facts.ticket.subject}\n${facts.ticket.content}`)).size,
  };
}
