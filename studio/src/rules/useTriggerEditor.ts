/**
 * The open trigger as an editable graph: React Flow's nodes and edges (built by `triggerToGraph`), the selected
 * node, the issues shown on nodes, and whether the drawing differs from what is saved. The graph is read back
 * with `readGraph` on every change, so structural problems (a dangling node, no result) show at once.
 */
import {
  addEdge,
  applyEdgeChanges,
  applyNodeChanges,
  type Connection,
  type Edge,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import { useCallback, useMemo, useState } from 'react';
import {
  addNode,
  moveNode,
  readGraph,
  relayout,
  removeNode,
  triggerToGraph,
  type ConditionGroup,
  type EntryGraphNode,
  type GraphReading,
} from '../../../rules/graph';
import type { GroupKind, Trigger } from '../../../rules/model';
import type { TicketEventType } from '../../../domain/ticket';
import { defaultConditionData, defaultGroupData, defaultResultData, type RuleNode } from './nodes';
import type { RuleLookups } from './context';
import { placeGraphIssues, placeTriggerIssues, type IssuesByNode } from './issues';
import { sameJson } from './same-json';

/** What the editor edits: a saved trigger or a new one, under a key that changes when another one opens. */
export interface EditorSession {
  key: string;
  /** The trigger as saved (for a new one: as it will be created), which `dirty` compares against. */
  saved: Trigger;
  isNew: boolean;
}

interface EditorState {
  key: string;
  nodes: RuleNode[];
  edges: Edge[];
  selectedId: string | null;
  /** Issues from the API's last refusal, by node; a node's are cleared when it is edited. */
  apiIssues: IssuesByNode;
}

function initialState(session: EditorSession): EditorState {
  const graph = triggerToGraph(session.saved);
  const selectedId = graph.nodes[0]?.id ?? null;
  return {
    key: session.key,
    nodes: graph.nodes.map((node) => ({ ...node, selected: node.id === selectedId, ...(node.type === 'trigger' ? { deletable: false } : {}) })) as RuleNode[],
    edges: graph.edges,
    selectedId,
    apiIssues: {},
  };
}

let createdNodes = 0;
const freshId = (kind: string) => `${kind}-new-${Date.now().toString(36)}-${(createdNodes++).toString(36)}`;
const rowNode = (group: ConditionGroup): EntryGraphNode => ({ id: freshId('condition'), type: 'condition', position: { x: 0, y: 0 }, data: defaultConditionData(group) });

export interface TriggerEditor {
  nodes: RuleNode[];
  edges: Edge[];
  selectedId: string | null;
  selected: RuleNode | null;
  reading: GraphReading;
  dirty: boolean;
  issues: IssuesByNode;
  issueCount: number;
  /** Issues found in the browser (the drawing, the API's schemas and checks): saving waits until there are none. */
  blockingIssueCount: number;
  /** 1-based place of each connected result node in the order results run. */
  resultOrder: Record<string, number>;
  /** The kind of the group each nested row or group stands in. */
  standsIn: Record<string, GroupKind>;
  events: TicketEventType[];
  invalidEdgeIds: ReadonlySet<string>;
  /** Selects a node from outside the canvas (a new node, the first node with a problem). */
  select: (id: string | null) => void;
  onSelectionChange: (selection: { nodes: RuleNode[] }) => void;
  onNodesChange: (changes: NodeChange<RuleNode>[]) => void;
  onEdgesChange: (changes: EdgeChange[]) => void;
  onConnect: (connection: Connection) => void;
  isValidConnection: (connection: Connection | Edge) => boolean;
  updateData: (id: string, data: RuleNode['data']) => void;
  /** Adds a row at the end of a top-level list, or of the group `parentId`. */
  addCondition: (group: ConditionGroup, parentId?: string) => void;
  /** Adds a group, with one row inside, at the end of a top-level must-match list or of the group `parentId`. */
  addGroup: (kind: GroupKind, parentId?: string) => void;
  addResult: () => void;
  remove: (id: string) => void;
  move: (id: string, direction: -1 | 1) => void;
  tidy: () => void;
  setApiIssues: (issues: IssuesByNode) => void;
  /** Mirrors an enabled flag changed from the trigger list, so it does not count as an unsaved edit. */
  syncEnabled: (enabled: boolean) => void;
}

export function useTriggerEditor(session: EditorSession, lookups: RuleLookups): TriggerEditor {
  const [state, setState] = useState<EditorState>(() => initialState(session));
  // Opening another trigger starts over; the same trigger saved again keeps the drawing as it is.
  const current = state.key === session.key ? state : initialState(session);
  if (current !== state) setState(current);

  const update = useCallback((change: (state: EditorState) => EditorState) => setState((latest) => change(latest)), []);

  const reading = useMemo(
    () => readGraph({ nodes: current.nodes, edges: current.edges }, { id: session.saved.id, position: session.saved.position }),
    [current.nodes, current.edges, session.saved.id, session.saved.position],
  );
  const dirty = session.isNew || !reading.ok || !sameJson(reading.trigger, session.saved);

  const hubId = current.nodes.find((node) => node.type === 'trigger')?.id ?? 'trigger';
  // What the browser finds itself (the drawing, then the API's own schemas) blocks saving; the API's refusals do not.
  const localIssues = useMemo(
    () => (reading.ok ? placeTriggerIssues(reading.trigger, reading.placement) : placeGraphIssues(reading.issues, hubId)),
    [reading, hubId],
  );
  const issues = useMemo(() => {
    const merged: IssuesByNode = {};
    for (const source of [localIssues, current.apiIssues]) {
      for (const [nodeId, list] of Object.entries(source)) (merged[nodeId] ??= []).push(...list);
    }
    return merged;
  }, [localIssues, current.apiIssues]);
  const count = (byNode: IssuesByNode) => Object.values(byNode).reduce((sum, list) => sum + list.length, 0);
  const issueCount = count(issues);
  const blockingIssueCount = count(localIssues);
  const invalidEdgeIds = useMemo(
    () => new Set(reading.ok ? [] : reading.issues.flatMap((issue) => (issue.edgeId ? [issue.edgeId] : []))),
    [reading],
  );

  const resultOrder = useMemo(() => {
    if (reading.ok) return Object.fromEntries(reading.placement.results.map((id, index) => [id, index + 1]));
    // While the graph does not read, number the connected results by position so the canvas still shows order.
    const connected = new Set(current.edges.filter((edge) => edge.source === hubId).map((edge) => edge.target));
    const ordered = current.nodes
      .filter((node) => node.type === 'result' && connected.has(node.id))
      .sort((a, b) => a.position.y - b.position.y || a.position.x - b.position.x);
    return Object.fromEntries(ordered.map((node, index) => [node.id, index + 1]));
  }, [reading, current.nodes, current.edges, hubId]);

  const hub = current.nodes.find((node) => node.type === 'trigger');
  const events = hub?.type === 'trigger' ? hub.data.events : [];

  const standsIn = useMemo(() => {
    const kinds = new Map(current.nodes.flatMap((node) => (node.type === 'group' ? [[node.id, node.data.kind] as const] : [])));
    const placed: Record<string, GroupKind> = {};
    for (const edge of current.edges) {
      const kind = kinds.get(edge.target);
      if (kind !== undefined) placed[edge.source] = kind;
    }
    return placed;
  }, [current.nodes, current.edges]);

  const select = useCallback(
    (id: string | null) =>
      update((latest) =>
        latest.selectedId === id && latest.nodes.every((node) => Boolean(node.selected) === (node.id === id))
          ? latest
          : { ...latest, selectedId: id, nodes: latest.nodes.map((node) => (Boolean(node.selected) === (node.id === id) ? node : { ...node, selected: node.id === id })) },
      ),
    [update],
  );

  /** React Flow reports its own selection (click, box select); it already set the nodes' `selected` flags. */
  const onSelectionChange = useCallback(
    ({ nodes }: { nodes: RuleNode[] }) => {
      const id = nodes[0]?.id ?? null;
      update((latest) => (latest.selectedId === id ? latest : { ...latest, selectedId: id }));
    },
    [update],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<RuleNode>[]) =>
      update((latest) => {
        // A removed group takes everything inside it along, as the panel's Remove does.
        const removed = new Set<string>();
        for (const change of changes) {
          if (change.type !== 'remove') continue;
          const left = new Set(removeNode({ nodes: latest.nodes, edges: latest.edges }, change.id).nodes.map((node) => node.id));
          for (const node of latest.nodes) if (!left.has(node.id)) removed.add(node.id);
        }
        const nodes = applyNodeChanges(changes, latest.nodes).filter((node) => !removed.has(node.id));
        return {
          ...latest,
          nodes,
          edges: removed.size ? latest.edges.filter((edge) => !removed.has(edge.source) && !removed.has(edge.target)) : latest.edges,
          selectedId: latest.selectedId && removed.has(latest.selectedId) ? null : latest.selectedId,
        };
      }),
    [update],
  );

  const onEdgesChange = useCallback((changes: EdgeChange[]) => update((latest) => ({ ...latest, edges: applyEdgeChanges(changes, latest.edges) })), [update]);

  const kindOf = useCallback((id: string) => current.nodes.find((node) => node.id === id)?.type, [current.nodes]);
  const isValidConnection = useCallback(
    (connection: Connection | Edge) => {
      const source = kindOf(connection.source);
      const target = kindOf(connection.target);
      const entry = source === 'condition' || source === 'group';
      return (entry && connection.source !== connection.target && (target === 'trigger' || target === 'group')) || (source === 'trigger' && target === 'result');
    },
    [kindOf],
  );
  /** A row or group stands in one place: joining it somewhere new moves it there. */
  const onConnect = useCallback(
    (connection: Connection) =>
      update((latest) => {
        const source = latest.nodes.find((node) => node.id === connection.source);
        const moving = source?.type === 'condition' || source?.type === 'group';
        const parentKinds = new Set(['trigger', 'group']);
        const kept = moving
          ? latest.edges.filter((edge) => edge.source !== connection.source || !parentKinds.has(latest.nodes.find((node) => node.id === edge.target)?.type ?? ''))
          : latest.edges;
        const edges = addEdge({ ...connection, id: `${connection.source}->${connection.target}` }, kept);
        return { ...latest, edges, nodes: moving ? relayout(latest.nodes, edges) : latest.nodes };
      }),
    [update],
  );

  const updateData = useCallback(
    (id: string, data: RuleNode['data']) =>
      update((latest) => {
        const { [id]: _cleared, ...apiIssues } = latest.apiIssues;
        return { ...latest, apiIssues, nodes: latest.nodes.map((node) => (node.id === id ? ({ ...node, data } as RuleNode) : node)) };
      }),
    [update],
  );

  /** Adds nodes in order, each into its parent (by default the trigger), and selects the first. */
  const insert = useCallback(
    (...added: { node: Parameters<typeof addNode>[1]; parentId?: string }[]) =>
      update((latest) => {
        let graph: { nodes: RuleNode[]; edges: Edge[] } = { nodes: latest.nodes, edges: latest.edges };
        for (const { node, parentId } of added) {
          const next = addNode(graph, node, parentId);
          graph = { nodes: next.nodes as RuleNode[], edges: next.edges as Edge[] };
        }
        const selectedId = added[0].node.id;
        const nodes = graph.nodes.map((candidate) => ({ ...candidate, selected: candidate.id === selectedId }));
        return { ...latest, nodes, edges: graph.edges, selectedId };
      }),
    [update],
  );
  const addCondition = useCallback((group: ConditionGroup, parentId?: string) => insert({ node: rowNode(group), parentId }), [insert]);
  const addGroup = useCallback(
    (kind: GroupKind, parentId?: string) => {
      const group = (current.nodes.find((node) => node.id === parentId)?.data as { group?: ConditionGroup } | undefined)?.group ?? 'all';
      const node: EntryGraphNode = { id: freshId('group'), type: 'group', position: { x: 0, y: 0 }, data: defaultGroupData(group, kind) };
      insert({ node, parentId }, { node: rowNode(group), parentId: node.id });
    },
    [insert, current.nodes],
  );
  const addResult = useCallback(
    () => insert({ node: { id: freshId('result'), type: 'result', position: { x: 0, y: 0 }, data: defaultResultData('notifyEmail', lookups) } }),
    [insert, lookups],
  );

  const remove = useCallback(
    (id: string) =>
      update((latest) => {
        const graph = removeNode({ nodes: latest.nodes, edges: latest.edges }, id);
        const { [id]: _gone, ...apiIssues } = latest.apiIssues;
        return { ...latest, ...graph, apiIssues, selectedId: latest.selectedId === id ? null : latest.selectedId };
      }),
    [update],
  );
  const move = useCallback(
    (id: string, direction: -1 | 1) => update((latest) => ({ ...latest, nodes: moveNode(latest.nodes, id, direction, latest.edges) })),
    [update],
  );
  const tidy = useCallback(() => update((latest) => ({ ...latest, nodes: relayout(latest.nodes, latest.edges) })), [update]);
  const setApiIssues = useCallback((apiIssues: IssuesByNode) => update((latest) => ({ ...latest, apiIssues })), [update]);
  const syncEnabled = useCallback(
    (enabled: boolean) =>
      update((latest) => ({
        ...latest,
        nodes: latest.nodes.map((node) => (node.type === 'trigger' ? { ...node, data: { ...node.data, enabled } } : node)),
      })),
    [update],
  );

  return {
    nodes: current.nodes,
    edges: current.edges,
    selectedId: current.selectedId,
    selected: current.nodes.find((node) => node.id === current.selectedId) ?? null,
    reading,
    dirty,
    issues,
    issueCount,
    blockingIssueCount,
    resultOrder,
    standsIn,
    events,
    invalidEdgeIds,
    select,
    onSelectionChange,
    onNodesChange,
    onEdgesChange,
    onConnect,
    isValidConnection,
    updateData,
    addCondition,
    addGroup,
    addResult,
    remove,
    move,
    tidy,
    setApiIssues,
    syncEnabled,
  };
}
