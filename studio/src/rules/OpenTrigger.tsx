/**
 * The open trigger: its bar (name, saved state, Save, Delete), the canvas, and — through a portal into the side
 * panel — the selected node's form. Saving sends the trigger the graph reads as (POST when new, PUT otherwise); a
 * 422 `trigger.invalid` lands on the nodes its issue paths point at.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { ApiError } from '../api/client';
import { triggersApi } from '../api/rules';
import type { Trigger } from '../api/types';
import { ConfirmDialog } from '../components/confirm';
import { ErrorBanner, Kbd, Spinner } from '../components/feedback';
import { Icon } from '../components/icons';
import { useToast } from '../components/toasts';
import { useI18n } from '../i18n';
import { SimulationOverlayProvider, useCanEditRules, useRuleLookups } from './context';
import { DefinitionView } from './DefinitionView';
import { apiIssues, placeApiIssues } from './issues';
import { NodePanel } from './NodePanel';
import { SimulationBar, type ShownSimulation } from './SimulationBar';
import { simulationOverlay } from './simulation-overlay';
import { TriggerCanvas } from './TriggerCanvas';
import { MOD_KEY, useEditorKeys, type EditActions } from './useEditorKeys';
import { useTriggerEditor, type EditorSession } from './useTriggerEditor';

export function OpenTrigger({
  session,
  serviceId,
  nodeSlot,
  jsonSlot,
  simulation,
  onDirtyChange,
  onSaved,
  onClosed,
  onShowNodePanel,
}: {
  session: EditorSession;
  serviceId: string;
  /** Where the selected node's form is rendered (the side panel's node tab). */
  nodeSlot: HTMLElement | null;
  /** Where the compiled definition is shown (the side panel's JSON tab). */
  jsonSlot: HTMLElement | null;
  /** The simulation to show on the graph, if any. */
  simulation: ShownSimulation | null;
  onDirtyChange: (dirty: boolean) => void;
  onSaved: (trigger: Trigger) => void;
  /** The trigger was deleted, or a new one discarded. */
  onClosed: (deleted: boolean) => void;
  onShowNodePanel: () => void;
}) {
  const { t } = useI18n();
  const lookups = useRuleLookups();
  const editor = useTriggerEditor(session, lookups);
  const toast = useToast();
  const canEdit = useCanEditRules();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deleteStep, setDeleteStep] = useState<'disabling' | 'deleting' | null>(null);
  const [deleteError, setDeleteError] = useState<unknown>(null);

  const actions: EditActions = {
    canUndo: editor.canUndo,
    canRedo: editor.canRedo,
    canCopy: editor.selected !== null && editor.selected.type !== 'trigger',
    undo: editor.undo,
    redo: editor.redo,
    copy: () => {
      if (editor.copy()) toast(t('rules.edit.copied', { keys: `${MOD_KEY}+V` }));
    },
    paste: editor.paste,
    duplicate: editor.duplicate,
  };
  useEditorKeys(actions, canEdit);

  const { dirty, syncEnabled } = editor;
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  useEffect(() => syncEnabled(session.saved.enabled), [session.saved.enabled, syncEnabled]);
  useEffect(() => setProblem(null), [session.key]);

  const firstIssueNode = (byNode: Record<string, unknown[]>) =>
    editor.nodes.find((node) => (byNode[node.id]?.length ?? 0) > 0 && node.type !== 'trigger')?.id ?? Object.keys(byNode)[0];
  const showFirstIssue = () => {
    editor.select(firstIssueNode(editor.issues) ?? null);
    onShowNodePanel();
  };

  async function save() {
    if (saving) return;
    const { reading } = editor;
    if (!reading.ok) {
      setProblem(new ApiError(0, 'graph.invalid', `Not saved: the drawing has ${reading.issues.length} problem(s)`, { issues: reading.issues.map(({ code }) => ({ code })) }));
      showFirstIssue();
      return;
    }
    if (editor.blockingIssueCount > 0) {
      showFirstIssue();
      return;
    }
    const { id: _id, position: _position, ...body } = reading.trigger;
    setSaving(true);
    setProblem(null);
    try {
      const saved = session.isNew ? await triggersApi.create(serviceId, body) : await triggersApi.replace(session.saved.id, body);
      editor.setApiIssues({});
      toast(session.isNew ? t('rules.editor.created') : t('rules.editor.savedToast'));
      onSaved(saved);
    } catch (error) {
      const issues = apiIssues(error);
      if (issues.length > 0) {
        const byNode = placeApiIssues(reading.placement, issues);
        editor.setApiIssues(byNode);
        editor.select(firstIssueNode(byNode) ?? null);
        onShowNodePanel();
        setProblem(error);
      } else {
        setProblem(error);
      }
    } finally {
      setSaving(false);
    }
  }

  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        if (canEdit) void saveRef.current();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [canEdit]);

  async function remove() {
    setDeleteError(null);
    try {
      // The API refuses to delete an enabled trigger (409 trigger.enabled), so it is switched off first.
      if (session.saved.enabled) {
        setDeleteStep('disabling');
        await triggersApi.setEnabled(session.saved.id, false);
      }
      setDeleteStep('deleting');
      await triggersApi.remove(session.saved.id);
      toast(t('rules.editor.deleted'));
      setConfirmDelete(false);
      onClosed(true);
    } catch (error) {
      setDeleteError(error);
    } finally {
      setDeleteStep(null);
    }
  }

  /** Enter on a node: its form, with the focus on its first control (Escape there returns to the node). */
  const openPanel = () => {
    onShowNodePanel();
    requestAnimationFrame(() => nodeSlot?.querySelector<HTMLElement>('input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])')?.focus());
  };

  const { reading, nodes } = editor;
  const overlay = useMemo(
    () => (simulation && reading.ok ? simulationOverlay(simulation.passes, simulation.pass, session.saved.id, nodes, reading.placement) : null),
    [simulation, reading, nodes, session.saved.id],
  );
  const blocked = editor.blockingIssueCount > 0;
  const saveBlockedId = useId();
  const hub = editor.nodes.find((node) => node.type === 'trigger');
  const title = (hub?.type === 'trigger' && hub.data.title) || t('rules.editor.untitled');

  return (
    <>
      <div className="editor-bar">
        <div className="editor-title">
          <strong className="truncate">{title}</strong>
          <span className={`save-state ${session.isNew ? 'new' : dirty ? 'dirty' : 'saved'}`}>
            {session.isNew ? t('rules.editor.new') : dirty ? t('rules.editor.dirty') : t('rules.editor.saved')}
          </span>
          {editor.issueCount > 0 && (
            <button type="button" className="badge tone-rose" onClick={showFirstIssue} title={t('rules.editor.showProblem')}>
              {t('rules.editor.problems', { count: editor.issueCount })}
            </button>
          )}
        </div>
        {canEdit ? (
          <div className="row">
            {session.isNew ? (
              <button type="button" className="button" onClick={() => onClosed(false)}>
                {t('rules.editor.discard')}
              </button>
            ) : (
              <button type="button" className="button danger" onClick={() => setConfirmDelete(true)}>
                <Icon name="trash" size={14} /> {t('rules.editor.delete')}
              </button>
            )}
            {blocked && (
              <span className="save-blocked" id={saveBlockedId}>
                {t('rules.editor.saveBlocked', { count: editor.blockingIssueCount })}
              </span>
            )}
            <button
              type="button"
              className="button primary"
              onClick={() => void save()}
              disabled={saving || blocked || (!dirty && !session.isNew)}
              aria-describedby={blocked ? saveBlockedId : undefined}
              title={blocked ? t('rules.editor.saveBlocked', { count: editor.blockingIssueCount }) : t('rules.editor.saveHint')}
            >
              {saving ? <Spinner size={14} /> : <Icon name="save" size={14} />}
              {saving ? t('rules.editor.saving') : t('rules.editor.save')}
              {!saving && <Kbd>Ctrl S</Kbd>}
            </button>
          </div>
        ) : (
          <span className="badge">{t('rules.editor.readOnly')}</span>
        )}
      </div>
      {problem !== null && (
        <div className="editor-problem">
          <ErrorBanner error={problem} onDismiss={() => setProblem(null)} />
        </div>
      )}
      {simulation && <SimulationBar overlay={overlay} drawingReads={reading.ok} onPass={simulation.onPass} onClose={simulation.onClose} />}
      <div className="canvas-wrap">
        <SimulationOverlayProvider value={overlay}>
          <TriggerCanvas editor={editor} actions={actions} sessionKey={session.key} onOpenPanel={openPanel} />
        </SimulationOverlayProvider>
      </div>
      {nodeSlot && createPortal(<NodePanel editor={editor} />, nodeSlot)}
      {jsonSlot && createPortal(<DefinitionView reading={editor.reading} blockingIssueCount={editor.blockingIssueCount} />, jsonSlot)}
      <ConfirmDialog
        open={confirmDelete}
        title={t('rules.editor.deleteTitle')}
        subtitle={session.saved.title}
        danger
        confirmLabel={session.saved.enabled ? t('rules.editor.disableAndDelete') : t('rules.editor.delete')}
        busyLabel={deleteStep === 'disabling' ? t('rules.editor.disabling') : t('rules.editor.deleting')}
        busy={deleteStep !== null}
        error={deleteError}
        onConfirm={() => void remove()}
        onClose={() => {
          setConfirmDelete(false);
          setDeleteError(null);
        }}
      >
        <p>
          {session.saved.enabled ? t('rules.editor.deleteEnabled') : t('rules.editor.deleteDisabled')} {t('rules.editor.deleteKeepsRunning')}
        </p>
      </ConfirmDialog>
    </>
  );
}
