/**
 * Dropping a palette entry onto the rule canvas: the row or group under the pointer decides where it goes (into
 * that group, or beside that row); dropped anywhere else, a condition joins the must-match list and a result runs
 * last.
 */
import { useReactFlow } from '@xyflow/react';
import type { DragEvent } from 'react';
import { usableSize } from '../../../rules/graph-layout';
import { insertFromPalette } from './palette/insert';
import { PALETTE_ITEMS } from './palette/items';
import { PALETTE_DRAG_TYPE } from './palette/Palette';
import type { TriggerEditor } from './useTriggerEditor';

export function usePaletteDrop(editor: TriggerEditor) {
  const { screenToFlowPosition } = useReactFlow();
  const carriesEntry = (event: DragEvent) => event.dataTransfer.types.includes(PALETTE_DRAG_TYPE);
  return {
    onDragOver: (event: DragEvent) => {
      if (!carriesEntry(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    },
    onDrop: (event: DragEvent) => {
      if (!carriesEntry(event)) return;
      event.preventDefault();
      const item = PALETTE_ITEMS.find((candidate) => candidate.id === event.dataTransfer.getData(PALETTE_DRAG_TYPE));
      if (!item) return;
      const point = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const under = editor.nodes.find((node) => {
        const { width, height } = usableSize(node.type, node.measured);
        return point.x >= node.position.x && point.x <= node.position.x + width && point.y >= node.position.y && point.y <= node.position.y + height;
      });
      insertFromPalette(editor, item, under?.id ?? null);
    },
  };
}
