import { describe, expect, it } from 'vitest';
import { graphToTrigger, relayout, triggerToGraph, type GraphNode } from '../../../rules/graph';
import { GRAPH_LAYOUT, layoutGraph, type NodeSize } from '../../../rules/graph-layout';
import { randomTrigger } from './support/generate';
import { createRandom, type Random } from './support/prng';

type Box = { id: string; x: number; y: number; width: number; height: number };

/** Pairs of boxes that share any area (touching edges do not count). */
function overlaps(boxes: readonly Box[]): string[] {
  const found: string[] = [];
  for (const [index, a] of boxes.entries()) {
    for (const b of boxes.slice(index + 1)) {
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) found.push(`${a.id} × ${b.id}`);
    }
  }
  return found;
}

/** Each node measured as a browser might: widths from the CSS, heights grown by values that wrap onto more lines. */
function measure(random: Random, nodes: readonly GraphNode[]) {
  return nodes.map((node) => {
    const { width, height } = GRAPH_LAYOUT.assumed[node.type];
    return { ...node, measured: { width: width + random.int(3) * 20, height: height + random.int(4) * 22 } };
  });
}

const boxesOf = (nodes: readonly (GraphNode & { measured: NodeSize })[]): Box[] =>
  nodes.map((node) => ({ id: node.id, ...node.position, ...node.measured }));

describe('the automatic layout', () => {
  it('never overlaps nodes, whatever their measured sizes, and keeps the trigger as it was', () => {
    const random = createRandom(1313);
    for (let n = 0; n < 300; n++) {
      const trigger = randomTrigger(random, `L${n}`);
      const graph = triggerToGraph(trigger);
      const laidOut = relayout(measure(random, graph.nodes), graph.edges);
      expect(overlaps(boxesOf(laidOut)), `case ${n}`).toEqual([]);
      expect(graphToTrigger({ nodes: laidOut, edges: graph.edges }, { id: trigger.id, position: trigger.position })).toStrictEqual(trigger);
    }
  });

  it('is deterministic: the same graph in any node order, laid out twice, lands in the same place', () => {
    const random = createRandom(7);
    for (let n = 0; n < 50; n++) {
      const graph = triggerToGraph(randomTrigger(random, `D${n}`));
      const measured = measure(random, graph.nodes);
      const shuffled = [...measured].sort(() => random.next() - 0.5);
      const at = (nodes: readonly GraphNode[]) => Object.fromEntries(nodes.map((node) => [node.id, node.position]));
      const first = at(relayout(measured, graph.edges));
      expect(at(relayout(measured, graph.edges))).toStrictEqual(first);
      expect(at(relayout(shuffled, graph.edges))).toStrictEqual(first);
    }
  });

  it('pushes the rows below a wrapped row down, and stands a group right of its entries, level with them', () => {
    const sizes: Record<string, NodeSize> = {
      hub: { width: 280, height: 96 },
      short: { width: 270, height: 80 },
      wrapped: { width: 270, height: 190 },
      group: { width: 150, height: 66 },
      inner: { width: 270, height: 80 },
      result: { width: 290, height: 84 },
    };
    const at = layoutGraph({
      all: [
        { id: 'wrapped', isGroup: false, entries: [] },
        { id: 'group', isGroup: true, entries: [{ id: 'inner', isGroup: false, entries: [] }] },
      ],
      any: [{ id: 'short', isGroup: false, entries: [] }],
      results: ['result'],
      trigger: 'hub',
      size: (id) => sizes[id],
    });
    const box = (id: string): Box => ({ id, ...at.get(id)!, ...sizes[id] });
    expect(overlaps(Object.keys(sizes).map(box))).toEqual([]);
    expect(box('group').y).toBeGreaterThanOrEqual(box('wrapped').y + 190 + GRAPH_LAYOUT.rowGap);
    expect(box('inner').x + 270 + GRAPH_LAYOUT.columnGap).toBeLessThanOrEqual(box('group').x);
    expect(box('group').y + 33).toBe(box('inner').y + 40);
    expect(box('short').y).toBeGreaterThanOrEqual(box('inner').y + 80 + GRAPH_LAYOUT.listGap);
    expect(box('hub').x).toBeGreaterThanOrEqual(box('wrapped').x + 270 + GRAPH_LAYOUT.hubGap);
    expect(box('result').x).toBe(box('hub').x + 280 + GRAPH_LAYOUT.hubGap);
  });
});
