/**
 * The graph form of a trigger, as the rule studio's canvas edits it, and the conversions to and from the
 * trigger model. Pure: no React, no I/O; every node's data is plain JSON, so a graph can be stored, diffed and
 * sent as it is.
 *
 * Shape of a graph:
 * - one `trigger` node (title, events, enabled) in the middle;
 * - `condition` nodes on its left, one row each, and `group` nodes (all / any / not), each joined by one edge to
 *   what it stands in: the trigger node, or a group node further right. An entry joined to the trigger node is
 *   must-match (`all`) or optional (`any`) by its data's `group`; inside a group, the group's kind decides. So the
 *   drawing is the logic: rows flow right through their groups into the trigger;
 * - `result` nodes on its right, one result each, joined by an edge trigger → result.
 *
 * **Order is vertical order.** Entries of a list (a top-level list or a group), and results, run in the order of their nodes' `position.y`, top
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
import { groupChildren, groupKind, isGroup, type ConditionPath } from './condition-tree';
import type { ConditionEntry, ConditionRow, GroupKind, Result, Trigger } from './model';
import type { TicketEventType } from '../domain/ticket';
import { layoutGraph, usableSize, type LayoutTree, type XYPosition } from './graph-layout';

export type { XYPosition } from './graph-layout';

/** Which group a condition row belongs to: must-match (필수, AND) or optional (선택, OR). */
export type ConditionGroup = 'all' | 'any';

/** Data of the trigger node. */
export type TriggerNodeData = { title: string; events: TicketEventType[]; enabled: boolean };
/** Data of a condition node: one row and its group. */
export type ConditionNodeData = { group: ConditionGroup; row: ConditionRow };
/**
 * Data of a group node: its kind, and (like a row) the top-level list it belongs to when joined to the trigger.
 */
export type GroupNodeData = { group: ConditionGroup; kind: GroupKind };
/** Data of a result node: one result; its place in the order is its vertical position. */
export type ResultNodeData = { result: Result };

/** The trigger node. */
export type TriggerGraphNode = { id: string; type: 'trigger'; position: XYPosition; data: TriggerNodeData };
/** A condition node. */
export type ConditionGraphNode = { id: string; type: 'condition'; position: XYPosition; data: ConditionNodeData };
/** A group node. */
export type GroupGraphNode = { id: string; type: 'group'; position: XYPosition; data: GroupNodeData };
/** A result node. */
export type ResultGraphNode = { id: string; type: 'result'; position: XYPosition; data: ResultNodeData };
/** Any node of a trigger graph. */
export type GraphNode = TriggerGraphNode | ConditionGraphNode | GroupGraphNode | ResultGraphNode;
/** A node that stands among the conditions: a row or a group. */
export type EntryGraphNode = ConditionGraphNode | GroupGraphNode;
/** The kind of a node. */
export type GraphNodeKind = GraphNode['type'];
/** An edge: row or group → the trigger or a group, or trigger → result. */
export type GraphEdge = { id: string; source: string; target: string };
/** What {@link triggerToGraph} builds. */
export type TriggerGraph = { nodes: GraphNode[]; edges: GraphEdge[] };

type WithOptionalType<N extends GraphNode> = N extends GraphNode
  ? Omit<N, 'type'> & { type?: N['type']; measured?: { width?: number; height?: number } }
  : never;
/**
 * A node as a canvas library may hold it: React Flow's nodes have an optional `type` and extra fields. Its
 * measured size, when it has one, is what the automatic layout places; everything else (selection…) is ignored.
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
  'graph.condition_joined_twice',
  'graph.group_cycle',
  'graph.not_single',
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

/** Which node became which part of the trigger. */
export interface GraphPlacement {
  readonly trigger: string;
  /** The node of each row and group, by its path joined with dots (`all.0`, `all.1.any.0`, `any.0.not`). */
  readonly conditions: Readonly<Record<string, string>>;
  /** Result node ids in the order the results run. */
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

/** Id of the trigger node in graphs built by {@link triggerToGraph}. */
export const TRIGGER_NODE_ID = 'trigger';

const edgeId = (source: string, target: string) => `${source}->${target}`;

/** A JSON copy, so a graph never shares objects with the trigger it came from (or the reverse). */
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The edge joining a node to what it stands in: an entry to the trigger or a group, the trigger to a result. */
export function edgeFor(kind: 'condition' | 'group' | 'result', nodeId: string, parentId: string): GraphEdge {
  return kind === 'result'
    ? { id: edgeId(parentId, nodeId), source: parentId, target: nodeId }
    : { id: edgeId(nodeId, parentId), source: nodeId, target: parentId };
}

/**
 * The graph of a trigger, laid out left to right (conditions → trigger → results) and top to bottom in the
 * trigger's order. Node ids are `trigger`, `condition-<path>` and `group-<path>` (the entry's path joined with
 * dashes: `condition-all-0`, `group-any-1`, `condition-any-1-all-0`) and `result-<i>`.
 */
export function triggerToGraph(trigger: Trigger): TriggerGraph {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const trees = (list: ConditionGroup) =>
    trigger.conditions[list].map((entry, index) => drawEntry(entry, list, [list, index], TRIGGER_NODE_ID, nodes, edges));
  const all = trees('all');
  const any = trees('any');
  nodes.unshift({
    id: TRIGGER_NODE_ID,
    type: 'trigger',
    position: { x: 0, y: 0 },
    data: { title: trigger.title, events: [...trigger.events], enabled: trigger.enabled },
  });
  const results = trigger.results.map((result, index) => {
    const id = `result-${index}`;
    nodes.push({ id, type: 'result', position: { x: 0, y: 0 }, data: { result: copy(result) } });
    edges.push(edgeFor('result', id, TRIGGER_NODE_ID));
    return id;
  });
  const kinds = new Map(nodes.map((node) => [node.id, node.type]));
  const layout = layoutGraph({ all, any, results, trigger: TRIGGER_NODE_ID, size: (id) => usableSize(kinds.get(id) ?? 'condition') });
  for (const node of nodes) node.position = layout.get(node.id) ?? node.position;
  return { nodes, edges };
}

/** Adds the nodes and edges of one entry and everything inside it; positions are set by the caller's layout. */
function drawEntry(
  entry: ConditionEntry,
  group: ConditionGroup,
  path: ConditionPath,
  parentId: string,
  nodes: GraphNode[],
  edges: GraphEdge[],
): LayoutTree {
  const position = { x: 0, y: 0 };
  if (!isGroup(entry)) {
    const id = `condition-${path.join('-')}`;
    nodes.push({ id, type: 'condition', position, data: { group, row: copy(entry) } });
    edges.push(edgeFor('condition', id, parentId));
    return { id, isGroup: false, entries: [] };
  }
  const id = `group-${path.join('-')}`;
  nodes.push({ id, type: 'group', position, data: { group, kind: groupKind(entry) } });
  edges.push(edgeFor('group', id, parentId));
  const entries = groupChildren(entry).map((child) => drawEntry(child.entry, group, [...path, ...child.at], id, nodes, edges));
  return { id, isGroup: true, entries };
}

/** Top to bottom, then left to right, then by id: the order rows and results run in. */
export function compareVertical(a: { id: string; position: XYPosition }, b: { id: string; position: XYPosition }): number {
  return a.position.y - b.position.y || a.position.x - b.position.x || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const KINDS: ReadonlySet<string> = new Set<GraphNodeKind>(['trigger', 'condition', 'group', 'result']);

type NodeOfKind<K extends GraphNodeKind> = Extract<GraphNodeLike, { type?: K }>;
type EntryNodeLike = NodeOfKind<'condition' | 'group'>;

function ofKind<K extends GraphNodeKind>(nodes: readonly GraphNodeLike[], kind: K): NodeOfKind<K>[] {
  return nodes.filter((node): node is NodeOfKind<K> => node.type === kind);
}

const isEntryNode = (node: GraphNodeLike | undefined): node is EntryNodeLike => node?.type === 'condition' || node?.type === 'group';

/** What each row or group node stands in: the target of its one outgoing edge to the trigger or a group. */
export function parentsOf(nodes: readonly GraphNodeLike[], edges: readonly GraphEdge[]): Map<string, string> {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const parents = new Map<string, string>();
  for (const edge of edges) {
    const target = byId.get(edge.target);
    if (isEntryNode(byId.get(edge.source)) && (target?.type === 'trigger' || target?.type === 'group') && !parents.has(edge.source)) {
      parents.set(edge.source, edge.target);
    }
  }
  return parents;
}

/** The entry nodes standing directly in `parentId`, in order; for the trigger node, those of one top-level list. */
export function entriesIn<N extends GraphNodeLike>(nodes: readonly N[], parents: ReadonlyMap<string, string>, parentId: string, list?: ConditionGroup): N[] {
  return nodes
    .filter((node) => isEntryNode(node) && parents.get(node.id) === parentId && (list === undefined || (node as EntryNodeLike).data.group === list))
    .sort(compareVertical);
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
      const message = `node "${node.id}" is of no known kind (${String(node.type)}); use trigger, condition, group or result`;
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

  const parents = new Map<string, string>();
  const joinedResults = new Set<string>();
  for (const edge of graph.edges) {
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    if (!source || !target) {
      const missing = source ? edge.target : edge.source;
      const message = `edge "${edge.id}" points at "${missing}", which is not in the graph`;
      issues.push({ code: 'graph.edge_unknown_node', edgeId: edge.id, message });
      continue;
    }
    const intoEntryParent = isEntryNode(source) && (target.id === hub?.id || target.type === 'group');
    const outOfHub = source.id === hub?.id && target.type === 'result';
    if (intoEntryParent && parents.has(source.id)) {
      const message = `edge "${edge.id}" joins "${source.id}" a second time; a condition stands in one place`;
      issues.push({ code: 'graph.condition_joined_twice', edgeId: edge.id, nodeId: source.id, message });
    } else if (intoEntryParent) parents.set(source.id, target.id);
    else if (outOfHub) joinedResults.add(target.id);
    else {
      const message = `edge "${edge.id}" joins a ${source.type ?? 'node'} to a ${target.type ?? 'node'}; edges run condition or group → group or trigger, and trigger → result`;
      issues.push({ code: 'graph.edge_invalid', edgeId: edge.id, message });
    }
  }

  const entryNodes = graph.nodes.filter(isEntryNode);
  for (const node of entryNodes) {
    if (!parents.has(node.id)) {
      const message = 'this condition is not connected to the trigger; connect it or remove it';
      issues.push({ code: 'graph.condition_dangling', nodeId: node.id, message });
      continue;
    }
    if (node.type === 'group' && standsInItself(node.id, parents)) {
      issues.push({ code: 'graph.group_cycle', nodeId: node.id, message: 'this group stands inside itself' });
    }
    if (node.type === 'group' && node.data.kind === 'not' && entriesIn(entryNodes, parents, node.id).length !== 1) {
      issues.push({ code: 'graph.not_single', nodeId: node.id, message: 'a not group negates exactly one condition or group' });
    }
  }
  const results = ofKind(graph.nodes, 'result').sort(compareVertical);
  for (const node of results) {
    if (!joinedResults.has(node.id)) {
      const message = 'this result is not connected to the trigger; connect it or remove it';
      issues.push({ code: 'graph.result_dangling', nodeId: node.id, message });
    }
  }
  if (hub && results.length === 0) {
    issues.push({ code: 'graph.results_empty', nodeId: hub.id, message: 'a trigger needs at least one result' });
  }
  if (issues.length > 0 || !hub) return { ok: false, issues };

  const placed: Record<string, string> = {};
  const readEntry = (node: EntryNodeLike, path: ConditionPath): ConditionEntry => {
    placed[path.join('.')] = node.id;
    if (node.type === 'condition') return copy(node.data.row);
    const { kind } = node.data as GroupNodeData;
    const inside = entriesIn(entryNodes, parents, node.id);
    if (kind === 'not') return { not: readEntry(inside[0], [...path, 'not']) };
    const entries = inside.map((child, index) => readEntry(child, [...path, kind, index]));
    return kind === 'all' ? { all: entries } : { any: entries };
  };
  const readList = (list: ConditionGroup) =>
    entriesIn(entryNodes, parents, hub.id, list).map((node, index) => readEntry(node, [list, index]));
  const trigger: Trigger = {
    id: base.id,
    title: hub.data.title,
    enabled: hub.data.enabled,
    position: base.position,
    events: [...hub.data.events],
    conditions: { all: readList('all'), any: readList('any') },
    results: results.map((node) => copy(node.data.result)),
  };
  return { ok: true, trigger, placement: { trigger: hub.id, conditions: placed, results: results.map((node) => node.id) } };
}

/** Whether following a group's parents leads back to it. */
function standsInItself(groupId: string, parents: ReadonlyMap<string, string>): boolean {
  const seen = new Set<string>();
  for (let at = parents.get(groupId); at !== undefined && !seen.has(at); at = parents.get(at)) {
    if (at === groupId) return true;
    seen.add(at);
  }
  return false;
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
 * The node an issue of the trigger model or the API points at. Paths into a row, a group or a result land on its
 * node (the innermost one the path names); everything else (title, events, "no conditions", "no results") lands
 * on the trigger node.
 */
export function issueTarget(placement: GraphPlacement, path: readonly (string | number)[]): IssueTarget {
  const [head, group] = path;
  if (head === 'conditions') {
    for (let end = path.length; end > 2; end--) {
      const nodeId = placement.conditions[path.slice(1, end).join('.')];
      if (nodeId !== undefined) return { nodeId, field: path.slice(end) };
    }
  }
  if (head === 'results' && typeof group === 'number') {
    const nodeId = placement.results[group];
    if (nodeId !== undefined) return { nodeId, field: path.slice(2) };
  }
  return { nodeId: placement.trigger, field: path };
}

/**
 * The same nodes laid out again in their current order (the trigger's order), keeping ids, data and edges. The
 * edges say which group each entry stands in; without them every row and group is laid out at the top level.
 * Nodes of unknown kind, and entries in no reachable place (inside a cycle of groups), keep their place.
 */
export function relayout<N extends GraphNodeLike>(nodes: readonly N[], edges: readonly GraphEdge[] = []): N[] {
  const parents = parentsOf(nodes, edges);
  const groupIds = new Set(nodes.filter((node) => node.type === 'group').map((node) => node.id));
  const tree = (node: N, seen: Set<string>): LayoutTree => {
    seen.add(node.id);
    const inside = node.type === 'group' ? entriesIn(nodes, parents, node.id).filter((child) => !seen.has(child.id)) : [];
    return { id: node.id, isGroup: node.type === 'group', entries: inside.map((child) => tree(child, seen)) };
  };
  const seen = new Set<string>();
  const topLevel = (list: ConditionGroup) =>
    nodes
      .filter((node) => isEntryNode(node) && node.data.group === list && !groupIds.has(parents.get(node.id) ?? ''))
      .sort(compareVertical)
      .map((node) => tree(node, seen));
  const results = nodes.filter((node) => node.type === 'result').sort(compareVertical);
  const hub = nodes.find((node) => node.type === 'trigger');
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const placed = layoutGraph({
    all: topLevel('all'),
    any: topLevel('any'),
    results: results.map((node) => node.id),
    trigger: hub?.id,
    size: (id, kind) => usableSize(kind, byId.get(id)?.measured),
  });
  return nodes.map((node) => {
    const position = placed.get(node.id);
    return position ? { ...node, position } : node;
  });
}

/**
 * Moves a node one place up (`-1`) or down (`+1`) among the nodes it is ordered with (the entries of its list or
 * group, or the results), by swapping vertical positions with its neighbour; unchanged at either end.
 */
export function moveNode<N extends GraphNodeLike>(nodes: readonly N[], nodeId: string, direction: -1 | 1, edges: readonly GraphEdge[] = []): N[] {
  const node = nodes.find((candidate) => candidate.id === nodeId);
  if (!node || node.type === 'trigger') return [...nodes];
  const parents = parentsOf(nodes, edges);
  const siblings = isEntryNode(node)
    ? nodes.filter(
        (candidate) =>
          isEntryNode(candidate) &&
          parents.get(candidate.id) === parents.get(node.id) &&
          (nodes.find((other) => other.id === parents.get(node.id))?.type === 'group' || candidate.data.group === node.data.group),
      )
    : nodes.filter((candidate) => candidate.type === node.type);
  siblings.sort(compareVertical);
  const at = siblings.indexOf(node);
  const neighbour = siblings[at + direction];
  if (!neighbour) return [...nodes];
  const swapped = nodes.map((candidate) => {
    if (candidate.id === node.id) return { ...candidate, position: neighbour.position };
    if (candidate.id === neighbour.id) return { ...candidate, position: node.position };
    return candidate;
  });
  return relayout(swapped, edges);
}

/**
 * Adds a row, group or result node at the end of where it goes (the node `parentId`, a group, or by default the
 * trigger node: its group's list, or the results), joined to it, and lays the graph out again. `id` must be new.
 */
export function addNode<N extends GraphNodeLike, E extends GraphEdge>(
  graph: { nodes: readonly N[]; edges: readonly E[] },
  node: EntryGraphNode | ResultGraphNode,
  parentId?: string,
): { nodes: (N | EntryGraphNode | ResultGraphNode)[]; edges: (E | GraphEdge)[] } {
  const hub = graph.nodes.find((candidate) => candidate.type === 'trigger');
  const parent = parentId ?? hub?.id;
  const below = graph.nodes
    .filter((candidate) => (node.type === 'result' ? candidate.type === 'result' : isEntryNode(candidate)))
    .reduce((lowest, candidate) => Math.max(lowest, candidate.position.y), Number.NEGATIVE_INFINITY);
  const placed = { ...node, position: { x: node.position.x, y: Number.isFinite(below) ? below + 1 : 0 } };
  const edges: (E | GraphEdge)[] = parent ? [...graph.edges, edgeFor(node.type, node.id, parent)] : [...graph.edges];
  const nodes = relayout<N | EntryGraphNode | ResultGraphNode>([...graph.nodes, placed], edges);
  return { nodes, edges };
}

/**
 * Removes a node and the edges touching it; a group goes with everything inside it. The trigger node itself is
 * never removed.
 */
export function removeNode<N extends GraphNodeLike, E extends GraphEdge>(
  graph: { nodes: readonly N[]; edges: readonly E[] },
  nodeId: string,
): { nodes: N[]; edges: E[] } {
  const node = graph.nodes.find((candidate) => candidate.id === nodeId);
  if (!node || node.type === 'trigger') return { nodes: [...graph.nodes], edges: [...graph.edges] };
  const parents = parentsOf(graph.nodes, graph.edges);
  const removed = new Set([nodeId]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [child, parent] of parents) {
      if (removed.has(parent) && !removed.has(child)) {
        removed.add(child);
        grew = true;
      }
    }
  }
  return {
    nodes: graph.nodes.filter((candidate) => !removed.has(candidate.id)),
    edges: graph.edges.filter((edge) => !removed.has(edge.source) && !removed.has(edge.target)),
  };
}
