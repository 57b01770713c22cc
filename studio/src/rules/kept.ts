/**
 * The rule studio's unsaved work kept while the studio is off screen: leaving for the workspace unmounts it, and
 * coming back finds the open trigger, its drawing and its undo history as they were. Kept per browser tab, in
 * memory (a reload starts over, after the browser has asked whether to leave unsaved edits), under a scope naming
 * the person and the service, so signing in again after a session expired finds the edits and no one else does.
 */
import { useEffect, useState, type Dispatch, type SetStateAction } from 'react';

const kept = new Map<string, unknown>();
const unsaved = new Set<string>();

/** Like `useState`, but starting from what was kept under `slot` and keeping every change there. */
export function useKept<T>(slot: string, initial: () => T): [T, Dispatch<SetStateAction<T>>] {
  const [value, setValue] = useState<T>(() => (kept.has(slot) ? (kept.get(slot) as T) : initial()));
  useEffect(() => {
    kept.set(slot, value);
  }, [slot, value]);
  return [value, setValue];
}

/** The scope of what is kept for one person in one service. */
export const keptScope = (userId: string, serviceId: string) => `${userId}:${serviceId}`;

/** Drops what was kept in a scope (its edits were discarded). */
export function forgetKept(scope: string): void {
  for (const slot of kept.keys()) if (slot.startsWith(`${scope}:`)) kept.delete(slot);
  unsaved.delete(scope);
}

const warnBeforeLeaving = (event: BeforeUnloadEvent) => {
  if (unsaved.size > 0) event.preventDefault();
};

/** Marks a scope as holding unsaved edits: while any does, the browser asks before the page is left or reloaded. */
export function markUnsaved(scope: string, dirty: boolean): void {
  if (dirty) unsaved.add(scope);
  else unsaved.delete(scope);
  // Listened to from the first mark on, so it warns on every screen of the studio, not only the rule studio.
  window.removeEventListener('beforeunload', warnBeforeLeaving);
  window.addEventListener('beforeunload', warnBeforeLeaving);
}
