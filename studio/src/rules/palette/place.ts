/**
 * Where a node inserted from the palette goes, from the node it is aimed at (the selected node, or the node under
 * the pointer where it is dropped): into that group; beside that row, in the group or list it stands in; at the
 * top of the must-match list when aimed at the trigger, a result or nothing. A Not group already negating
 * something takes nothing more, so an entry aimed at it goes beside it. Pure, so it is tested on its own.
 */
import type { ConditionGroup, GraphEdge, GraphNodeLike } from '../../../../rules/graph';

/** A row or group goes into the group `parentId`, or (without one) into the trigger's list `list`. */
export interface InsertPlace {
  readonly parentId?: string;
  readonly list: ConditionGroup;
}

export function insertPlace(nodes: readonly GraphNodeLike[], edges: readonly GraphEdge[], aimedAt: string | null): InsertPlace {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const parentOf = (id: string) => {
    const edge = edges.find((candidate) => candidate.source === id && ['group', 'trigger'].includes(byId.get(candidate.target)?.type ?? ''));
    return edge ? byId.get(edge.target) : undefined;
  };
  const beside = (id: string, list: ConditionGroup, seen: Set<string>): InsertPlace => {
    const parent = parentOf(id);
    return parent?.type === 'group' ? into(parent.id, seen) : { list };
  };
  const into = (id: string, seen: Set<string>): InsertPlace => {
    const node = byId.get(id);
    if (!node || seen.has(id)) return { list: 'all' };
    seen.add(id);
    if (node.type === 'condition') return beside(id, node.data.group, seen);
    if (node.type !== 'group') return { list: 'all' };
    const full = node.data.kind === 'not' && edges.some((edge) => edge.target === id && byId.has(edge.source));
    return full ? beside(id, node.data.group, seen) : { parentId: id, list: node.data.group };
  };
  return aimedAt === null ? { list: 'all' } : into(aimedAt, new Set());
}
