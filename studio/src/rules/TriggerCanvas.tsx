/**
 * The open trigger on React Flow: conditions (left) → trigger → results (right, numbered in the order they run).
 * Optional rows are drawn with dashed edges; edges the graph refuses are drawn red.
 */
import { Background, BackgroundVariant, Controls, Panel, ReactFlow, type Edge } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo } from 'react';
import { nodeTypes, type RuleNode } from './nodes';
import { Icon } from '../components/icons';
import { CanvasStateProvider, type CanvasState } from './context';
import type { TriggerEditor } from './useTriggerEditor';

export function TriggerCanvas({ editor, sessionKey }: { editor: TriggerEditor; sessionKey: string }) {
  const canvasState = useMemo<CanvasState>(
    () => ({ issues: editor.issues, resultOrder: editor.resultOrder, events: editor.events }),
    [editor.issues, editor.resultOrder, editor.events],
  );

  const edges = useMemo<Edge[]>(() => {
    const byId = new Map(editor.nodes.map((node) => [node.id, node]));
    return editor.edges.map((edge) => {
      const source = byId.get(edge.source);
      const optional = source?.type === 'condition' && source.data.group === 'any';
      const order = editor.resultOrder[edge.target];
      return {
        ...edge,
        className: [optional ? 'edge-any' : '', editor.invalidEdgeIds.has(edge.id) ? 'edge-invalid' : ''].filter(Boolean).join(' ') || undefined,
        label: order === undefined ? undefined : String(order),
        labelBgPadding: [5, 2] as [number, number],
        labelBgBorderRadius: 8,
        labelClassName: 'edge-order',
      };
    });
  }, [editor.edges, editor.nodes, editor.resultOrder, editor.invalidEdgeIds]);

  return (
    <CanvasStateProvider value={canvasState}>
      <ReactFlow<RuleNode, Edge>
        key={sessionKey}
        nodes={editor.nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={editor.onNodesChange}
        onEdgesChange={editor.onEdgesChange}
        onConnect={editor.onConnect}
        isValidConnection={editor.isValidConnection}
        // A dropped node snaps into its slot: where it was dropped decides its place in the order, the layout stays tidy.
        onNodeDragStop={editor.tidy}
        onSelectionChange={editor.onSelectionChange}
        deleteKeyCode={['Backspace', 'Delete']}
        fitView
        fitViewOptions={{ padding: 0.1, maxZoom: 1.1 }}
        minZoom={0.3}
        proOptions={{ hideAttribution: true }}
      >
        <Background variant={BackgroundVariant.Dots} gap={18} size={1.2} color="var(--border-strong)" />
        <Controls showInteractive={false} />
        <Panel position="top-left" className="canvas-toolbar">
          <button type="button" className="button small" onClick={() => editor.addCondition('all')} title="Add a must-match row · 필수 조건 추가">
            <Icon name="plus" size={13} /> Condition AND · 필수
          </button>
          <button type="button" className="button small" onClick={() => editor.addCondition('any')} title="Add an optional row · 선택 조건 추가">
            <Icon name="plus" size={13} /> Condition OR · 선택
          </button>
          <button type="button" className="button small" onClick={editor.addResult} title="Add a result at the end · 결과 추가">
            <Icon name="plus" size={13} /> Result · 결과
          </button>
          <button type="button" className="button small" onClick={editor.tidy} title="Lay the graph out again in its current order · 자동 정렬">
            <Icon name="layout" size={13} /> Tidy · 정렬
          </button>
        </Panel>
        <Panel position="bottom-center" className="canvas-note">
          Conditions → trigger → results, run top to bottom · Drag a node up or down to reorder · Delete removes the selected node or edge
        </Panel>
      </ReactFlow>
    </CanvasStateProvider>
  );
}
