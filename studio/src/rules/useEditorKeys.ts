/**
 * The open trigger's editing keys: Ctrl/⌘+Z undo, Ctrl/⌘+Shift+Z and Ctrl+Y redo, Ctrl/⌘+C, V and D copy, paste
 * and duplicate the selected node. In a text field the browser's own keys are left alone (text undo, copy and
 * paste of text), and so is Ctrl/⌘+C over selected text, and every key while a dialog is open.
 */
import { useEffect, useRef } from 'react';

/** The modifier key as the admin's keyboard labels it. */
export const MOD_KEY = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';

function editsText(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA') return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'range', 'color'].includes(target.type);
}

/** What the keys and the canvas's editing buttons do to the open trigger. */
export interface EditActions {
  canUndo: boolean;
  canRedo: boolean;
  /** A copyable node (not the trigger) is selected. */
  canCopy: boolean;
  undo: () => void;
  redo: () => void;
  copy: () => void;
  paste: () => void;
  duplicate: () => void;
}

type EditKeys = Pick<EditActions, 'undo' | 'redo' | 'copy' | 'paste' | 'duplicate'>;

/** Which editor action a key press asks for, if any. */
function actionOf(event: KeyboardEvent, editor: EditKeys): (() => unknown) | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === 'z') return event.shiftKey ? editor.redo : editor.undo;
  if (key === 'y' && event.ctrlKey && !event.shiftKey) return editor.redo;
  if (event.shiftKey) return null;
  if (key === 'c') return window.getSelection()?.isCollapsed === false ? null : editor.copy;
  if (key === 'v') return editor.paste;
  if (key === 'd') return editor.duplicate;
  return null;
}

export function useEditorKeys(editor: EditKeys, enabled: boolean): void {
  const latest = useRef(editor);
  latest.current = editor;
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || editsText(event.target) || document.querySelector('dialog[open]')) return;
      const action = actionOf(event, latest.current);
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
