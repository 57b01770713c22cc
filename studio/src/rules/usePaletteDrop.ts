/**
 * Dropping a palette entry onto the rule canvas: the row or group under the pointer decides where it goes (into
 * that group, or beside that row); dropped anywhere else, a condition joins the must-match list and a result runs
 * last. While an entry is dragged over the canvas, the node that will receive it (a group, or the trigger) is
 * marked.
 */
import { useReactFlow } from '@xyflow/react';
import { useState, type DragEvent } from 'react';
import { usableSize } from '../../../rules/graph-layout';
import { insertFromPalette } from './palette/insert';
import { PALETTE_ITEMS } from './palette/items';
import { PALETTE_DRAG_TYPE, PALETTE_RESULT_DRAG_TYPE } from './palette/Palette';
import { insertPlace } from './palette/place';
import type { TriggerEditor } from './useTriggerEditor';

export function usePaletteDrop(editor: TriggerEditor) {
  const { screenToFlowPosition } = useReactFlow();
  const [receiver, setReceiver] = useState<string | null>(null);
  const carriesEntry = (event: DragEvent) => event.dataTransfer.types.includes(PALETTE_DRAG_TYPE);
  const nodeUnder = (event: DragEvent) => {
    const point = screenToFlowPosition({ x: event.clientX, y: event.clientY });
    return editor.nodes.find((node) => {
      const { width, height } = usableSize(node.type, node.measured);
      return point.x >= node.position.x && point.x <= node.position.x + width && point.y >= node.position.y && point.y <= node.position.y + height;
    });
  };
  const hubId = editor.nodes.find((node) => node.type === 'trigger')?.id ?? null;
  return {
    /** The node that receives what is being dragged, or null when nothing is. */
    receiver,
    onDragOver: (event: DragEvent) => {
      if (!carriesEntry(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      const result = event.dataTransfer.types.includes(PALETTE_RESULT_DRAG_TYPE);
      const next = (result ? undefined : insertPlace(editor.nodes, editor.edges, nodeUnder(event)?.id ?? null).parentId) ?? hubId;
      if (next !== receiver) setReceiver(next);
    },
    onDragLeave: (event: DragEvent) => {
      if (!(event.currentTarget as HTMLElement).contains(event.relatedTarget as Node | null)) setReceiver(null);
    },
    onDrop: (event: DragEvent) => {
      if (!carriesEntry(event)) return;
      event.preventDefault();
      setReceiver(null);
      const item = PALETTE_ITEMS.find((candidate) => candidate.id === event.dataTransfer.getData(PALETTE_DRAG_TYPE));
      if (item) insertFromPalette(editor, item, nodeUnder(event)?.id ?? null);
    },
  };
}
