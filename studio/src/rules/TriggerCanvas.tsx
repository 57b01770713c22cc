/**
 * The open trigger on React Flow: conditions (left, rows flowing through their groups) → trigger → results (right,
 * numbered in the order they run). Edges of optional entries (or entries of an Any group) are dashed, the edge into
 * a Not group is drawn as a negation; edges the graph refuses are drawn red.
 */
import { Background, BackgroundVariant, Controls, Panel, ReactFlow, useReactFlow, type AriaLabelConfig, type Edge } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo, useRef } from 'react';
import { nodeTypes, type RuleNode } from './nodes';
import { Icon } from '../components/icons';
import { useI18n } from '../i18n';
import { CanvasStateProvider, useCanEditRules, type CanvasState } from './context';
import { EditToolbar } from './EditToolbar';
import type { EditActions } from './useEditorKeys';
import type { TriggerEditor } from './useTriggerEditor';

const FIT_VIEW = { padding: 0.1, maxZoom: 1.1 };

/** Fits the view again when nodes are added: a new group pushes its entries a column further left, out of sight. */
function FitWhenGrown({ count }: { count: number }) {
  const { fitView } = useReactFlow();
  const seen = useRef(count);
  useEffect(() => {
    if (count > seen.current) void fitView({ ...FIT_VIEW, duration: 200 });
    seen.current = count;
  }, [count, fitView]);
  return null;
}

export function TriggerCanvas({ editor, actions, sessionKey }: { editor: TriggerEditor; actions: EditActions; sessionKey: string }) {
  const { t } = useI18n();
  const canEdit = useCanEditRules();
  const ariaLabelConfig = useMemo<AriaLabelConfig>(
    () => ({
      'node.a11yDescription.default': t('rules.canvas.aria.node'),
      'node.a11yDescription.keyboardDisabled': t('rules.canvas.aria.nodeKeyboard'),
      'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }) => t('rules.canvas.aria.moved', { direction, x, y }),
      'edge.a11yDescription.default': t('rules.canvas.aria.edge'),
      'controls.ariaLabel': t('rules.canvas.aria.controls'),
      'controls.zoomIn.ariaLabel': t('rules.canvas.aria.zoomIn'),
      'controls.zoomOut.ariaLabel': t('rules.canvas.aria.zoomOut'),
      'controls.fitView.ariaLabel': t('rules.canvas.aria.fitView'),
      'controls.interactive.ariaLabel': t('rules.canvas.aria.interactive'),
      'minimap.ariaLabel': t('rules.canvas.aria.minimap'),
      'handle.ariaLabel': t('rules.canvas.aria.handle'),
    }),
    [t],
  );
  const canvasState = useMemo<CanvasState>(
    () => ({ issues: editor.issues, resultOrder: editor.resultOrder, events: editor.events, standsIn: editor.standsIn }),
    [editor.issues, editor.resultOrder, editor.events, editor.standsIn],
  );

  const edges = useMemo<Edge[]>(() => {
    const byId = new Map(editor.nodes.map((node) => [node.id, node]));
    return editor.edges.map((edge) => {
      const source = byId.get(edge.source);
      const entry = source?.type === 'condition' || source?.type === 'group';
      const place = entry ? (editor.standsIn[edge.source] ?? source.data.group) : undefined;
      const order = editor.resultOrder[edge.target];
      const classes = [place === 'any' ? 'edge-any' : place === 'not' ? 'edge-not' : '', editor.invalidEdgeIds.has(edge.id) ? 'edge-invalid' : ''];
      return {
        ...edge,
        className: classes.filter(Boolean).join(' ') || undefined,
        label: order === undefined ? undefined : String(order),
        labelBgPadding: [5, 2] as [number, number],
        labelBgBorderRadius: 8,
        labelClassName: 'edge-order',
      };
    });
  }, [editor.edges, editor.nodes, editor.resultOrder, editor.invalidEdgeIds, editor.standsIn]);

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
        onReconnect={editor.onReconnect}
        // Read only for those who may not change triggers: they select nodes to read them, nothing moves.
        nodesDraggable={canEdit}
        nodesConnectable={canEdit}
        edgesReconnectable={canEdit}
        isValidConnection={editor.isValidConnection}
        onNodeDragStart={editor.onNodeDragStart}
        onNodeDragStop={editor.onNodeDragStop}
        onSelectionChange={editor.onSelectionChange}
        deleteKeyCode={canEdit ? ['Backspace', 'Delete'] : null}
        fitView
        fitViewOptions={FIT_VIEW}
        minZoom={0.3}
        proOptions={{ hideAttribution: true }}
        ariaLabelConfig={ariaLabelConfig}
      >
        <Background variant={BackgroundVariant.Dots} gap={18} size={1.2} color="var(--border-strong)" />
        <Controls showInteractive={false} />
        <FitWhenGrown count={editor.nodes.length} />
        {canEdit && (
          <Panel position="top-left" className="canvas-toolbar">
            <button type="button" className="button small" onClick={() => editor.addCondition('all')} title={t('rules.canvas.addAllHint')}>
              <Icon name="plus" size={13} /> {t('rules.canvas.addAll')}
            </button>
            <button type="button" className="button small" onClick={() => editor.addCondition('any')} title={t('rules.canvas.addAnyHint')}>
              <Icon name="plus" size={13} /> {t('rules.canvas.addAny')}
            </button>
            <button type="button" className="button small" onClick={() => editor.addGroup('all')} title={t('rules.canvas.addGroupHint')}>
              <Icon name="plus" size={13} /> {t('rules.canvas.addGroup')}
            </button>
            <button type="button" className="button small" onClick={editor.addResult} title={t('rules.canvas.addResultHint')}>
              <Icon name="plus" size={13} /> {t('rules.canvas.addResult')}
            </button>
            <button type="button" className="button small" onClick={editor.tidy} title={t('rules.canvas.tidyHint')}>
              <Icon name="layout" size={13} /> {t('rules.canvas.tidy')}
            </button>
          </Panel>
        )}
        {canEdit && <EditToolbar actions={actions} />}
        {canEdit && (
          <Panel position="bottom-center" className="canvas-note">
            {t('rules.canvas.note')}
          </Panel>
        )}
      </ReactFlow>
    </CanvasStateProvider>
  );
}
