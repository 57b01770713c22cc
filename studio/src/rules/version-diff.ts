/**
 * What changed between two sets of triggers (two published versions, or a version and the drafts), as changes a
 * person reads rather than a JSON diff: triggers added, removed, renamed, turned on or off, listening to other
 * events or running in another order; conditions and results added, removed or changed, at any depth of groups.
 * Pure: triggers in, changes out; the words are the studio's (VersionDiff.tsx).
 *
 * Lists (a group's entries, the results) are aligned on their longest common run of unchanged items; between two
 * unchanged items, removed and added items are paired up in order as changes: two rows make a changed row, two
 * groups a group whose kind and entries are compared in turn, two results of one type a changed result.
 */
import { groupChildren, groupKind, isGroup } from '../../../rules/condition-tree';
import type { ConditionEntry, ConditionRow, GroupKind, Result, Trigger } from '../../../rules/model';
import type { TicketEventType } from '../../../domain/ticket';
import { sameJson } from './same-json';

/** Where an entry stands: the top-level list (`all` must match, `any` optional), then the kind of each group it is in. */
export type Place = readonly GroupKind[];

export type ConditionChange =
  | { kind: 'added' | 'removed'; place: Place; entry: ConditionEntry }
  | { kind: 'changed'; place: Place; before: ConditionRow; after: ConditionRow }
  /** A group now counts its entries another way (all → any); changes inside it are listed after. */
  | { kind: 'regrouped'; place: Place; before: GroupKind; after: GroupKind };

export type ResultChange =
  | { kind: 'added' | 'removed'; result: Result }
  | { kind: 'changed'; before: Result; after: Result };

export interface TriggerChanges {
  id: string;
  /** The title it has now, or had when it was removed. */
  title: string;
  status: 'added' | 'removed' | 'changed';
  renamed?: { before: string; after: string };
  enabled?: { before: boolean; after: boolean };
  events?: { added: TicketEventType[]; removed: TicketEventType[] };
  /** 1-based places in the running order, when its order among the triggers both sides have changed. */
  moved?: { before: number; after: number };
  conditions: ConditionChange[];
  results: ResultChange[];
}

type Step<T> = { kind: 'same'; before: T; after: T } | { kind: 'pair'; before: T; after: T } | { kind: 'removed'; item: T } | { kind: 'added'; item: T };

/** Aligns two lists on their longest common subsequence, pairing what was removed and added between matches. */
function align<T>(before: readonly T[], after: readonly T[], same: (a: T, b: T) => boolean): Step<T>[] {
  const rows = before.length;
  const columns = after.length;
  const lengths = Array.from({ length: rows + 1 }, () => new Array<number>(columns + 1).fill(0));
  for (let i = rows - 1; i >= 0; i--) {
    for (let j = columns - 1; j >= 0; j--) {
      lengths[i][j] = same(before[i], after[j]) ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
    }
  }
  const steps: Step<T>[] = [];
  let removed: T[] = [];
  let added: T[] = [];
  const flush = () => {
    const paired = Math.min(removed.length, added.length);
    for (let k = 0; k < paired; k++) steps.push({ kind: 'pair', before: removed[k], after: added[k] });
    for (const item of removed.slice(paired)) steps.push({ kind: 'removed', item });
    for (const item of added.slice(paired)) steps.push({ kind: 'added', item });
    removed = [];
    added = [];
  };
  let i = 0;
  let j = 0;
  while (i < rows || j < columns) {
    if (i < rows && j < columns && same(before[i], after[j])) {
      flush();
      steps.push({ kind: 'same', before: before[i++], after: after[j++] });
    } else if (j >= columns || (i < rows && lengths[i + 1][j] >= lengths[i][j + 1])) removed.push(before[i++]);
    else added.push(after[j++]);
  }
  flush();
  return steps;
}

const children = (entry: ConditionEntry) => (isGroup(entry) ? groupChildren(entry).map((child) => child.entry) : []);

function diffEntries(before: readonly ConditionEntry[], after: readonly ConditionEntry[], place: Place): ConditionChange[] {
  return align(before, after, sameJson).flatMap((step): ConditionChange[] => {
    if (step.kind === 'same') return [];
    if (step.kind !== 'pair') return [{ kind: step.kind, place, entry: step.item }];
    const { before: old, after: now } = step;
    if (!isGroup(old) && !isGroup(now)) return [{ kind: 'changed', place, before: old, after: now }];
    if (isGroup(old) && isGroup(now)) {
      const [was, is] = [groupKind(old), groupKind(now)];
      const regrouped: ConditionChange[] = was === is ? [] : [{ kind: 'regrouped', place, before: was, after: is }];
      return [...regrouped, ...diffEntries(children(old), children(now), [...place, is])];
    }
    return [
      { kind: 'removed', place, entry: old },
      { kind: 'added', place, entry: now },
    ];
  });
}

function diffResults(before: readonly Result[], after: readonly Result[]): ResultChange[] {
  return align(before, after, sameJson).flatMap((step): ResultChange[] => {
    if (step.kind === 'same') return [];
    if (step.kind !== 'pair') return [{ kind: step.kind, result: step.item }];
    if (step.before.type === step.after.type) return [{ kind: 'changed', before: step.before, after: step.after }];
    return [
      { kind: 'removed', result: step.before },
      { kind: 'added', result: step.after },
    ];
  });
}

const byPosition = (triggers: readonly Trigger[]) => [...triggers].sort((a, b) => a.position - b.position);

/** The changes from `before` to `after`, trigger by trigger in `after`'s running order, then the removed ones. */
export function diffTriggerSets(before: readonly Trigger[], after: readonly Trigger[]): TriggerChanges[] {
  const old = byPosition(before);
  const now = byPosition(after);
  const oldById = new Map(old.map((trigger) => [trigger.id, trigger]));
  const nowIds = new Set(now.map((trigger) => trigger.id));
  // Order counts only among the triggers both sides have, so adding or removing one does not move the rest; of those,
  // the ones outside their longest common order are the ones that moved.
  const kept = (list: readonly Trigger[]) => list.filter((trigger) => oldById.has(trigger.id) && nowIds.has(trigger.id)).map((trigger) => trigger.id);
  const moved = new Set(
    align(kept(old), kept(now), (a, b) => a === b).flatMap((step) => (step.kind === 'same' ? [] : step.kind === 'pair' ? [step.before, step.after] : [step.item])),
  );

  const changes: TriggerChanges[] = [];
  for (const trigger of now) {
    const previous = oldById.get(trigger.id);
    if (!previous) {
      changes.push({ id: trigger.id, title: trigger.title, status: 'added', conditions: [], results: [] });
      continue;
    }
    const change: TriggerChanges = {
      id: trigger.id,
      title: trigger.title,
      status: 'changed',
      conditions: [
        ...diffEntries(previous.conditions.all, trigger.conditions.all, ['all']),
        ...diffEntries(previous.conditions.any, trigger.conditions.any, ['any']),
      ],
      results: diffResults(previous.results, trigger.results),
    };
    if (previous.title !== trigger.title) change.renamed = { before: previous.title, after: trigger.title };
    if (previous.enabled !== trigger.enabled) change.enabled = { before: previous.enabled, after: trigger.enabled };
    const addedEvents = trigger.events.filter((event) => !previous.events.includes(event));
    const removedEvents = previous.events.filter((event) => !trigger.events.includes(event));
    if (addedEvents.length || removedEvents.length) change.events = { added: addedEvents, removed: removedEvents };
    if (moved.has(trigger.id)) {
      change.moved = { before: old.indexOf(previous) + 1, after: now.indexOf(trigger) + 1 };
    }
    const changed = change.renamed || change.enabled || change.events || change.moved || change.conditions.length || change.results.length;
    if (changed) changes.push(change);
  }
  for (const trigger of old) {
    if (!nowIds.has(trigger.id)) changes.push({ id: trigger.id, title: trigger.title, status: 'removed', conditions: [], results: [] });
  }
  return changes;
}
