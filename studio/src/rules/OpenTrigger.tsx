/**
 * The open trigger: its bar (name, saved state, Save, Delete), the canvas, and — through a portal into the side
 * panel — the selected node's form. Saving sends the trigger the graph reads as (POST when new, PUT otherwise); a
 * 422 `trigger.invalid` lands on the nodes its issue paths point at.
 */
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { ApiError } from '../api/client';
import { triggersApi } from '../api/rules';
import type { Trigger } from '../api/types';
import { ConfirmDialog } from '../components/confirm';
import { ErrorBanner, Kbd, Spinner } from '../components/feedback';
import { Icon } from '../components/icons';
import { useToast } from '../components/toasts';
import { useRuleLookups } from './context';
import { apiIssues, placeApiIssues } from './issues';
import { NodePanel } from './NodePanel';
import { TriggerCanvas } from './TriggerCanvas';
import { useTriggerEditor, type EditorSession } from './useTriggerEditor';

export function OpenTrigger({
  session,
  serviceId,
  nodeSlot,
  onDirtyChange,
  onSaved,
  onClosed,
  onShowNodePanel,
}: {
  session: EditorSession;
  serviceId: string;
  /** Where the selected node's form is rendered (the side panel's node tab). */
  nodeSlot: HTMLElement | null;
  onDirtyChange: (dirty: boolean) => void;
  onSaved: (trigger: Trigger) => void;
  /** The trigger was deleted, or a new one discarded. */
  onClosed: (deleted: boolean) => void;
  onShowNodePanel: () => void;
}) {
  const lookups = useRuleLookups();
  const editor = useTriggerEditor(session, lookups);
  const toast = useToast();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deleteStep, setDeleteStep] = useState<'disabling' | 'deleting' | null>(null);
  const [deleteError, setDeleteError] = useState<unknown>(null);

  const { dirty, syncEnabled } = editor;
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  useEffect(() => syncEnabled(session.saved.enabled), [session.saved.enabled, syncEnabled]);
  useEffect(() => setProblem(null), [session.key]);

  const firstIssueNode = (byNode: Record<string, unknown[]>) =>
    editor.nodes.find((node) => (byNode[node.id]?.length ?? 0) > 0 && node.type !== 'trigger')?.id ?? Object.keys(byNode)[0];

  async function save() {
    if (saving) return;
    const { reading } = editor;
    if (!reading.ok) {
      setProblem(new ApiError(0, 'graph.invalid', `Not saved: the drawing has ${reading.issues.length === 1 ? 'a problem' : `${reading.issues.length} problems`}, marked red on the canvas. · 저장되지 않았습니다.`));
      editor.select(firstIssueNode(editor.issues) ?? null);
      onShowNodePanel();
      return;
    }
    const { id: _id, position: _position, ...body } = reading.trigger;
    setSaving(true);
    setProblem(null);
    try {
      const saved = session.isNew ? await triggersApi.create(serviceId, body) : await triggersApi.replace(session.saved.id, body);
      editor.setApiIssues({});
      toast(session.isNew ? 'Trigger created — publish to make it run · 트리거를 만들었습니다' : 'Trigger saved · 저장했습니다');
      onSaved(saved);
    } catch (error) {
      const issues = apiIssues(error);
      if (issues.length > 0) {
        const byNode = placeApiIssues(reading.placement, issues);
        editor.setApiIssues(byNode);
        editor.select(firstIssueNode(byNode) ?? null);
        onShowNodePanel();
        const count = issues.length === 1 ? 'a problem' : `${issues.length} problems`;
        setProblem(new ApiError(422, (error as ApiError).code, `Not saved: the API found ${count}, shown on the nodes marked red. · 저장되지 않았습니다.`));
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
        void saveRef.current();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

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
      toast('Trigger deleted — publish to stop it running · 트리거를 삭제했습니다');
      setConfirmDelete(false);
      onClosed(true);
    } catch (error) {
      setDeleteError(error);
    } finally {
      setDeleteStep(null);
    }
  }

  const hub = editor.nodes.find((node) => node.type === 'trigger');
  const title = (hub?.type === 'trigger' && hub.data.title) || 'Untitled · 제목 없음';

  return (
    <>
      <div className="editor-bar">
        <div className="editor-title">
          <strong className="truncate">{title}</strong>
          <span className={`save-state ${session.isNew ? 'new' : dirty ? 'dirty' : 'saved'}`}>
            {session.isNew ? 'New — not saved · 저장 전' : dirty ? 'Unsaved changes · 저장 안 됨' : 'Saved · 저장됨'}
          </span>
          {editor.issueCount > 0 && (
            <span className="badge tone-rose">
              {editor.issueCount} {editor.issueCount === 1 ? 'problem' : 'problems'} · 문제
            </span>
          )}
        </div>
        <div className="row">
          {session.isNew ? (
            <button type="button" className="button" onClick={() => onClosed(false)}>
              Discard · 취소
            </button>
          ) : (
            <button type="button" className="button danger" onClick={() => setConfirmDelete(true)}>
              <Icon name="trash" size={14} /> Delete · 삭제
            </button>
          )}
          <button type="button" className="button primary" onClick={() => void save()} disabled={saving || (!dirty && !session.isNew)} title="Save (Ctrl+S)">
            {saving ? <Spinner size={14} /> : <Icon name="save" size={14} />}
            {saving ? 'Saving… · 저장 중' : 'Save · 저장'}
            {!saving && <Kbd>Ctrl S</Kbd>}
          </button>
        </div>
      </div>
      {problem !== null && (
        <div className="editor-problem">
          <ErrorBanner error={problem} onDismiss={() => setProblem(null)} />
        </div>
      )}
      <div className="canvas-wrap">
        <TriggerCanvas editor={editor} sessionKey={session.key} />
      </div>
      {nodeSlot && createPortal(<NodePanel editor={editor} />, nodeSlot)}
      <ConfirmDialog
        open={confirmDelete}
        title="Delete this trigger? · 트리거 삭제"
        subtitle={session.saved.title}
        danger
        confirmLabel={session.saved.enabled ? 'Disable and delete · 중지 후 삭제' : 'Delete · 삭제'}
        busyLabel={deleteStep === 'disabling' ? 'Disabling… · 중지 중' : 'Deleting… · 삭제 중'}
        busy={deleteStep !== null}
        error={deleteError}
        onConfirm={() => void remove()}
        onClose={() => {
          setConfirmDelete(false);
          setDeleteError(null);
        }}
      >
        <p>
          {session.saved.enabled
            ? 'The trigger is enabled. It will be disabled first — a trigger must be off before it is deleted — and then deleted from the drafts.'
            : 'The trigger is removed from the drafts.'}{' '}
          The published version keeps running it until you publish again. · 다시 게시할 때까지 게시된 버전은 그대로 실행됩니다.
        </p>
      </ConfirmDialog>
    </>
  );
}
