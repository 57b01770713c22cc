/**
 * The open trigger on React Flow: conditions (left, rows flowing through their groups) → trigger → results (right,
 * numbered in the order they run). Edges of optional entries (or entries of an Any group) are dashed, the edge into
 * a Not group is drawn as a negation; edges the graph refuses are drawn red. Nodes are added from the palette (by
 * keyboard or by dragging) and reached with the keyboard along the drawing.
 */
import { Background, BackgroundVariant, Controls, Panel, ReactFlow, ReactFlowProvider, type AriaLabelConfig, type Edge } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo, useState } from 'react';
import { nodeTypes, type RuleNode } from './nodes';
import { Kbd } from '../components/feedback';
import { Icon } from '../components/icons';
import { useI18n } from '../i18n';
import { KeepInSight, OpeningView } from './CanvasViewport';
import { CanvasStateProvider, useCanEditRules, type CanvasState } from './context';
import { EditToolbar } from './EditToolbar';
import type { EditActions } from './useEditorKeys';
import { insertPlace } from './palette/place';
import { Palette } from './palette/Palette';
import { useCanvasKeyboard } from './useCanvasKeyboard';
import { usePaletteDrop } from './usePaletteDrop';
import type { TriggerEditor } from './useTriggerEditor';

/** What the fit button frames: the whole drawing, zoomed out as far as it takes. */
const FIT_VIEW = { padding: 0.1, maxZoom: 1.1 };

interface CanvasProps {
  editor: TriggerEditor;
  actions: EditActions;
  /** Opens the selected node's form in the side panel, with the focus on its first control. */
  onOpenPanel: () => void;
}

/** The canvas of one editing session: another trigger opened starts a fresh canvas (view, palette, focus). */
export function TriggerCanvas({ sessionKey, ...props }: CanvasProps & { sessionKey: string }) {
  return (
    <ReactFlowProvider key={sessionKey}>
      <Canvas {...props} />
    </ReactFlowProvider>
  );
}

function Canvas({ editor, actions, onOpenPanel }: CanvasProps) {
  const { t } = useI18n();
  const canEdit = useCanEditRules();
  const [paletteOpen, setPaletteOpen] = useState(false);
  const keyboard = useCanvasKeyboard(editor, {
    canEdit,
    onOpenPanel,
    onOpenPalette: () => setPaletteOpen(true),
    onClosePalette: () => setPaletteOpen(false),
  });
  const drop = usePaletteDrop(editor);
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
      const classes = [
        place === 'any' ? 'edge-any' : place === 'not' ? 'edge-not' : '',
        editor.invalidEdgeIds.has(edge.id) ? 'edge-invalid' : '',
        order === undefined ? '' : 'edge-ordered',
      ];
      return {
        ...edge,
        className: classes.filter(Boolean).join(' ') || undefined,
        label: order === undefined ? undefined : String(order),
        labelBgPadding: [5, 2] as [number, number],
        labelBgBorderRadius: 8,
      };
    });
  }, [editor.edges, editor.nodes, editor.resultOrder, editor.invalidEdgeIds, editor.standsIn]);

  const place = insertPlace(editor.nodes, editor.edges, editor.selectedId);
  const group = editor.nodes.find((node) => node.id === place.parentId);
  const placeName = group?.type === 'group' ? t('rules.palette.intoGroup', { kind: t(`rules.groupNode.kinds.${group.data.kind}`) }) : t(`rules.group.${place.list}`);
  const selected = editor.selected;
  const nodes = useMemo(
    () => (drop.receiver ? editor.nodes.map((node) => (node.id === drop.receiver ? { ...node, className: 'drop-receiver' } : node)) : editor.nodes),
    [editor.nodes, drop.receiver],
  );
  const sightKey = selected ? `${selected.position.x},${selected.position.y},${selected.measured?.width},${selected.measured?.height}` : '';

  return (
    <CanvasStateProvider value={canvasState}>
      <div
        className="canvas-keys"
        role="region"
        aria-label={t('rules.canvas.region')}
        tabIndex={-1}
        onKeyDownCapture={keyboard.onKeyDown}
        onFocusCapture={keyboard.onFocus}
      >
        <ReactFlow<RuleNode, Edge>
          nodes={nodes}
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
          // A dropped node snaps into its slot: where it was dropped decides its place in the order, the layout stays tidy.
          onNodeDragStart={editor.onNodeDragStart}
          onNodeDragStop={editor.onNodeDragStop}
          onSelectionChange={editor.onSelectionChange}
          deleteKeyCode={canEdit ? ['Backspace', 'Delete'] : null}
          fitViewOptions={FIT_VIEW}
          minZoom={0.3}
          // The wheel pans a drawing larger than the canvas; Ctrl with the wheel (or a pinch) zooms.
          panOnScroll
          onDragOver={drop.onDragOver}
          onDragLeave={drop.onDragLeave}
          onDrop={drop.onDrop}
          proOptions={{ hideAttribution: true }}
          ariaLabelConfig={ariaLabelConfig}
        >
          <Background variant={BackgroundVariant.Dots} gap={18} size={1.2} color="var(--border-strong)" />
          <Controls showInteractive={false} />
          <OpeningView />
          <KeepInSight nodeId={editor.selectedId} at={sightKey} />
          {canEdit && (
            <Panel position="top-left" className="canvas-toolbar">
              <div className="row">
                <button
                  type="button"
                  className="button small"
                  aria-expanded={paletteOpen}
                  onClick={() => setPaletteOpen((open) => !open)}
                  title={t('rules.canvas.addHint')}
                >
                  <Icon name="plus" size={13} /> {t('rules.canvas.add')} <Kbd>/</Kbd>
                </button>
                <button type="button" className="button small" onClick={editor.tidy} title={t('rules.canvas.tidyHint')}>
                  <Icon name="layout" size={13} /> {t('rules.canvas.tidy')}
                </button>
              </div>
              {paletteOpen && (
                <Palette
                  place={t('rules.palette.into', { place: placeName })}
                  onInsert={(item) => {
                    keyboard.insert(item);
                    setPaletteOpen(false);
                  }}
                  onClose={() => {
                    setPaletteOpen(false);
                    keyboard.returnToCanvas();
                  }}
                />
              )}
            </Panel>
          )}
          {canEdit && <EditToolbar actions={actions} />}
          {canEdit && (
            <Panel position="bottom-center" className="canvas-note">
              <span className="canvas-note-wide">{t('rules.canvas.note')}</span>
              <span className="canvas-note-narrow">{t('rules.canvas.narrowNote')}</span>
            </Panel>
          )}
        </ReactFlow>
      </div>
      <div className="sr-only" aria-live="polite">
        {keyboard.announcement}
      </div>
    </CanvasStateProvider>
  );
}
