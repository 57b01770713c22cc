/**
 * Walking a trigger's conditions, rows and nested groups alike. Every consumer (validation, the compiler, the
 * evaluators, the API's reference checks, the studio) goes through these so they agree on order and on paths.
 *
 * **Paths** are the keys from `conditions` down, as issue paths use them: `['all', 0]` for a top-level row,
 * `['any', 1, 'all', 0]` for a row inside a group, `['all', 2, 'not']` for the entry a `not` group negates.
 * **Order** is depth first, each array in order: for a flat trigger, the must-match rows and then the optional ones.
 *
 * @module
 */
import type { ConditionEntry, ConditionRow, GroupEntry, GroupKind, TriggerConditions } from './model';

/** A key of a path into a trigger's conditions. */
export type ConditionPath = readonly (string | number)[];

/** Whether an entry is a group rather than a row. */
export function isGroup(entry: ConditionEntry): entry is GroupEntry {
  return !('field' in entry);
}

/** The kind of a group: the one key it has. */
export function groupKind(group: GroupEntry): GroupKind {
  return 'all' in group ? 'all' : 'any' in group ? 'any' : 'not';
}

/** The entries directly inside a group, each with the key path from the group to it. */
export function groupChildren(group: GroupEntry): { entry: ConditionEntry; at: ConditionPath }[] {
  if ('not' in group) return [{ entry: group.not, at: ['not'] }];
  const kind = 'all' in group ? 'all' : 'any';
  const entries = 'all' in group ? group.all : group.any;
  return entries.map((entry, index) => ({ entry, at: [kind, index] }));
}

/** The top-level entries of a trigger's conditions with their paths: must-match first, then optional. */
export function topLevelEntries(conditions: TriggerConditions): { entry: ConditionEntry; at: ConditionPath }[] {
  return [
    ...conditions.all.map((entry, index) => ({ entry, at: ['all', index] })),
    ...conditions.any.map((entry, index) => ({ entry, at: ['any', index] })),
  ];
}

/** Every row of a trigger's conditions, at any depth, in order, with its path. */
export function conditionRows(conditions: TriggerConditions): { row: ConditionRow; at: ConditionPath }[] {
  const rows: { row: ConditionRow; at: ConditionPath }[] = [];
  const visit = (entry: ConditionEntry, at: ConditionPath) => {
    if (!isGroup(entry)) rows.push({ row: entry, at });
    else for (const child of groupChildren(entry)) visit(child.entry, [...at, ...child.at]);
  };
  for (const { entry, at } of topLevelEntries(conditions)) visit(entry, at);
  return rows;
}

/** The same entry with every row replaced by `change(row)`, groups kept as they are. */
export function mapEntry(entry: ConditionEntry, change: (row: ConditionRow) => ConditionRow): ConditionEntry {
  if (!isGroup(entry)) return change(entry);
  if ('not' in entry) return { not: mapEntry(entry.not, change) };
  if ('all' in entry) return { all: entry.all.map((child) => mapEntry(child, change)) };
  return { any: entry.any.map((child) => mapEntry(child, change)) };
}

/** A trigger's conditions with every row replaced by `change(row)`. */
export function mapConditionRows(conditions: TriggerConditions, change: (row: ConditionRow) => ConditionRow): TriggerConditions {
  return { all: conditions.all.map((entry) => mapEntry(entry, change)), any: conditions.any.map((entry) => mapEntry(entry, change)) };
}
