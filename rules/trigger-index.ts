/**
 * Candidate selection for the fast evaluator. A trigger with a must-match row that only holds for
 * certain values of an enum-like ticket value (`equals`, `in`, or `withinSubtree` on the intake type's
 * ancestor chain) is filed under those values; for a ticket, only the triggers filed under the ticket's
 * own values, plus the triggers that could not be filed, can fire.
 *
 * @module
 */

/** Fields whose ticket value is one scalar drawn from a small set, which is what makes a hash lookup exact. */
export const INDEXABLE_FIELDS: ReadonlySet<string> = new Set([
  'status',
  'channel',
  'priority',
  'intakeType',
  'resolutionType',
  'group',
  'assignee',
  'withinBusinessHours',
]);

/** A must-match row a trigger could be filed under. */
export interface IndexableRow {
  /** Slot of the ticket value the row reads. */
  readonly slot: number;
  /** The row holds only if the ticket value is one of these (or, for a list, contains one of these). */
  readonly values: readonly unknown[];
  /** Whether the ticket value is a list, such as the intake type's ancestor chain. */
  readonly list: boolean;
}

/** Selects candidate triggers for a ticket. */
export interface TriggerIndex {
  /** Ordinals of the triggers that may fire, ascending, each once; `read` returns the ticket value in a slot. */
  candidates(read: (slot: number) => unknown): number[];
}

interface SlotBuckets {
  readonly slot: number;
  readonly list: boolean;
  readonly buckets: Map<unknown, number[]>;
}

/**
 * Builds the index. `rowsByTrigger[ordinal]` lists a trigger's indexable rows; each trigger is filed
 * under one row only, the one expected to match the fewest tickets: fewest values relative to how many
 * distinct values the rule set uses in that slot.
 */
export function buildTriggerIndex(rowsByTrigger: readonly (readonly IndexableRow[])[]): TriggerIndex {
  const distinct = new Map<number, Set<unknown>>();
  for (const rows of rowsByTrigger) {
    for (const row of rows) {
      const seen = distinct.get(row.slot) ?? new Set<unknown>();
      row.values.forEach((value) => seen.add(value));
      distinct.set(row.slot, seen);
    }
  }
  const selectivity = (row: IndexableRow) => row.values.length / (distinct.get(row.slot)?.size ?? 1);

  const unfiled: number[] = [];
  const bySlot = new Map<number, SlotBuckets>();
  rowsByTrigger.forEach((rows, ordinal) => {
    const chosen = rows.reduce<IndexableRow | undefined>(
      (best, row) => (best === undefined || selectivity(row) < selectivity(best) ? row : best),
      undefined,
    );
    if (!chosen) {
      unfiled.push(ordinal);
      return;
    }
    const slot: SlotBuckets = bySlot.get(chosen.slot) ?? { slot: chosen.slot, list: chosen.list, buckets: new Map() };
    bySlot.set(chosen.slot, slot);
    for (const value of new Set(chosen.values)) {
      const bucket = slot.buckets.get(value);
      if (bucket) bucket.push(ordinal);
      else slot.buckets.set(value, [ordinal]);
    }
  });
  const slots = [...bySlot.values()];

  return {
    candidates(read) {
      if (slots.length === 0) return unfiled.slice();
      const found = unfiled.slice();
      const collect = (key: unknown, buckets: Map<unknown, number[]>) => {
        const bucket = buckets.get(key);
        if (bucket) for (const ordinal of bucket) found.push(ordinal);
      };
      for (const { slot, list, buckets } of slots) {
        const value = read(slot);
        if (!list) collect(value, buckets);
        else if (Array.isArray(value)) for (const item of value) collect(item, buckets);
      }
      found.sort((left, right) => left - right);
      // A list value with a repeated item (a malformed ancestor chain) would otherwise yield a trigger twice.
      let kept = 0;
      for (const ordinal of found) if (kept === 0 || found[kept - 1] !== ordinal) found[kept++] = ordinal;
      found.length = kept;
      return found;
    },
  };
}
