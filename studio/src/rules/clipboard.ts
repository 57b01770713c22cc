/**
 * The rule studio's clipboard: the last copied node (with what is inside it), shared by every trigger of the tab,
 * so a condition copied from one trigger pastes into another.
 */
import { useSyncExternalStore } from 'react';
import type { Fragment } from './fragment';

let copied: Fragment | null = null;
const listeners = new Set<() => void>();

export function copyToClipboard(fragment: Fragment): void {
  copied = fragment;
  for (const listener of listeners) listener();
}

export function clipboardContent(): Fragment | null {
  return copied;
}

/** Whether there is something to paste, for the Paste button. */
export function useClipboardFilled(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => copied !== null,
  );
}
