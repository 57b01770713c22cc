/**
 * Where the rule canvas looks. It opens on the drawing at a zoom where node text reads at its designed size (at
 * least 12 px): a drawing larger than the canvas is panned and scrolled, not shrunk until it is unreadable. Then it
 * keeps the selected node in sight (a node just added, or reached with the keyboard), panning only when the node is
 * not fully visible, and only as far as it takes.
 */
import { useNodesInitialized, useReactFlow, useStoreApi } from '@xyflow/react';
import { useEffect, useRef } from 'react';

/** The opening zoom: fit the drawing, but never smaller than life size (the smallest node text is 12.5 px). */
export const READABLE_ZOOM = { min: 1, max: 1.1 };
/** Room left around the drawing, in screen pixels; more at the top, under the toolbar. */
const MARGIN = { x: 24, y: 64 };

/**
 * The pan of one axis: a drawing that fits is centred; one that does not starts at its beginning (its first
 * conditions, its top), from where the admin reads on by panning.
 */
function openingPan(start: number, length: number, pane: number, zoom: number, margin: number): number {
  const drawn = length * zoom;
  return drawn + 2 * margin <= pane ? (pane - drawn) / 2 - start * zoom : margin - start * zoom;
}

export function OpeningView() {
  const initialized = useNodesInitialized();
  const { getNodes, getNodesBounds, setViewport } = useReactFlow();
  const store = useStoreApi();
  const done = useRef(false);
  useEffect(() => {
    if (!initialized || done.current) return;
    done.current = true;
    // One frame later, so the layout made from the measured sizes is what gets framed.
    requestAnimationFrame(() => {
      const bounds = getNodesBounds(getNodes());
      const { width, height } = store.getState();
      const fit = Math.min((width - 2 * MARGIN.x) / bounds.width, (height - 2 * MARGIN.y) / bounds.height);
      const zoom = Math.min(READABLE_ZOOM.max, Math.max(READABLE_ZOOM.min, fit));
      const x = openingPan(bounds.x, bounds.width, width, zoom, MARGIN.x);
      void setViewport({ x, y: openingPan(bounds.y, bounds.height, height, zoom, MARGIN.y), zoom });
    });
  }, [initialized, getNodes, getNodesBounds, setViewport, store]);
  return null;
}

/**
 * The shift of one axis that brings a node's span [start, start + length) inside the pane with a margin, as small as
 * it can be, so that what was around the node stays in view; a node larger than the pane shows its beginning.
 */
function shiftIntoView(start: number, length: number, pane: number, margin: number): number {
  if (start < margin || length + 2 * margin > pane) return margin - start;
  const overflow = start + length + margin - pane;
  return overflow > 0 ? -overflow : 0;
}

export function KeepInSight({ nodeId, at }: { nodeId: string | null; at: string }) {
  const { getInternalNode, setViewport } = useReactFlow();
  const store = useStoreApi();
  useEffect(() => {
    if (!nodeId) return;
    const node = getInternalNode(nodeId);
    const width = node?.measured.width;
    const height = node?.measured.height;
    if (!node || !width || !height) return;
    const { width: paneWidth, height: paneHeight, transform } = store.getState();
    const [panX, panY, zoom] = transform;
    const { x, y } = node.internals.positionAbsolute;
    const dx = shiftIntoView(x * zoom + panX, width * zoom, paneWidth, MARGIN.x);
    const dy = shiftIntoView(y * zoom + panY, height * zoom, paneHeight, MARGIN.y);
    if (dx === 0 && dy === 0) return;
    // At once: an animated pan passes through other zooms, and a second pan started meanwhile would keep one.
    void setViewport({ x: panX + dx, y: panY + dy, zoom });
  }, [nodeId, at, getInternalNode, setViewport, store]);
  return null;
}
