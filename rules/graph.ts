/**
 * The graph form of a trigger, as the rule studio's canvas edits it, and the conversions to and from the
 * trigger model. Pure: no React, no I/O; every node's data is plain JSON, so a graph can be stored, diffed and
 * sent as it is.
 *
 * Shape of a graph:
 * - one `trigger` node (title, events, enabled) in the middle;
 * - `condition` nodes on its left, one row each, marked must-match (`all`) or optional (`any`), each joined to the
 *   trigger node by an edge condition → trigger;
 * - `result` nodes on its right, one result each, joined by an edge trigger → result.
 *
 * **Order is vertical order.** Rows of a group, and results, run in the order of their nodes' `position.y`, top
 * first (ties: smaller `x`, then node id). Edges only say whether a node takes part; their order means nothing.
 * So dragging a result above another on the canvas makes it run earlier, and {@link triggerToGraph} lays nodes out
 * top to bottom in the trigger's order, which is what makes the round trip exact. Apart from that ordering,
 * positions are layout only.
 *
 * A graph that cannot become a trigger (no trigger node, a node not joined to it, an edge between the wrong kinds
 * of nodes, no result) is reported as {@link GraphIssue}s naming the node or edge at fault; what a trigger means
 * (operators, values, references) is still checked by `parseTrigger` and by the API.
 *
 * @module
 */
import type { ConditionRow, Result, Trigger } from './model';
import type { TicketEventType } from '../domain/ticket';

/** A point on the canvas. */
export type XYPosition = { x: number; y: number };

/** Which group a condition row belongs to: must-match (필수, AND) or optional (선택, OR). */
export type ConditionGroup = 'all' | 'any';

/** Data of the trigger node. */
export type TriggerNodeData = { title: string; events: TicketEventType[]; enabled: boolean };
/** Data of a condition node: one row and its group. */
export type ConditionNodeData = { group: ConditionGroup; row: ConditionRow };
/** Data of a result node: one result; its place in the order is its vertical position. */
export type ResultNodeData = { result: Result };

/** The trigger node. */
export type TriggerGraphNode = { id: string; type: 'trigger'; position: XYPosition; data: TriggerNodeData };
/** A condition node. */
export type ConditionGraphNode = { id: string; type: 'condition'; position: XYPosition; data: ConditionNodeData };
/** A result node. */
export type ResultGraphNode = { id: string; type: 'result'; position: XYPosition; data: ResultNodeData };
/** Any node of a trigger graph. */
export type GraphNode = TriggerGraphNode | ConditionGraphNode | ResultGraphNode;
/** The kind of a node. */
export type GraphNodeKind = GraphNode['type'];
/** An edge: condition → trigger, or trigger → result. */
export type GraphEdge = { id: string; source: string; target: string };
/** What {@link triggerToGraph} builds. */
export type TriggerGraph = { nodes: GraphNode[]; edges: GraphEdge[] };

type WithOptionalType<N extends GraphNode> = N extends GraphNode ? Omit<N, 'type'> & { type?: N['type'] } : never;
/**
 * A node as a canvas library may hold it: React Flow's nodes have an optional `type` and extra fields (selection,
 * measured size), which are ignored.
 */
export type GraphNodeLike = WithOptionalType<GraphNode>;
/** A graph as the canvas holds it. */
export type GraphLike = { nodes: readonly GraphNodeLike[]; edges: readonly GraphEdge[] };

/** The id and position a trigger keeps outside its graph. */
export type TriggerBase = Pick<Trigger, 'id' | 'position'>;

/** Stable codes of graph issues. */
export const GRAPH_ISSUE_CODES = [
  'graph.trigger_missing',
  'graph.trigger_duplicate',
  'graph.node_duplicate_id',
  'graph.node_unknown_kind',
  'graph.edge_unknown_node',
  'graph.edge_invalid',
  'graph.condition_dangling',
  'graph.result_dangling',
  'graph.results_empty',
] as const;
/** Code of a graph issue. */
export type GraphIssueCode = (typeof GRAPH_ISSUE_CODES)[number];

/** One reason a graph cannot become a trigger, with the node or edge at fault. */
export interface GraphIssue {
  readonly code: GraphIssueCode;
  readonly message: string;
  readonly nodeId?: string;
  readonly edgeId?: string;
}

/** Which node became which part of the trigger: ids in the trigger's own order. */
export interface GraphPlacement {
  readonly trigger: string;
  readonly conditions: { readonly all: readonly string[]; readonly any: readonly string[] };
  readonly results: readonly string[];
}

/** Outcome of {@link readGraph}. */
export type GraphReading =
  | { readonly ok: true; readonly trigger: Trigger; readonly placement: GraphPlacement }
  | { readonly ok: false; readonly issues: GraphIssue[] };

/** Thrown by {@link graphToTrigger} for a graph that cannot become a trigger. */
export class InvalidGraphError extends Error {
  /** Stable error code, as for the API's refusals. */
  readonly code = 'graph.invalid';

  constructor(readonly issues: GraphIssue[]) {
    super(`invalid trigger graph: ${issues.map((issue) => issue.message).join('; ')}`);
    this.name = 'InvalidGraphError';
  }
}

/** Canvas geometry of the automatic layout, in canvas pixels. */
export const GRAPH_LAYOUT = {
  columnX: { condition: 0, trigger: 320, result: 650 },
  /** Vertical distance between condition nodes. */
  conditionSpacing: 88,
  /** Extra space between the must-match rows and the optional rows. */
  groupGap: 28,
  resultSpacing: 100,
  /** Approximate height of the trigger node, to centre it on the columns. */
  triggerHeight: 84,
} as const;

/** Id of the trigger node in graphs built by {@link triggerToGraph}. */
export const TRIGGER_NODE_ID = 'trigger';

const edgeId = (source: string, target: string) => `${source}->${target}`;

/** A JSON copy, so a graph never shares objects with the trigger it came from (or the reverse). */
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The edge joining a condition or result node to the trigger node. */
export function edgeFor(kind: 'condition' | 'result', nodeId: string, triggerNodeId: string): GraphEdge {
  return kind === 'condition'
    ? { id: edgeId(nodeId, triggerNodeId), source: nodeId, target: triggerNodeId }
    : { id: edgeId(triggerNodeId, nodeId), source: triggerNodeId, target: nodeId };
}

/** Positions for a trigger node, condition nodes (must-match first, then optional) and result nodes, in order. */
function layoutPositions(allCount: number, anyCount: number, resultCount: number) {
  const { columnX, conditionSpacing, groupGap, resultSpacing, triggerHeight } = GRAPH_LAYOUT;
  const conditionY: number[] = [];
  for (let index = 0; index < allCount + anyCount; index++) {
    const gap = allCount > 0 && index >= allCount ? groupGap : 0;
    conditionY.push(index * conditionSpacing + gap);
  }
  const conditionHeight = conditionY.length > 0 ? conditionY[conditionY.length - 1] + conditionSpacing : 0;
  const resultHeight = resultCount * resultSpacing;
  const middle = Math.max(conditionHeight, resultHeight, triggerHeight) / 2;
  const conditionTop = middle - conditionHeight / 2;
  const resultTop = middle - resultHeight / 2;
  return {
    trigger: { x: columnX.trigger, y: Math.round(middle - triggerHeight / 2) },
    conditions: conditionY.map((y) => ({ x: columnX.condition, y: Math.round(conditionTop + y) })),
    results: Array.from({ length: resultCount }, (_, index) => ({
      x: columnX.result,
      y: Math.round(resultTop + index * resultSpacing),
    })),
  };
}

/**
 * The graph of a trigger, laid out left to right (conditions → trigger → results) and top to bottom in the
 * trigger's order. Node ids are `trigger`, `condition-all-<i>`, `condition-any-<i>` and `result-<i>`.
 */
export function triggerToGraph(trigger: Trigger): TriggerGraph {
  const layout = layoutPositions(trigger.conditions.all.length, trigger.conditions.any.length, trigger.results.length);
  const nodes: GraphNode[] = [
    {
      id: TRIGGER_NODE_ID,
      type: 'trigger',
      position: layout.trigger,
      data: { title: trigger.title, events: [...trigger.events], enabled: trigger.enabled },
    },
  ];
  const edges: GraphEdge[] = [];
  const rows = [
    ...trigger.conditions.all.map((row, index) => ({ group: 'all' as const, row, index })),
    ...trigger.conditions.any.map((row, index) => ({ group: 'any' as const, row, index })),
  ];
  rows.forEach(({ group, row, index }, at) => {
    const id = `condition-${group}-${index}`;
    nodes.push({ id, type: 'condition', position: layout.conditions[at], data: { group, row: copy(row) } });
    edges.push(edgeFor('condition', id, TRIGGER_NODE_ID));
  });
  trigger.results.forEach((result, index) => {
    const id = `result-${index}`;
    nodes.push({ id, type: 'result', position: layout.results[index], data: { result: copy(result) } });
    edges.push(edgeFor('result', id, TRIGGER_NODE_ID));
  });
  return { nodes, edges };
}

/** Top to bottom, then left to right, then by id: the order rows and results run in. */
export function compareVertical(a: { id: string; position: XYPosition }, b: { id: string; position: XYPosition }): number {
  return a.position.y - b.position.y || a.position.x - b.position.x || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const KINDS: ReadonlySet<string> = new Set<GraphNodeKind>(['trigger', 'condition', 'result']);

type NodeOfKind<K extends GraphNodeKind> = Extract<GraphNodeLike, { type?: K }>;

function ofKind<K extends GraphNodeKind>(nodes: readonly GraphNodeLike[], kind: K): NodeOfKind<K>[] {
  return nodes.filter((node): node is NodeOfKind<K> => node.type === kind);
}

/**
 * Reads a graph as a trigger, or lists every structural reason it cannot be one. Dangling nodes are refused
 * rather than dropped, so nothing an admin drew silently disappears on save.
 */
export function readGraph(graph: GraphLike, base: TriggerBase): GraphReading {
  const issues: GraphIssue[] = [];
  const byId = new Map<string, GraphNodeLike>();
  for (const node of graph.nodes) {
    if (byId.has(node.id)) {
      issues.push({ code: 'graph.node_duplicate_id', nodeId: node.id, message: `two nodes share the id "${node.id}"` });
      continue;
    }
    byId.set(node.id, node);
    if (node.type === undefined || !KINDS.has(node.type)) {
      const message = `node "${node.id}" is of no known kind (${String(node.type)}); use trigger, condition or result`;
      issues.push({ code: 'graph.node_unknown_kind', nodeId: node.id, message });
    }
  }

  const triggers = ofKind(graph.nodes, 'trigger');
  if (triggers.length === 0) {
    issues.push({ code: 'graph.trigger_missing', message: 'the graph needs a trigger node (title, events, enabled)' });
  }
  for (const extra of triggers.slice(1)) {
    const message = `a graph has one trigger node; "${extra.id}" is a second one`;
    issues.push({ code: 'graph.trigger_duplicate', nodeId: extra.id, message });
  }
  const hub = triggers[0];

  const joined = new Set<string>();
  for (const edge of graph.edges) {
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    if (!source || !target) {
      const missing = source ? edge.target : edge.source;
      const message = `edge "${edge.id}" points at "${missing}", which is not in the graph`;
      issues.push({ code: 'graph.edge_unknown_node', edgeId: edge.id, message });
      continue;
    }
    const intoHub = source.type === 'condition' && target.id === hub?.id;
    const outOfHub = source.id === hub?.id && target.type === 'result';
    if (intoHub) joined.add(source.id);
    else if (outOfHub) joined.add(target.id);
    else {
      const message = `edge "${edge.id}" joins a ${source.type ?? 'node'} to a ${target.type ?? 'node'}; edges run condition → trigger or trigger → result`;
      issues.push({ code: 'graph.edge_invalid', edgeId: edge.id, message });
    }
  }

  const conditions = ofKind(graph.nodes, 'condition').sort(compareVertical);
  const results = ofKind(graph.nodes, 'result').sort(compareVertical);
  for (const node of conditions) {
    if (!joined.has(node.id)) {
      const message = 'this condition is not connected to the trigger; connect it or remove it';
      issues.push({ code: 'graph.condition_dangling', nodeId: node.id, message });
    }
  }
  for (const node of results) {
    if (!joined.has(node.id)) {
      const message = 'this result is not connected to the trigger; connect it or remove it';
      issues.push({ code: 'graph.result_dangling', nodeId: node.id, message });
    }
  }
  if (hub && results.length === 0) {
    issues.push({ code: 'graph.results_empty', nodeId: hub.id, message: 'a trigger needs at least one result' });
  }
  if (issues.length > 0 || !hub) return { ok: false, issues };

  const all = conditions.filter((node) => node.data.group === 'all');
  const any = conditions.filter((node) => node.data.group === 'any');
  const trigger: Trigger = {
    id: base.id,
    title: hub.data.title,
    enabled: hub.data.enabled,
    position: base.position,
    events: [...hub.data.events],
    conditions: { all: all.map((node) => copy(node.data.row)), any: any.map((node) => copy(node.data.row)) },
    results: results.map((node) => copy(node.data.result)),
  };
  return {
    ok: true,
    trigger,
    placement: {
      trigger: hub.id,
      conditions: { all: all.map((node) => node.id), any: any.map((node) => node.id) },
      results: results.map((node) => node.id),
    },
  };
}

/** The trigger a graph draws; throws {@link InvalidGraphError} with every issue when it draws none. */
export function graphToTrigger(graph: GraphLike, base: TriggerBase): Trigger {
  const reading = readGraph(graph, base);
  if (!reading.ok) throw new InvalidGraphError(reading.issues);
  return reading.trigger;
}

/** Where an issue path (`['conditions','all',2,'operator']`, `['results',0,'agentId']`) points in a graph. */
export interface IssueTarget {
  readonly nodeId: string;
  /** The rest of the path inside the node's row or result (`['operator']`), or the trigger field (`['title']`). */
  readonly field: readonly (string | number)[];
}

/**
 * The node an issue of the trigger model or the API points at. Paths into a row or a result land on its node;
 * everything else (title, events, "no conditions", "no results") lands on the trigger node.
 */
export function issueTarget(placement: GraphPlacement, path: readonly (string | number)[]): IssueTarget {
  const [head, group, index, ...rest] = path;
  if (head === 'conditions' && (group === 'all' || group === 'any') && typeof index === 'number') {
    const nodeId = placement.conditions[group][index];
    if (nodeId !== undefined) return { nodeId, field: rest };
  }
  if (head === 'results' && typeof group === 'number') {
    const nodeId = placement.results[group];
    if (nodeId !== undefined) return { nodeId, field: path.slice(2) };
  }
  return { nodeId: placement.trigger, field: path };
}

/**
 * The same nodes laid out again in their current order (the trigger's order), keeping ids, data and edges.
 * Nodes of unknown kind keep their place.
 */
export function relayout<N extends GraphNodeLike>(nodes: readonly N[]): N[] {
  const sorted = (kind: GraphNodeKind) => nodes.filter((node) => node.type === kind).sort(compareVertical);
  const all = sorted('condition').filter((node) => (node.data as ConditionNodeData).group === 'all');
  const any = sorted('condition').filter((node) => (node.data as ConditionNodeData).group === 'any');
  const results = sorted('result');
  const layout = layoutPositions(all.length, any.length, results.length);
  const placed = new Map<string, XYPosition>();
  for (const node of sorted('trigger')) placed.set(node.id, layout.trigger);
  [...all, ...any].forEach((node, index) => placed.set(node.id, layout.conditions[index]));
  results.forEach((node, index) => placed.set(node.id, layout.results[index]));
  return nodes.map((node) => {
    const position = placed.get(node.id);
    return position ? { ...node, position } : node;
  });
}

/**
 * Moves a condition or result node one place up (`-1`) or down (`+1`) among the nodes it is ordered with (rows
 * of its group, or results), by swapping vertical positions with its neighbour; unchanged at either end.
 */
export function moveNode<N extends GraphNodeLike>(nodes: readonly N[], nodeId: string, direction: -1 | 1): N[] {
  const node = nodes.find((candidate) => candidate.id === nodeId);
  if (!node || (node.type !== 'condition' && node.type !== 'result')) return [...nodes];
  const siblings = nodes
    .filter(
      (candidate) =>
        candidate.type === node.type &&
        (node.type === 'result' || (candidate.data as ConditionNodeData).group === (node.data as ConditionNodeData).group),
    )
    .sort(compareVertical);
  const at = siblings.indexOf(node);
  const neighbour = siblings[at + direction];
  if (!neighbour) return [...nodes];
  const swapped = nodes.map((candidate) => {
    if (candidate.id === node.id) return { ...candidate, position: neighbour.position };
    if (candidate.id === neighbour.id) return { ...candidate, position: node.position };
    return candidate;
  });
  return relayout(swapped);
}

/**
 * Adds a condition or result node at the end of its group (or of the results), joined to the trigger node, and
 * lays the graph out again. `id` must be new to the graph.
 */
export function addNode<N extends GraphNodeLike, E extends GraphEdge>(
  graph: { nodes: readonly N[]; edges: readonly E[] },
  node: ConditionGraphNode | ResultGraphNode,
): { nodes: (N | ConditionGraphNode | ResultGraphNode)[]; edges: (E | GraphEdge)[] } {
  const hub = graph.nodes.find((candidate) => candidate.type === 'trigger');
  const below = graph.nodes
    .filter((candidate) => candidate.type === node.type)
    .reduce((lowest, candidate) => Math.max(lowest, candidate.position.y), Number.NEGATIVE_INFINITY);
  const placed = {
    ...node,
    position: { x: GRAPH_LAYOUT.columnX[node.type], y: Number.isFinite(below) ? below + 1 : 0 },
  };
  const nodes = relayout<N | ConditionGraphNode | ResultGraphNode>([...graph.nodes, placed]);
  const edges: (E | GraphEdge)[] = hub ? [...graph.edges, edgeFor(node.type, node.id, hub.id)] : [...graph.edges];
  return { nodes, edges };
}

/** Removes a node and the edges touching it. The trigger node itself is never removed. */
export function removeNode<N extends GraphNodeLike, E extends GraphEdge>(
  graph: { nodes: readonly N[]; edges: readonly E[] },
  nodeId: string,
): { nodes: N[]; edges: E[] } {
  const node = graph.nodes.find((candidate) => candidate.id === nodeId);
  if (!node || node.type === 'trigger') return { nodes: [...graph.nodes], edges: [...graph.edges] };
  return {
    nodes: graph.nodes.filter((candidate) => candidate.id !== nodeId),
    edges: graph.edges.filter((edge) => edge.source !== nodeId && edge.target !== nodeId),
  };
}
