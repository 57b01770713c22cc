/**
 * The service's triggers in the order they run, top first. Each has an enabled switch (saved at once); the order
 * changes by dragging an item's handle or with Alt+↑/↓ on the focused item, and is saved as a whole.
 */
import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { Trigger } from '../api/types';
import { EmptyState, ErrorBanner, Kbd, Spinner } from '../components/feedback';
import { Icon } from '../components/icons';
import { rich, useI18n, type Translate } from '../i18n';
import { useCanEditRules } from './context';
import { conditionRows } from '../../../rules/condition-tree';

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

function summary(trigger: Trigger, t: Translate): string {
  const rows = conditionRows(trigger.conditions).length;
  const results = [...new Set(trigger.results.map((result) => t(`rules.resultType.${result.type}`)))].join(', ');
  return t('rules.list.summary', { rows, results: results || '—' });
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
  onDuplicate,
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
  /** Copies a saved trigger into a new draft. */
  onDuplicate: (trigger: Trigger) => void;
  onRetry: () => void;
}) {
  const { t } = useI18n();
  const canEdit = useCanEditRules();
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
    if (event.altKey && canEdit) {
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
    <aside className="rule-list" aria-label={t('rules.list.title')}>
      <div className="rule-list-head">
        <h2>{t('rules.list.title')}</h2>
        {reordering && <Spinner size={14} label={t('rules.list.savingOrder')} />}
        {canEdit && (
          <button type="button" className="button small primary" onClick={onNew}>
            <Icon name="plus" size={13} /> {t('rules.list.new')}
          </button>
        )}
      </div>
      <p className="muted small">
        {canEdit
          ? rich(t('rules.list.help'), {
              grip: <Icon name="grip" size={12} strokeWidth={3} />,
              keys: (
                <>
                  <Kbd>Alt</Kbd>+<Kbd>↑</Kbd>/<Kbd>↓</Kbd>
                </>
              ),
            })
          : t('rules.list.readOnly')}
      </p>
      {error ? (
        <div className="stack">
          <ErrorBanner error={error} />
          <button type="button" className="button small" onClick={onRetry}>
            <Icon name="refresh" size={13} /> {t('common.action.retry')}
          </button>
        </div>
      ) : loading || !triggers ? (
        <div className="skeleton-rows" aria-busy="true" aria-label={t('rules.list.loading')}>
          {[0, 1, 2].map((row) => (
            <div key={row} className="skeleton rule-skeleton" />
          ))}
        </div>
      ) : triggers.length === 0 && !hasNew ? (
        <EmptyState icon="zap" title={t('rules.list.empty')}>
          <p>{t('rules.list.emptyBody')}</p>
          {canEdit && (
            <button type="button" className="button small primary" onClick={onNew}>
              <Icon name="plus" size={13} /> {t('rules.list.createFirst')}
            </button>
          )}
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
                  draggable={canEdit && !reordering}
                  title={t('rules.list.dragHandle')}
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
                  title={t('rules.list.openHint', { title: trigger.title })}
                  onClick={() => onOpen(trigger.id)}
                  onKeyDown={(event) => onKeyDown(event, trigger.id)}
                >
                  <strong className="truncate">
                    {trigger.title}
                    {open && openDirty && <span className="dirty-dot" title={t('rules.list.unsaved')} />}
                  </strong>
                  <span className="muted small truncate">{summary(trigger, t)}</span>
                </button>
                {canEdit && (
                  <button
                    type="button"
                    className="icon-button rule-duplicate"
                    aria-label={t('rules.duplicate.action')}
                    title={t('rules.duplicate.hint', { title: trigger.title })}
                    onClick={() => onDuplicate(trigger)}
                  >
                    <Icon name="duplicate" size={14} />
                  </button>
                )}
                {toggling.has(trigger.id) ? (
                  <Spinner size={14} label={t('rules.list.saving')} />
                ) : (
                  <button
                    type="button"
                    role="switch"
                    aria-checked={trigger.enabled}
                    aria-label={t('rules.list.enabledLabel', { title: trigger.title })}
                    title={trigger.enabled ? t('rules.list.enabledHint') : t('rules.list.disabledHint')}
                    className={`switch${trigger.enabled ? ' on' : ''}`}
                    disabled={!canEdit}
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
                <strong>{t('rules.list.newTrigger')}</strong>
                <span className="muted small">{t('rules.list.notSaved')}</span>
              </span>
            </li>
          )}
        </ol>
      )}
    </aside>
  );
}
