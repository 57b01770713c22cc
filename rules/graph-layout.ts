/**
 * The automatic layout of a trigger graph, from the sizes its nodes have on screen: conditions on the left (a
 * group's entries a column further left, each row on a line of its own), the trigger in the middle, results on the
 * right, everything top to bottom in the trigger's order. Boxes never overlap whatever their sizes, so a value
 * that wraps onto a second line pushes the rows below it down instead of covering them. Pure and deterministic:
 * the same trees and sizes always give the same positions.
 *
 * @module
 */

/** A point on the canvas. */
export type XYPosition = { x: number; y: number };

/** A node's box on the canvas, in canvas pixels. */
export type NodeSize = { width: number; height: number };

/** Kinds of node the layout places. */
export type LayoutKind = 'trigger' | 'condition' | 'group' | 'result';

/** An entry of the condition side (a row, or a group and the entries inside it, in order). */
export interface LayoutTree {
  readonly id: string;
  readonly isGroup: boolean;
  readonly entries: readonly LayoutTree[];
}

/** What {@link layoutGraph} lays out. */
export interface LayoutInput {
  /** The must-match entries, then the optional ones, each list in order. */
  readonly all: readonly LayoutTree[];
  readonly any: readonly LayoutTree[];
  /** Result node ids in the order they run. */
  readonly results: readonly string[];
  readonly trigger?: string;
  /** The size of a node, measured on screen or assumed ({@link GRAPH_LAYOUT}'s `assumed`). */
  readonly size: (id: string, kind: LayoutKind) => NodeSize;
}

/** Canvas geometry of the automatic layout, in canvas pixels. */
export const GRAPH_LAYOUT = {
  /** Sizes assumed for a node not measured yet (the studio's CSS gives nodes these widths). */
  assumed: {
    trigger: { width: 280, height: 96 },
    condition: { width: 270, height: 80 },
    group: { width: 150, height: 66 },
    result: { width: 290, height: 84 },
  } satisfies Record<LayoutKind, NodeSize>,
  /** Between a group and the entries on its left. */
  columnGap: 48,
  /** Between the condition side and the trigger, and between the trigger and the results. */
  hubGap: 72,
  /** Between two entries, and between two results. */
  rowGap: 16,
  /** Between the last must-match entry and the first optional one. */
  listGap: 36,
} as const;

/** A size the layout can use: a measured one when the node has been measured, else the one assumed for its kind. */
export function usableSize(kind: LayoutKind, measured?: { width?: number; height?: number }): NodeSize {
  const { width, height } = measured ?? {};
  return width && height && width > 0 && height > 0 ? { width, height } : GRAPH_LAYOUT.assumed[kind];
}

/** Positions of every node the input names, by id. */
export function layoutGraph(input: LayoutInput): Map<string, XYPosition> {
  const { columnGap, hubGap, rowGap, listGap } = GRAPH_LAYOUT;
  const sizeOf = (tree: LayoutTree) => input.size(tree.id, tree.isGroup ? 'group' : 'condition');

  // Each depth is a column; the entries of a depth's groups stand left of the widest group of that depth.
  const groupWidths: number[] = [];
  const measureDepth = (tree: LayoutTree, depth: number) => {
    if (!tree.isGroup) return;
    groupWidths[depth] = Math.max(groupWidths[depth] ?? 0, sizeOf(tree).width);
    for (const entry of tree.entries) measureDepth(entry, depth + 1);
  };
  for (const tree of [...input.all, ...input.any]) measureDepth(tree, 0);
  const columnRight = [0];
  groupWidths.forEach((width, depth) => columnRight.push(columnRight[depth] - width - columnGap));

  const positions = new Map<string, XYPosition>();
  /** Places a tree in the band starting at `top`; returns the band's bottom and the ids placed. */
  const place = (tree: LayoutTree, depth: number, top: number): { bottom: number; ids: string[] } => {
    const { width, height } = sizeOf(tree);
    const x = columnRight[depth] - width;
    if (tree.entries.length === 0) {
      positions.set(tree.id, { x, y: top });
      return { bottom: top + height, ids: [tree.id] };
    }
    const ids: string[] = [];
    const centres: number[] = [];
    let cursor = top;
    let bottom = top;
    for (const entry of tree.entries) {
      const band = place(entry, depth + 1, cursor);
      const at = positions.get(entry.id)!;
      centres.push(at.y + sizeOf(entry).height / 2);
      ids.push(...band.ids);
      bottom = band.bottom;
      cursor = band.bottom + rowGap;
    }
    // Level with the middle of its first and last entries; a group taller than its entries pushes them down.
    let y = (centres[0] + centres[centres.length - 1]) / 2 - height / 2;
    if (y < top) {
      const shift = top - y;
      for (const id of ids) positions.get(id)!.y += shift;
      bottom += shift;
      y = top;
    }
    positions.set(tree.id, { x, y });
    return { bottom: Math.max(bottom, y + height), ids: [...ids, tree.id] };
  };

  let cursor = 0;
  let conditionsHeight = 0;
  for (const [index, list] of [input.all, input.any].entries()) {
    if (index === 1 && input.all.length > 0 && input.any.length > 0) cursor += listGap - rowGap;
    for (const tree of list) {
      const band = place(tree, 0, cursor);
      conditionsHeight = band.bottom;
      cursor = band.bottom + rowGap;
    }
  }

  const results = input.results.map((id) => ({ id, size: input.size(id, 'result') }));
  const resultsHeight = results.reduce((sum, { size }) => sum + size.height, 0) + Math.max(0, results.length - 1) * rowGap;
  const triggerSize = input.trigger === undefined ? GRAPH_LAYOUT.assumed.trigger : input.size(input.trigger, 'trigger');
  const middle = Math.max(conditionsHeight, resultsHeight, triggerSize.height) / 2;

  const conditionsTop = middle - conditionsHeight / 2;
  for (const position of positions.values()) position.y += conditionsTop;
  const triggerX = columnRight[0] + hubGap;
  if (input.trigger !== undefined) positions.set(input.trigger, { x: triggerX, y: middle - triggerSize.height / 2 });
  let resultY = middle - resultsHeight / 2;
  for (const { id, size } of results) {
    positions.set(id, { x: triggerX + triggerSize.width + hubGap, y: resultY });
    resultY += size.height + rowGap;
  }
  for (const position of positions.values()) {
    position.x = Math.round(position.x);
    position.y = Math.round(position.y);
  }
  return positions;
}
