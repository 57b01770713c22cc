/**
 * The open trigger as an editable graph: React Flow's nodes and edges (built by `triggerToGraph`), the selected
 * node, the issues shown on nodes, and whether the drawing differs from what is saved. The graph is read back
 * with `readGraph` on every change, so structural problems (a dangling node, no result) show at once.
 *
 * Every edit of the drawing (adding, removing, moving, joining nodes, changing a node's data) is recorded in a
 * bounded undo history; selecting, measuring and API issues are not edits. The state is kept (see `kept.ts`), so
 * the open drawing and its history outlive a visit to another screen.
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
import { useCallback, useMemo, useRef } from 'react';
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
import type { ConditionRow, GroupKind, ResultType, Trigger } from '../../../rules/model';
import type { TicketEventType } from '../../../domain/ticket';
import { defaultConditionData, defaultGroupData, defaultResultData, type RuleNode } from './nodes';
import type { RuleLookups } from './context';
import { placeGraphIssues, placeTriggerIssues, type IssuesByNode } from './issues';
import { sameJson } from './same-json';
import { clipboardContent, copyToClipboard } from './clipboard';
import { copyFragment, pasteFragment, pasteTarget } from './fragment';
import { emptyHistory, recordEdit, redoEdit, sealHistory, typingKey, undoEdit, type History } from './history';
import { keptScope, useKept } from './kept';
import { useMe } from '../session';

/** What the editor edits: a saved trigger or a new one, under a key that changes when another one opens. */
export interface EditorSession {
  key: string;
  /** The trigger as saved (for a new one: as it will be created), which `dirty` compares against. */
  saved: Trigger;
  isNew: boolean;
}

/** What an undo brings back: the drawing and which node was selected. */
interface Snapshot {
  nodes: RuleNode[];
  edges: Edge[];
  selectedId: string | null;
}

interface EditorState extends Snapshot {
  key: string;
  /** Issues from the API's last refusal, by node; a node's are cleared when it is edited. */
  apiIssues: IssuesByNode;
  history: History<Snapshot>;
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
    history: emptyHistory(),
  };
}

const withSelection = (nodes: RuleNode[], selectedId: string | null) =>
  nodes.map((node) => (Boolean(node.selected) === (node.id === selectedId) ? node : { ...node, selected: node.id === selectedId }));

/** Records `change` as an edit (joining the open step under the same `key`) when it changed the drawing. */
function recorded(change: (state: EditorState) => EditorState, key: string | null = null) {
  return (latest: EditorState): EditorState => {
    const next = change(latest);
    if (next.nodes === latest.nodes && next.edges === latest.edges) return next;
    const before: Snapshot = { nodes: latest.nodes, edges: latest.edges, selectedId: latest.selectedId };
    return { ...next, history: recordEdit(latest.history, before, key) };
  };
}

/** Back (or forward) one step of the history. */
function step(direction: typeof undoEdit) {
  return (latest: EditorState): EditorState => {
    const moved = direction(latest.history, { nodes: latest.nodes, edges: latest.edges, selectedId: latest.selectedId });
    if (!moved) return latest;
    const { nodes, edges, selectedId } = moved.state;
    return { ...latest, edges, selectedId, nodes: withSelection(nodes, selectedId), history: moved.history };
  };
}

let createdNodes = 0;
const freshId = (kind: string) => `${kind}-new-${Date.now().toString(36)}-${(createdNodes++).toString(36)}`;
const rowNode = (group: ConditionGroup, row?: ConditionRow): EntryGraphNode => {
  const data = defaultConditionData(group);
  return { id: freshId('condition'), type: 'condition', position: { x: 0, y: 0 }, data: row ? { ...data, row } : data };
};

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
  canUndo: boolean;
  canRedo: boolean;
  undo: () => void;
  redo: () => void;
  /** Ends the step being typed, so the next keystrokes make a step of their own (another field got focus). */
  seal: () => void;
  /** Copies the selected node (a group with everything inside it); false when nothing copyable is selected. */
  copy: () => boolean;
  /** Pastes the copied node into the selected group, beside the selected node, or onto the trigger. */
  paste: () => void;
  /** Copies the selected node beside itself. */
  duplicate: () => void;
  onNodeDragStart: () => void;
  /** A dropped node snaps into its slot: where it was dropped decides its place in the order. */
  onNodeDragStop: () => void;
  onReconnect: (old: Edge, connection: Connection) => void;
  /** Selects a node from outside the canvas (a new node, the first node with a problem). */
  select: (id: string | null) => void;
  onSelectionChange: (selection: { nodes: RuleNode[] }) => void;
  onNodesChange: (changes: NodeChange<RuleNode>[]) => void;
  onEdgesChange: (changes: EdgeChange[]) => void;
  onConnect: (connection: Connection) => void;
  isValidConnection: (connection: Connection | Edge) => boolean;
  updateData: (id: string, data: RuleNode['data']) => void;
  /** Adds a row (by default "priority is urgent") at the end of a top-level list, or of the group `parentId`. */
  addCondition: (group: ConditionGroup, parentId?: string, row?: ConditionRow) => void;
  /** Adds a group, with one row inside, at the end of the group `parentId`, or of a top-level list (by default must-match). */
  addGroup: (kind: GroupKind, parentId?: string, list?: ConditionGroup) => void;
  /** Adds a result (by default an email notification) at the end. */
  addResult: (type?: ResultType) => void;
  remove: (id: string) => void;
  move: (id: string, direction: -1 | 1) => void;
  tidy: () => void;
  setApiIssues: (issues: IssuesByNode) => void;
  /** Mirrors an enabled flag changed from the trigger list, so it does not count as an unsaved edit. */
  syncEnabled: (enabled: boolean) => void;
}

export function useTriggerEditor(session: EditorSession, lookups: RuleLookups): TriggerEditor {
  const [state, setState] = useKept<EditorState>(`${keptScope(useMe().id, lookups.serviceId)}:editor`, () => initialState(session));
  // Opening another trigger starts over; the same trigger saved again keeps the drawing as it is.
  const current = state.key === session.key ? state : initialState(session);
  if (current !== state) setState(current);

  const update = useCallback((change: (state: EditorState) => EditorState) => setState((latest) => change(latest)), [setState]);
  const edit = useCallback((change: (state: EditorState) => EditorState, key?: string | null) => update(recorded(change, key)), [update]);
  /** Positions while a node is dragged are not edits; the drop is one, from where the drag started. */
  const dragStart = useRef<Snapshot | null>(null);

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
      // Choosing another node or edge ends the step being typed or nudged (a second Delete is a step of its own).
      update((latest) =>
        latest.selectedId === id && latest.history.openKey === null ? latest : { ...latest, selectedId: id, history: sealHistory(latest.history) },
      );
    },
    [update],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<RuleNode>[]) => {
      const removing = changes.some((change) => change.type === 'remove');
      const moving = !dragStart.current && changes.some((change) => change.type === 'position');
      // Delete removes the edges and then the nodes, in two calls: one step; so do nudges with the arrow keys.
      const apply = removing || moving ? (change: (state: EditorState) => EditorState) => edit(change, removing ? 'remove' : 'nudge') : update;
      apply((latest) => {
        // A removed group takes everything inside it along, as the panel's Remove does.
        const removed = new Set<string>();
        for (const change of changes) {
          if (change.type !== 'remove') continue;
          const left = new Set(removeNode({ nodes: latest.nodes, edges: latest.edges }, change.id).nodes.map((node) => node.id));
          for (const node of latest.nodes) if (!left.has(node.id)) removed.add(node.id);
        }
        const applied = applyNodeChanges(changes, latest.nodes).filter((node) => !removed.has(node.id));
        // Measured sizes decide the layout: a node that grows (a value wrapping onto another line) moves the others.
        const nodes = changes.some((change) => change.type === 'dimensions') ? relayout(applied, latest.edges) : applied;
        return {
          ...latest,
          nodes,
          edges: removed.size ? latest.edges.filter((edge) => !removed.has(edge.source) && !removed.has(edge.target)) : latest.edges,
          selectedId: latest.selectedId && removed.has(latest.selectedId) ? null : latest.selectedId,
        };
      });
    },
    [update, edit],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const removing = changes.some((change) => change.type === 'remove');
      const change = (latest: EditorState): EditorState => {
        const edges = applyEdgeChanges(changes, latest.edges);
        const unchanged = edges.length === latest.edges.length && edges.every((edge, index) => edge === latest.edges[index]);
        return unchanged ? latest : { ...latest, edges };
      };
      if (removing) edit(change, 'remove');
      else update(change);
    },
    [update, edit],
  );

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
  const join = (latest: EditorState, connection: Connection, withoutEdge?: string): EditorState => {
    const source = latest.nodes.find((node) => node.id === connection.source);
    const moving = source?.type === 'condition' || source?.type === 'group';
    const parentKinds = new Set(['trigger', 'group']);
    const kept = latest.edges.filter(
      (edge) =>
        edge.id !== withoutEdge &&
        (!moving || edge.source !== connection.source || !parentKinds.has(latest.nodes.find((node) => node.id === edge.target)?.type ?? '')),
    );
    const edges = addEdge({ ...connection, id: `${connection.source}->${connection.target}` }, kept);
    return { ...latest, edges, nodes: moving ? relayout(latest.nodes, edges) : latest.nodes };
  };
  const onConnect = useCallback((connection: Connection) => edit((latest) => join(latest, connection)), [edit]);
  /** An edge end dragged to another node joins there instead. */
  const onReconnect = useCallback((old: Edge, connection: Connection) => edit((latest) => join(latest, connection, old.id)), [edit]);

  const updateData = useCallback(
    (id: string, data: RuleNode['data']) =>
      update((latest) => {
        const before = latest.nodes.find((node) => node.id === id)?.data;
        if (sameJson(before, data)) return latest;
        return recorded((state) => {
          const { [id]: _cleared, ...apiIssues } = state.apiIssues;
          return { ...state, apiIssues, nodes: state.nodes.map((node) => (node.id === id ? ({ ...node, data } as RuleNode) : node)) };
        }, typingKey(id, before, data))(latest);
      }),
    [update],
  );

  /**
   * Adds nodes in order, each into its parent (by default the trigger), and selects the last: for a new group, the
   * row inside it, which is what gets edited next.
   */
  const insert = useCallback(
    (...added: { node: Parameters<typeof addNode>[1]; parentId?: string }[]) =>
      edit((latest) => {
        let graph: { nodes: RuleNode[]; edges: Edge[] } = { nodes: latest.nodes, edges: latest.edges };
        for (const { node, parentId } of added) {
          const next = addNode(graph, node, parentId);
          graph = { nodes: next.nodes as RuleNode[], edges: next.edges as Edge[] };
        }
        const selectedId = added[added.length - 1].node.id;
        return { ...latest, nodes: withSelection(graph.nodes, selectedId), edges: graph.edges, selectedId };
      }),
    [edit],
  );
  const addCondition = useCallback(
    (group: ConditionGroup, parentId?: string, row?: ConditionRow) => insert({ node: rowNode(group, row), parentId }),
    [insert],
  );
  const addGroup = useCallback(
    (kind: GroupKind, parentId?: string, list?: ConditionGroup) => {
      const group = (current.nodes.find((node) => node.id === parentId)?.data as { group?: ConditionGroup } | undefined)?.group ?? list ?? 'all';
      const node: EntryGraphNode = { id: freshId('group'), type: 'group', position: { x: 0, y: 0 }, data: defaultGroupData(group, kind) };
      insert({ node, parentId }, { node: rowNode(group), parentId: node.id });
    },
    [insert, current.nodes],
  );
  const addResult = useCallback(
    (type: ResultType = 'notifyEmail') => insert({ node: { id: freshId('result'), type: 'result', position: { x: 0, y: 0 }, data: defaultResultData(type, lookups) } }),
    [insert, lookups],
  );

  const remove = useCallback(
    (id: string) =>
      edit((latest) => {
        const graph = removeNode({ nodes: latest.nodes, edges: latest.edges }, id);
        const { [id]: _gone, ...apiIssues } = latest.apiIssues;
        return { ...latest, ...graph, apiIssues, selectedId: latest.selectedId === id ? null : latest.selectedId };
      }),
    [edit],
  );
  const move = useCallback(
    (id: string, direction: -1 | 1) => edit((latest) => ({ ...latest, nodes: unlessSamePlaces(latest.nodes, moveNode(latest.nodes, id, direction, latest.edges)) })),
    [edit],
  );
  const tidy = useCallback(() => edit((latest) => ({ ...latest, nodes: unlessSamePlaces(latest.nodes, relayout(latest.nodes, latest.edges)) })), [edit]);
  const onNodeDragStart = useCallback(() => {
    dragStart.current = { nodes: current.nodes, edges: current.edges, selectedId: current.selectedId };
  }, [current.nodes, current.edges, current.selectedId]);
  const onNodeDragStop = useCallback(() => {
    const before = dragStart.current;
    dragStart.current = null;
    update((latest) => {
      const nodes = relayout(latest.nodes, latest.edges);
      const moved = !before || nodes.some((node, index) => !samePlace(node, before.nodes[index]));
      return { ...latest, nodes, history: moved && before ? recordEdit(latest.history, before) : latest.history };
    });
  }, [update]);

  const undo = useCallback(() => update(step(undoEdit)), [update]);
  const redo = useCallback(() => update(step(redoEdit)), [update]);
  const seal = useCallback(() => update((latest) => (latest.history.openKey === null ? latest : { ...latest, history: sealHistory(latest.history) })), [update]);

  const copy = useCallback(() => {
    const fragment = current.selectedId ? copyFragment(current, current.selectedId) : null;
    if (fragment) copyToClipboard(fragment);
    return fragment !== null;
  }, [current]);
  const pasteCopy = useCallback(
    (fragment: ReturnType<typeof clipboardContent>, mode: 'into' | 'beside') =>
      edit((latest) => {
        const target = fragment && pasteTarget(latest, fragment, latest.selectedId, mode);
        if (!fragment || !target) return latest;
        const pasted = pasteFragment(latest, fragment, target, freshId);
        return { ...latest, nodes: withSelection(pasted.nodes as RuleNode[], pasted.rootId), edges: pasted.edges as Edge[], selectedId: pasted.rootId };
      }),
    [edit],
  );
  const paste = useCallback(() => pasteCopy(clipboardContent(), 'into'), [pasteCopy]);
  const duplicate = useCallback(
    () => pasteCopy(current.selectedId ? copyFragment(current, current.selectedId) : null, 'beside'),
    [pasteCopy, current],
  );
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
    canUndo: current.history.past.length > 0,
    canRedo: current.history.future.length > 0,
    undo,
    redo,
    seal,
    copy,
    paste,
    duplicate,
    onNodeDragStart,
    onNodeDragStop,
    onReconnect,
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

const samePlace = (a: RuleNode, b: RuleNode | undefined) => b !== undefined && a.id === b.id && a.position.x === b.position.x && a.position.y === b.position.y;

/** The nodes as they were when laying them out again put every node where it stood (no edit to record). */
function unlessSamePlaces(before: RuleNode[], after: RuleNode[]): RuleNode[] {
  return after.length === before.length && after.every((node, index) => samePlace(node, before[index])) ? before : after;
}
