/**
 * The service's triggers in the order they run, top first. Each has an enabled switch (saved at once); the order
 * changes by dragging an item's handle or with Alt+↑/↓ on the focused item, and is saved as a whole.
 */
import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { Trigger } from '../api/types';
import { EmptyState, ErrorBanner, Kbd, Spinner } from '../components/feedback';
import { Icon } from '../components/icons';
import { useLang } from '../i18n';
import { RESULT_LABELS } from '../vocabulary';

/** A new order with `id` moved by `offset` places; unchanged at either end. */
export function moved(ids: string[], id: string, offset: number): string[] {
  const from = ids.indexOf(id);
  const to = from + offset;
  if (from < 0 || to < 0 || to >= ids.length) return ids;
  const next = [...ids];
  next.splice(from, 1);
  next.splice(to, 0, id);
  return next;
}

function summary(trigger: Trigger, t: (label: { en: string; ko: string }) => string): string {
  const rows = trigger.conditions.all.length + trigger.conditions.any.length;
  const results = [...new Set(trigger.results.map((result) => t(RESULT_LABELS[result.type])))].join(', ');
  return `${rows} ${rows === 1 ? 'condition' : 'conditions'} → ${results || '—'}`;
}

export function TriggerList({
  triggers,
  loading,
  error,
  openId,
  openDirty,
  hasNew,
  toggling,
  reordering,
  onOpen,
  onToggle,
  onReorder,
  onNew,
  onRetry,
}: {
  triggers: Trigger[] | null;
  loading: boolean;
  error: unknown;
  openId: string | null;
  openDirty: boolean;
  /** An unsaved new trigger is open. */
  hasNew: boolean;
  toggling: ReadonlySet<string>;
  reordering: boolean;
  onOpen: (id: string) => void;
  onToggle: (trigger: Trigger) => void;
  onReorder: (ids: string[]) => void;
  onNew: () => void;
  onRetry: () => void;
}) {
  const { t } = useLang();
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const [dragging, setDragging] = useState<string | null>(null);
  const [drop, setDrop] = useState<{ id: string; after: boolean } | null>(null);
  const [focusAfterMove, setFocusAfterMove] = useState<string | null>(null);
  const ids = (triggers ?? []).map((trigger) => trigger.id);

  useEffect(() => {
    if (!focusAfterMove) return;
    buttons.current.get(focusAfterMove)?.focus();
    setFocusAfterMove(null);
  }, [focusAfterMove, triggers]);

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, id: string) => {
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
    event.preventDefault();
    const offset = event.key === 'ArrowUp' ? -1 : 1;
    if (event.altKey) {
      const next = moved(ids, id, offset);
      if (next !== ids && !reordering) {
        onReorder(next);
        setFocusAfterMove(id);
      }
      return;
    }
    const neighbour = ids[ids.indexOf(id) + offset];
    if (neighbour) buttons.current.get(neighbour)?.focus();
  };

  const onDragOver = (event: DragEvent<HTMLLIElement>, id: string) => {
    if (!dragging) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    const box = event.currentTarget.getBoundingClientRect();
    const after = event.clientY > box.top + box.height / 2;
    if (drop?.id !== id || drop.after !== after) setDrop({ id, after });
  };

  const onDrop = (event: DragEvent<HTMLLIElement>) => {
    event.preventDefault();
    if (dragging && drop && drop.id !== dragging) {
      const rest = ids.filter((id) => id !== dragging);
      const at = rest.indexOf(drop.id) + (drop.after ? 1 : 0);
      const next = [...rest.slice(0, at), dragging, ...rest.slice(at)];
      if (next.join() !== ids.join()) onReorder(next);
    }
    setDragging(null);
    setDrop(null);
  };

  return (
    <aside className="rule-list" aria-label="Triggers">
      <div className="rule-list-head">
        <h2>
          Triggers <span className="muted">트리거</span>
        </h2>
        {reordering && <Spinner size={14} label="Saving the order" />}
        <button type="button" className="button small primary" onClick={onNew}>
          <Icon name="plus" size={13} /> New · 새 트리거
        </button>
      </div>
      <p className="muted small">
        Run top to bottom; the last assignment wins. Drag <Icon name="grip" size={12} strokeWidth={3} /> or press <Kbd>Alt</Kbd>+<Kbd>↑</Kbd>/<Kbd>↓</Kbd> to reorder.
      </p>
      {error ? (
        <div className="stack">
          <ErrorBanner error={error} />
          <button type="button" className="button small" onClick={onRetry}>
            <Icon name="refresh" size={13} /> Try again · 다시 시도
          </button>
        </div>
      ) : loading || !triggers ? (
        <div className="skeleton-rows" aria-busy="true" aria-label="Loading triggers">
          {[0, 1, 2].map((row) => (
            <div key={row} className="skeleton rule-skeleton" />
          ))}
        </div>
      ) : triggers.length === 0 && !hasNew ? (
        <EmptyState icon="zap" title="No triggers yet · 트리거 없음">
          <p>Automate repeated work: when conditions hold, results run in order — assign, notify, tag…</p>
          <button type="button" className="button small primary" onClick={onNew}>
            <Icon name="plus" size={13} /> Create the first trigger
          </button>
        </EmptyState>
      ) : (
        <ol className="rule-items" onDragLeave={(event) => event.currentTarget === event.target && setDrop(null)}>
          {triggers.map((trigger, index) => {
            const open = trigger.id === openId;
            return (
              <li
                key={trigger.id}
                className={[
                  'rule-item',
                  open ? 'active' : '',
                  trigger.enabled ? '' : 'off',
                  dragging === trigger.id ? 'dragging' : '',
                  drop?.id === trigger.id ? (drop.after ? 'drop-after' : 'drop-before') : '',
                ].join(' ')}
                onDragOver={(event) => onDragOver(event, trigger.id)}
                onDrop={onDrop}
              >
                <span
                  className="drag-handle"
                  draggable={!reordering}
                  title="Drag to reorder · 끌어서 순서 변경"
                  aria-hidden="true"
                  onDragStart={(event) => {
                    event.dataTransfer.effectAllowed = 'move';
                    event.dataTransfer.setData('text/plain', trigger.id);
                    const item = event.currentTarget.closest('li');
                    if (item) event.dataTransfer.setDragImage(item, 16, 16);
                    setDragging(trigger.id);
                  }}
                  onDragEnd={() => {
                    setDragging(null);
                    setDrop(null);
                  }}
                >
                  <Icon name="grip" size={14} strokeWidth={3} />
                </span>
                <span className="rule-position" aria-hidden="true">
                  {index + 1}
                </span>
                <button
                  type="button"
                  className="rule-open"
                  ref={(element) => {
                    if (element) buttons.current.set(trigger.id, element);
                    else buttons.current.delete(trigger.id);
                  }}
                  aria-current={open ? 'true' : undefined}
                  aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
                  title={`${trigger.title} — Alt+↑/↓ to move`}
                  onClick={() => onOpen(trigger.id)}
                  onKeyDown={(event) => onKeyDown(event, trigger.id)}
                >
                  <strong className="truncate">
                    {trigger.title}
                    {open && openDirty && <span className="dirty-dot" title="Unsaved changes · 저장 안 됨" />}
                  </strong>
                  <span className="muted small truncate">{summary(trigger, t)}</span>
                </button>
                {toggling.has(trigger.id) ? (
                  <Spinner size={14} label="Saving" />
                ) : (
                  <button
                    type="button"
                    role="switch"
                    aria-checked={trigger.enabled}
                    aria-label={`Enabled · 사용: ${trigger.title}`}
                    title={trigger.enabled ? 'Enabled — click to disable · 사용 중' : 'Disabled — click to enable · 사용 안 함'}
                    className={`switch${trigger.enabled ? ' on' : ''}`}
                    onClick={() => onToggle(trigger)}
                  />
                )}
              </li>
            );
          })}
          {hasNew && (
            <li className="rule-item active new">
              <span className="drag-handle" aria-hidden="true" />
              <span className="rule-position" aria-hidden="true">
                {triggers.length + 1}
              </span>
              <span className="rule-open static">
                <strong>New trigger · 새 트리거</strong>
                <span className="muted small">Not saved yet · 저장 전</span>
              </span>
            </li>
          )}
        </ol>
      )}
    </aside>
  );
}
