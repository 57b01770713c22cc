/**
 * A bounded undo/redo history of snapshots, pure and generic: the editor records the state an edit started from,
 * and undo swaps the present with the last recorded state. Edits recorded under the same coalescing key one after
 * another (the keystrokes typed into one field, a drag) make one step, until the history is sealed.
 */

/** How many steps back a trigger's history reaches; older steps are dropped first. */
export const HISTORY_LIMIT = 100;

export interface History<S> {
  /** States to go back to, oldest first. */
  readonly past: readonly S[];
  /** States undone, nearest first. */
  readonly future: readonly S[];
  /** The key of the last recorded edit while it may still grow; `null` once sealed. */
  readonly openKey: string | null;
}

export function emptyHistory<S>(): History<S> {
  return { past: [], future: [], openKey: null };
}

/**
 * Records that an edit is leaving `before`. An edit under the same `key` as the still open last one joins it (the
 * step keeps the state from before the first of them); any recorded edit clears what was undone.
 */
export function recordEdit<S>(history: History<S>, before: S, key: string | null = null, limit = HISTORY_LIMIT): History<S> {
  if (key !== null && key === history.openKey && history.past.length > 0) return { ...history, future: [] };
  const past = [...history.past, before];
  return { past: past.length > limit ? past.slice(past.length - limit) : past, future: [], openKey: key };
}

/** Ends the open step, so the next edit under the same key starts a step of its own. */
export function sealHistory<S>(history: History<S>): History<S> {
  return history.openKey === null ? history : { ...history, openKey: null };
}

/** The state before the last step, and the history with `present` to redo; `null` when there is nothing to undo. */
export function undoEdit<S>(history: History<S>, present: S): { history: History<S>; state: S } | null {
  const state = history.past.at(-1);
  if (history.past.length === 0 || state === undefined) return null;
  return { state, history: { past: history.past.slice(0, -1), future: [present, ...history.future], openKey: null } };
}

/** The state the last undo left, and the history with `present` to undo again; `null` when nothing was undone. */
export function redoEdit<S>(history: History<S>, present: S): { history: History<S>; state: S } | null {
  const [state, ...future] = history.future;
  if (history.future.length === 0 || state === undefined) return null;
  return { state, history: { past: [...history.past, present], future, openKey: null } };
}

/**
 * The coalescing key of a change of node data: keystrokes change one text or number leaf again and again, so a
 * change of exactly one such leaf is keyed by the node and the leaf's path; any other change is a step of its own.
 */
export function typingKey(nodeId: string, before: unknown, after: unknown): string | null {
  const changed = changedLeaves(before, after, []);
  if (changed.length !== 1) return null;
  const [{ path, from, to }] = changed;
  const typed = (value: unknown) => typeof value === 'string' || typeof value === 'number';
  return typed(from) && typed(to) ? `data:${nodeId}:${path.join('.')}` : null;
}

type Leaf = { path: (string | number)[]; from: unknown; to: unknown };

function changedLeaves(from: unknown, to: unknown, path: (string | number)[]): Leaf[] {
  if (Object.is(from, to)) return [];
  const bothArrays = Array.isArray(from) && Array.isArray(to);
  const bothObjects = isRecord(from) && isRecord(to) && !Array.isArray(from) && !Array.isArray(to);
  if (bothArrays && from.length !== to.length) return [{ path, from, to }];
  if (bothArrays) return from.flatMap((item, index) => changedLeaves(item, to[index], [...path, index]));
  if (bothObjects) {
    const keys = new Set([...Object.keys(from), ...Object.keys(to)]);
    return [...keys].flatMap((key) => changedLeaves(from[key], to[key], [...path, key]));
  }
  return [{ path, from, to }];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
