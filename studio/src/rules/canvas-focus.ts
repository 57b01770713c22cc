/**
 * Moving the keyboard focus to a node of the rule canvas, from the canvas itself or from the side panel (Escape
 * there returns to the node). A node just added is drawn hidden until React Flow has measured it, so the focus
 * waits a few frames for it to show.
 */
const FRAMES_TO_WAIT = 20;

export function focusCanvasNode(id: string, frames = FRAMES_TO_WAIT): void {
  const element = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
  if (element && getComputedStyle(element).visibility === 'visible') {
    element.focus();
    return;
  }
  if (frames > 0) requestAnimationFrame(() => focusCanvasNode(id, frames - 1));
}
