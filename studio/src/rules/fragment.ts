/**
 * Copy and paste on the trigger graph, pure: a copied node (a row, a group with everything inside it, or a result)
 * is a fragment of plain JSON that can be pasted into any trigger, with new ids, joined to a sensible place.
 */
import {
  addNode,
  entriesIn,
  parentsOf,
  type ConditionGroup,
  type EntryGraphNode,
  type GraphEdge,
  type GraphNodeLike,
  type ResultGraphNode,
} from '../../../rules/graph';

type PastableNode = EntryGraphNode | ResultGraphNode;

/** Copied nodes, root first and then each group's entries in order; `parents` joins each non-root node to its group. */
export interface Fragment {
  readonly nodes: readonly PastableNode[];
  readonly parents: Readonly<Record<string, string>>;
}

type Graph<N extends GraphNodeLike, E extends GraphEdge> = { nodes: readonly N[]; edges: readonly E[] };

const plain = (node: GraphNodeLike): PastableNode => JSON.parse(JSON.stringify({ id: node.id, type: node.type, position: node.position, data: node.data })) as PastableNode;

/** The node `id` and, for a group, everything inside it; `null` for the trigger node or an unknown id. */
export function copyFragment(graph: Graph<GraphNodeLike, GraphEdge>, id: string): Fragment | null {
  const root = graph.nodes.find((node) => node.id === id);
  if (!root || (root.type !== 'condition' && root.type !== 'group' && root.type !== 'result')) return null;
  const parents = parentsOf(graph.nodes, graph.edges);
  const nodes: PastableNode[] = [];
  const inside: Record<string, string> = {};
  const visit = (node: GraphNodeLike, seen: Set<string>) => {
    seen.add(node.id);
    nodes.push(plain(node));
    if (node.type !== 'group') return;
    for (const child of entriesIn(graph.nodes, parents, node.id)) {
      if (seen.has(child.id)) continue;
      inside[child.id] = node.id;
      visit(child, seen);
    }
  };
  visit(root, new Set());
  return { nodes, parents: inside };
}

/** Where a fragment is pasted: the node it is joined to, and the top-level list it lands in when that is the trigger. */
export interface PasteTarget {
  readonly parentId: string;
  readonly list: ConditionGroup;
}

/**
 * Where a fragment goes when `selectedId` is selected: results join the trigger; rows and groups go into a
 * selected group (`into`) or beside the selected node, in the group or list it stands in. A Not group already
 * holding its one entry passes them on to where it stands.
 */
export function pasteTarget(graph: Graph<GraphNodeLike, GraphEdge>, fragment: Fragment, selectedId: string | null, mode: 'into' | 'beside'): PasteTarget | null {
  const hub = graph.nodes.find((node) => node.type === 'trigger');
  const root = fragment.nodes[0];
  if (!hub || !root) return null;
  const fallback: ConditionGroup = root.type === 'result' ? 'all' : root.data.group;
  if (root.type === 'result') return { parentId: hub.id, list: fallback };
  const parents = parentsOf(graph.nodes, graph.edges);
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const selected = selectedId === null ? undefined : byId.get(selectedId);
  if (!selected || (selected.type !== 'condition' && selected.type !== 'group')) return { parentId: hub.id, list: fallback };
  let at: string | undefined = mode === 'into' && selected.type === 'group' ? selected.id : parents.get(selected.id);
  let list: ConditionGroup = selected.data.group;
  for (let node = at === undefined ? undefined : byId.get(at); node?.type === 'group'; node = at === undefined ? undefined : byId.get(at)) {
    const full = node.data.kind === 'not' && entriesIn(graph.nodes, parents, node.id).length > 0;
    if (!full) break;
    list = node.data.group;
    at = parents.get(node.id);
  }
  return { parentId: at ?? hub.id, list };
}

/**
 * The graph with the fragment added at the end of `target`, every node under a new id from `freshId`, and the id
 * the copy of the fragment's root got.
 */
export function pasteFragment<N extends GraphNodeLike, E extends GraphEdge>(
  graph: Graph<N, E>,
  fragment: Fragment,
  target: PasteTarget,
  freshId: (kind: PastableNode['type']) => string,
): { nodes: (N | PastableNode)[]; edges: (E | GraphEdge)[]; rootId: string } {
  const ids = new Map(fragment.nodes.map((node) => [node.id, freshId(node.type)]));
  let pasted: { nodes: (N | PastableNode)[]; edges: (E | GraphEdge)[] } = { nodes: [...graph.nodes], edges: [...graph.edges] };
  for (const node of fragment.nodes) {
    const parent = fragment.parents[node.id];
    const copy = { ...plain(node), id: ids.get(node.id) ?? node.id } as PastableNode;
    const placed: PastableNode = copy.type === 'result' ? copy : ({ ...copy, data: { ...copy.data, group: target.list } } as EntryGraphNode);
    pasted = addNode(pasted, placed, parent === undefined ? target.parentId : ids.get(parent));
  }
  return { ...pasted, rootId: ids.get(fragment.nodes[0]?.id ?? '') ?? '' };
}
