/**
 * The rule canvas by keyboard. On a node: the arrow keys and Tab move the selection along the drawing (see
 * `navigation.ts`), Enter opens the node's form in the side panel, `/` or Ctrl+K opens the palette and Escape
 * closes it; a node added from the palette takes the focus. The focused node is announced through a live region.
 */
import { useEffect, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { focusCanvasNode } from './canvas-focus';
import { neighbourOf, type NavigationKey } from './navigation';
import { insertFromPalette } from './palette/insert';
import type { PaletteItem } from './palette/items';
import type { TriggerEditor } from './useTriggerEditor';

const ARROWS: Readonly<Record<string, NavigationKey>> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

const nodeIdOf = (target: EventTarget) => (target instanceof HTMLElement ? target.closest('.react-flow__node')?.getAttribute('data-id') : null) ?? null;
const isTyping = (target: HTMLElement) => target.isContentEditable || target.matches('input, textarea, select');

export function useCanvasKeyboard(
  editor: TriggerEditor,
  { canEdit, onOpenPanel, onOpenPalette, onClosePalette }: { canEdit: boolean; onOpenPanel: () => void; onOpenPalette: () => void; onClosePalette: () => void },
) {
  const [announcement, setAnnouncement] = useState('');
  const focusAdded = useRef(false);
  const { selectedId, select } = editor;
  const hubId = editor.nodes.find((node) => node.type === 'trigger')?.id ?? null;

  useEffect(() => {
    if (!focusAdded.current || !selectedId) return;
    focusAdded.current = false;
    focusCanvasNode(selectedId);
  }, [selectedId]);

  const goTo = (id: string) => {
    select(id);
    focusCanvasNode(id);
  };

  const onFocus = (event: FocusEvent) => {
    const id = nodeIdOf(event.target);
    if (!id) return;
    if (id !== selectedId) select(id);
    setAnnouncement((event.target as HTMLElement).innerText.replace(/\s+/g, ' ').trim());
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    if (target.closest('.palette') || isTyping(target) || event.altKey) return;
    const nodeId = nodeIdOf(target);
    const stop = () => {
      event.preventDefault();
      event.stopPropagation();
    };
    if (canEdit && (event.key === '/' || ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k'))) {
      stop();
      onOpenPalette();
      return;
    }
    if (event.key === 'Escape') {
      onClosePalette();
      return;
    }
    if (event.ctrlKey || event.metaKey) return;
    const direction = event.key === 'Tab' ? (event.shiftKey ? 'previous' : 'next') : ARROWS[event.key];
    if (direction) {
      const to = nodeId ? neighbourOf(editor.nodes, editor.edges, nodeId, direction) : (selectedId ?? hubId);
      // Tab past the last node leaves the canvas; an arrow with nowhere to go does nothing (and moves nothing).
      if (to) goTo(to);
      if (to || event.key !== 'Tab') stop();
      return;
    }
    if (event.key === 'Enter' && nodeId) {
      stop();
      select(nodeId);
      onOpenPanel();
    }
  };

  return {
    onKeyDown,
    onFocus,
    announcement,
    /** Inserts an entry where the selection aims, and moves the focus onto the new node. */
    insert: (item: PaletteItem) => {
      focusAdded.current = true;
      insertFromPalette(editor, item, selectedId);
    },
    /** Back from the palette: the focus returns to the selected node. */
    returnToCanvas: () => {
      const id = selectedId ?? hubId;
      if (id) focusCanvasNode(id);
    },
  };
}
