/**
 * Rule studio preview: a trigger drawn as a graph (condition → ordered results) on React Flow. Saving
 * and publishing arrive with the trigger API; the graph is already the plain JSON the compiler reads.
 */
import {
  applyEdgeChanges,
  applyNodeChanges,
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  type Edge,
  type OnEdgesChange,
  type OnNodesChange,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useState } from 'react';
import { ConditionPanel, nodeTypes, ResultPanel, type TriggerNode } from '../../nodes';
import { Icon } from '../components/icons';
import { sampleEdges, sampleNodes } from './sampleTrigger';

export default function RuleStudio() {
  return (
    <ReactFlowProvider>
      <RuleCanvas />
    </ReactFlowProvider>
  );
}

function RuleCanvas() {
  const [nodes, setNodes] = useState<TriggerNode[]>(sampleNodes);
  const [edges, setEdges] = useState<Edge[]>(sampleEdges);
  const [selectedId, setSelectedId] = useState<string | null>('when');
  const [showJson, setShowJson] = useState(false);

  const onNodesChange: OnNodesChange<TriggerNode> = useCallback((changes) => setNodes((current) => applyNodeChanges(changes, current)), []);
  const onEdgesChange: OnEdgesChange = useCallback((changes) => setEdges((current) => applyEdgeChanges(changes, current)), []);
  const selected = nodes.find((node) => node.id === selectedId) ?? null;

  const updateData = (id: string, data: TriggerNode['data']) =>
    setNodes((current) => current.map((node) => (node.id === id ? ({ ...node, data } as TriggerNode) : node)));

  return (
    <div className="rule-studio">
      <aside className="rule-list" aria-label="Triggers">
        <div className="rule-list-head">
          <h2>Triggers · 트리거</h2>
          <span className="pill">Preview</span>
        </div>
        <p className="muted small">Triggers run top to bottom when a ticket is created or updated. The last assignment wins.</p>
        <ul>
          <li className="rule-item active">
            <span className="rule-switch on" aria-label="Enabled" />
            <span>
              <strong>결제 문의 자동 배정</strong>
              <span className="muted small">Bank transfer → 결제 / 예시01</span>
            </span>
          </li>
          <li className="rule-item">
            <span className="rule-switch" aria-label="Disabled" />
            <span>
              <strong>긴급 문의 알림</strong>
              <span className="muted small">Urgent → notify group</span>
            </span>
          </li>
        </ul>
      </aside>
      <section className="rule-canvas" aria-label="Trigger graph">
        <ReactFlow<TriggerNode, Edge>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onSelectionChange={({ nodes: picked }) => picked[0] && setSelectedId(picked[0].id)}
          fitView
          fitViewOptions={{ padding: 0.25 }}
          proOptions={{ hideAttribution: true }}
        >
          <Background variant={BackgroundVariant.Dots} gap={18} size={1.2} color="var(--border-strong)" />
          <Controls showInteractive={false} />
          <MiniMap pannable zoomable nodeStrokeWidth={3} nodeColor={(node) => (node.type === 'condition' ? 'var(--brand)' : 'var(--tone-green-fg)')} />
        </ReactFlow>
        <div className="canvas-note">
          <Icon name="sparkle" size={14} /> Drag nodes to arrange; select one to edit it on the right.
        </div>
      </section>
      <aside className="rule-panel" aria-label="Selected node">
        {selected ? (
          <>
            <h3>{selected.type === 'condition' ? 'Condition · 조건' : 'Result · 결과'}</h3>
            {selected.type === 'condition' ? (
              <ConditionPanel data={selected.data} onChange={(data) => updateData(selected.id, data)} />
            ) : (
              <ResultPanel data={selected.data} onChange={(data) => updateData(selected.id, data)} />
            )}
          </>
        ) : (
          <p className="muted">Select a node to edit it.</p>
        )}
        <button type="button" className="button small" onClick={() => setShowJson((value) => !value)} aria-expanded={showJson}>
          {showJson ? 'Hide' : 'Show'} graph JSON
        </button>
        {showJson && <pre className="json-preview">{JSON.stringify({ nodes: nodes.map(({ id, type, data }) => ({ id, type, data })), edges: edges.map(({ source, target }) => ({ source, target })) }, null, 2)}</pre>}
      </aside>
    </div>
  );
}
