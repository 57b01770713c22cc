/**
 * Moving between the nodes of a trigger graph with the keyboard, along the drawing: right goes where a node flows
 * (a row or group into its group or the trigger, the trigger to its first result), left back to what flows in (a
 * group's or the trigger's first entry, a result's trigger), up and down to the previous and next node standing
 * in the same place, and Tab through every node in reading order (conditions top to bottom, each group before its
 * entries, then the trigger, then the results). Pure, so it is tested on its own.
 */
import { compareVertical, type GraphEdge, type GraphNodeLike } from '../../../rules/graph';

export type NavigationKey = 'left' | 'right' | 'up' | 'down' | 'next' | 'previous';

/** The node a key leads to from `fromId`, or undefined when there is none that way. */
export function neighbourOf(nodes: readonly GraphNodeLike[], edges: readonly GraphEdge[], fromId: string, key: NavigationKey): string | undefined {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const hub = nodes.find((node) => node.type === 'trigger');
  const isEntry = (node: GraphNodeLike | undefined) => node?.type === 'condition' || node?.type === 'group';
  const parents = new Map<string, string>();
  for (const edge of edges) {
    const target = byId.get(edge.target);
    if (isEntry(byId.get(edge.source)) && (target?.type === 'group' || target?.type === 'trigger') && !parents.has(edge.source)) parents.set(edge.source, edge.target);
  }
  const listRank = (node: GraphNodeLike) => (node.type === 'condition' || node.type === 'group' ? (node.data.group === 'all' ? 0 : 1) : 0);
  const entriesOf = (parentId: string | undefined) =>
    nodes
      .filter((node) => isEntry(node) && parents.get(node.id) === parentId)
      .sort((a, b) => (parentId === hub?.id ? listRank(a) - listRank(b) : 0) || compareVertical(a, b));
  const results = nodes.filter((node) => node.type === 'result').sort(compareVertical);
  const from = byId.get(fromId);
  if (!from) return undefined;

  if (key === 'next' || key === 'previous') {
    const order: string[] = [];
    const visit = (node: GraphNodeLike) => {
      order.push(node.id);
      for (const entry of entriesOf(node.id)) visit(entry);
    };
    for (const entry of entriesOf(hub?.id)) visit(entry);
    // Rows and groups joined nowhere still take part, after the joined ones.
    for (const node of nodes) if (isEntry(node) && !order.includes(node.id)) order.push(node.id);
    if (hub) order.push(hub.id);
    order.push(...results.map((node) => node.id));
    return order[order.indexOf(fromId) + (key === 'next' ? 1 : -1)];
  }
  if (from.type === 'trigger') return key === 'right' ? results[0]?.id : key === 'left' ? entriesOf(from.id)[0]?.id : undefined;
  if (from.type === 'result') {
    if (key === 'left') return hub?.id;
    if (key === 'right') return undefined;
    return results[results.indexOf(from) + (key === 'down' ? 1 : -1)]?.id;
  }
  if (key === 'right') return parents.get(fromId);
  if (key === 'left') return from.type === 'group' ? entriesOf(fromId)[0]?.id : undefined;
  const siblings = entriesOf(parents.get(fromId));
  return siblings[siblings.indexOf(from) + (key === 'down' ? 1 : -1)]?.id;
}
