/**
 * The callback list (콜백 리스트): filters, the table with call actions for one's own requests, and for admins and
 * assigners multi-select with assign (even or manual) and cancel assignment.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { callbacksApi, type Callback, type CallbackFilters, type CallbackStatus, type IvrRoute } from '../api/callbacks';
import { Avatar, EmptyState, ErrorBanner, Spinner } from '../components/feedback';
import { Icon } from '../components/icons';
import { useToast } from '../components/toasts';
import { codeMessage, useI18n } from '../i18n';
import { AssignDialog, ConnectDialog, HistoryDialog } from './CallbackDialogs';
import { recentPeriod } from './period';

const STATUSES: CallbackStatus[] = ['registered', 'unprocessed', 'completed', 'cancelled'];
export const CALLBACK_STATUS_TONE: Record<CallbackStatus, string> = { registered: 'orange', unprocessed: 'blue', completed: 'green', cancelled: 'slate' };

type Dialog = { kind: 'assign' } | { kind: 'connect'; callback: Callback } | { kind: 'history'; callback: Callback } | null;

export function CallbackList({ mayAssign, meId }: { mayAssign: boolean; meId: string }) {
  const { t, formatDateTime } = useI18n();
  const toast = useToast();
  const [filters, setFilters] = useState<CallbackFilters>(() => recentPeriod(31));
  const [items, setItems] = useState<Callback[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [routes, setRoutes] = useState<IvrRoute[]>([]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  const reload = useCallback(() => setReloads((n) => n + 1), []);

  useEffect(() => {
    void callbacksApi.routes().then(setRoutes, () => setRoutes([]));
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    callbacksApi
      .list(filters, undefined, controller.signal)
      .then((page) => {
        setItems(page.items);
        setCursor(page.nextCursor);
        setSelected((current) => new Set([...current].filter((id) => page.items.some((item) => item.id === id))));
        setLoading(false);
      })
      .catch((caught: unknown) => {
        if (caught instanceof DOMException && caught.name === 'AbortError') return;
        setError(caught);
        setLoading(false);
      });
    return () => controller.abort();
  }, [filters, reloads]);

  const loadMore = async () => {
    if (!cursor) return;
    try {
      const page = await callbacksApi.list(filters, cursor);
      setItems((current) => [...current, ...page.items]);
      setCursor(page.nextCursor);
    } catch (caught) {
      setError(caught);
    }
  };

  const setFilter = <K extends keyof CallbackFilters>(key: K, value: CallbackFilters[K] | '') =>
    setFilters((current) => ({ ...current, [key]: value === '' ? undefined : value }));
  const filtered = Boolean(filters.routeId || filters.status || filters.phone || filters.assigneeId || filters.assignerId);

  const people = useMemo(() => {
    const byId = new Map<string, string>();
    for (const item of items) {
      if (item.assignee) byId.set(item.assignee.id, item.assignee.name);
      if (item.assigner?.name) byId.set(item.assigner.id, item.assigner.name);
    }
    return [...byId.entries()].sort((a, b) => a[1].localeCompare(b[1]));
  }, [items]);

  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allSelected = items.length > 0 && items.every((item) => selected.has(item.id));

  const run = async (id: string, work: () => Promise<unknown>, done: string) => {
    setBusyId(id);
    setActionError(null);
    try {
      await work();
      toast(done);
      reload();
    } catch (caught) {
      setActionError(caught);
    } finally {
      setBusyId(null);
    }
  };

  const cancelSelected = async () => {
    setActionError(null);
    try {
      const result = await callbacksApi.cancel([...selected]);
      toast(t('callbacks.cancelled', { done: result.done.length }), result.skipped.length ? 'info' : 'success');
      if (result.skipped.length) setActionError(new Error(result.skipped.map((s) => s.message).join(' ')));
      setSelected(new Set());
      reload();
    } catch (caught) {
      setActionError(caught);
    }
  };

  return (
    <section className="callback-list" aria-label={t('callbacks.tabs.list')}>
      <form className="callback-filters" aria-label={t('callbacks.filter.label')} onSubmit={(event) => event.preventDefault()}>
        <label className="field compact">
          <span className="field-label">{t('callbacks.filter.from')}</span>
          <input type="date" value={filters.from ?? ''} max={filters.to} onChange={(event) => setFilter('from', event.target.value)} />
        </label>
        <label className="field compact">
          <span className="field-label">{t('callbacks.filter.to')}</span>
          <input type="date" value={filters.to ?? ''} min={filters.from} onChange={(event) => setFilter('to', event.target.value)} />
        </label>
        <label className="field compact">
          <span className="field-label">{t('callbacks.filter.route')}</span>
          <select value={filters.routeId ?? ''} onChange={(event) => setFilter('routeId', event.target.value)}>
            <option value="">{t('callbacks.filter.anyRoute')}</option>
            {routes.map((route) => (
              <option key={route.id} value={route.id}>
                {route.name} ({route.code})
              </option>
            ))}
          </select>
        </label>
        <label className="field compact">
          <span className="field-label">{t('callbacks.filter.status')}</span>
          <select value={filters.status ?? ''} onChange={(event) => setFilter('status', event.target.value as CallbackStatus | '')}>
            <option value="">{t('callbacks.filter.anyStatus')}</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`callbacks.status.${status}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field compact">
          <span className="field-label">{t('callbacks.filter.phone')}</span>
          <input
            type="search"
            inputMode="tel"
            placeholder={t('callbacks.filter.phonePlaceholder')}
            defaultValue={filters.phone ?? ''}
            onChange={(event) => setFilter('phone', event.target.value.replace(/[^0-9+ -]/g, '').trim())}
          />
        </label>
        {mayAssign && (
          <>
            <label className="field compact">
              <span className="field-label">{t('callbacks.filter.assigner')}</span>
              <select value={filters.assignerId ?? ''} onChange={(event) => setFilter('assignerId', event.target.value)}>
                <option value="">{t('callbacks.filter.anyone')}</option>
                {people.map(([id, name]) => (
                  <option key={id} value={id}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
            <label className="field compact">
              <span className="field-label">{t('callbacks.filter.assignee')}</span>
              <select value={filters.assigneeId ?? ''} onChange={(event) => setFilter('assigneeId', event.target.value)}>
                <option value="">{t('callbacks.filter.anyone')}</option>
                {people.map(([id, name]) => (
                  <option key={id} value={id}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        {filtered && (
          <button type="button" className="button small" onClick={() => setFilters(({ from, to }) => ({ from, to }))}>
            <Icon name="x" size={14} /> {t('callbacks.filter.clear')}
          </button>
        )}
      </form>

      {mayAssign && selected.size > 0 && (
        <div className="selection-bar" role="region" aria-label={t('callbacks.selection.count', { count: selected.size })}>
          <strong>{t('callbacks.selection.count', { count: selected.size })}</strong>
          <button type="button" className="button primary small" onClick={() => setDialog({ kind: 'assign' })}>
            <Icon name="userPlus" size={14} /> {t('callbacks.selection.assign')}
          </button>
          <button type="button" className="button small" onClick={() => void cancelSelected()}>
            <Icon name="undo" size={14} /> {t('callbacks.selection.cancel')}
          </button>
          <button type="button" className="button small" onClick={() => setSelected(new Set())}>
            {t('callbacks.selection.clear')}
          </button>
        </div>
      )}
      {actionError !== null && (
        <div className="callback-banner">
          {actionError instanceof Error && !('code' in actionError) ? (
            <div className="error-banner" role="alert">
              <Icon name="alert" size={16} />
              <span className="error-text">{actionError.message}</span>
            </div>
          ) : (
            <ErrorBanner error={actionError} onDismiss={() => setActionError(null)} />
          )}
        </div>
      )}

      {loading ? (
        <div className="table-wrap" role="status" aria-label={t('callbacks.table.loading')}>
          <div className="skeleton-rows">
            {Array.from({ length: 6 }, (_, index) => (
              <div key={index} className="skeleton-row">
                <span className="skeleton" style={{ width: 120 }} />
                <span className="skeleton" style={{ width: 140 }} />
                <span className="skeleton" style={{ flex: 1, maxWidth: 200 }} />
                <span className="skeleton" style={{ width: 64 }} />
              </div>
            ))}
          </div>
        </div>
      ) : error ? (
        <div className="table-message">
          <ErrorBanner error={error} />
          <button type="button" className="button" onClick={reload}>
            <Icon name="refresh" /> {t('common.action.retry')}
          </button>
        </div>
      ) : items.length === 0 ? (
        <EmptyState icon="phone" title={t(filtered ? 'callbacks.table.noMatch' : 'callbacks.table.empty')}>
          {!filtered && t(mayAssign ? 'callbacks.table.emptyAll' : 'callbacks.table.emptyMine')}
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="callback-table">
            <thead>
              <tr>
                {mayAssign && (
                  <th className="col-select">
                    <input
                      type="checkbox"
                      aria-label={t('callbacks.table.selectAll')}
                      checked={allSelected}
                      onChange={() => setSelected(allSelected ? new Set() : new Set(items.map((item) => item.id)))}
                    />
                  </th>
                )}
                <th className="col-when">{t('callbacks.table.requestedAt')}</th>
                <th className="col-route">{t('callbacks.table.route')}</th>
                <th className="col-phone">{t('callbacks.table.phone')}</th>
                <th className="col-person">{t('callbacks.table.assigner')}</th>
                <th className="col-person">{t('callbacks.table.assignee')}</th>
                <th className="col-when">{t('callbacks.table.completedAt')}</th>
                <th className="col-state">{t('callbacks.table.status')}</th>
                <th className="col-count">{t('callbacks.table.attempts')}</th>
                <th className="col-actions">{t('callbacks.table.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => {
                const mine = item.assignee?.id === meId && item.status === 'unprocessed';
                return (
                  <tr key={item.id} className={selected.has(item.id) ? 'selected' : undefined}>
                    {mayAssign && (
                      <td className="col-select">
                        <input type="checkbox" aria-label={`${t('callbacks.table.select')} ${item.phone}`} checked={selected.has(item.id)} onChange={() => toggle(item.id)} />
                      </td>
                    )}
                    <td className="col-when" data-label={t('callbacks.table.requestedAt')}>
                      {formatDateTime(item.requestedAt)}
                      <span className="subject-meta mono">{item.id}</span>
                    </td>
                    <td className="col-route" data-label={t('callbacks.table.route')}>
                      <span className="truncate">{item.route.name}</span>
                    </td>
                    <td className="col-phone mono" data-label={t('callbacks.table.phone')}>
                      <a href={`tel:${item.phone}`}>{item.phone}</a>
                    </td>
                    <td className="col-person" data-label={t('callbacks.table.assigner')}>
                      {item.assigner?.name ?? <span className="muted">—</span>}
                    </td>
                    <td className="col-person" data-label={t('callbacks.table.assignee')}>
                      {item.assignee ? (
                        <span className="assignee">
                          <Avatar name={item.assignee.name} size={20} />
                          <span className="truncate">{item.assignee.name}</span>
                        </span>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                    <td className="col-when" data-label={t('callbacks.table.completedAt')}>
                      {item.completedAt ? formatDateTime(item.completedAt) : <span className="muted">—</span>}
                    </td>
                    <td className="col-state" data-label={t('callbacks.table.status')}>
                      <span className={`badge tone-${CALLBACK_STATUS_TONE[item.status]}`}>
                        <span className="badge-dot" aria-hidden="true" />
                        {t(`callbacks.status.${item.status}`)}
                      </span>
                    </td>
                    <td className="col-count" data-label={t('callbacks.table.attempts')}>
                      {item.attempts}
                    </td>
                    <td className="col-actions">
                      {mine ? (
                        <span className="row-actions">
                          <button type="button" className="button small primary" disabled={busyId === item.id} onClick={() => setDialog({ kind: 'connect', callback: item })}>
                            <Icon name="phone" size={13} /> {t('callbacks.actions.connect')}
                          </button>
                          <button
                            type="button"
                            className="button small"
                            disabled={busyId === item.id}
                            onClick={() => void run(item.id, () => callbacksApi.complete(item.id), t('callbacks.actions.completed'))}
                          >
                            {busyId === item.id ? <Spinner size={12} /> : <Icon name="check" size={13} />} {t('callbacks.actions.complete')}
                          </button>
                          {!item.ticketId && (
                            <button type="button" className="button small" disabled={busyId === item.id} onClick={() => setDialog({ kind: 'history', callback: item })}>
                              <Icon name="history" size={13} /> {t('callbacks.actions.history')}
                            </button>
                          )}
                        </span>
                      ) : null}
                      {item.ticketId && (
                        <a className="ticket-link mono" href={`#/inbox/all/${encodeURIComponent(item.ticketId)}`}>
                          {t('callbacks.table.ticket', { id: item.ticketId })}
                        </a>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <div className="table-foot">
            <span className="muted">{t('callbacks.table.shown', { count: items.length })}</span>
            {cursor && (
              <button type="button" className="button" onClick={() => void loadMore()}>
                <Icon name="chevronDown" /> {t('callbacks.table.loadMore')}
              </button>
            )}
          </div>
        </div>
      )}

      <AssignDialog
        open={dialog?.kind === 'assign'}
        callbackIds={[...selected]}
        onClose={() => setDialog(null)}
        onDone={(result) => {
          setDialog(null);
          setSelected(new Set());
          toast(t('callbacks.assign.done', { done: result.done.length }), result.skipped.length ? 'info' : 'success');
          if (result.skipped.length) {
            setActionError(new Error(t('callbacks.assign.skipped', { count: result.skipped.length, reasons: [...new Set(result.skipped.map((s) => errorMessageOf(t, s.code, s.message)))].join(' ') })));
          }
          reload();
        }}
      />
      {dialog?.kind === 'connect' && (
        <ConnectDialog
          callback={dialog.callback}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            toast(t('callbacks.actions.logged'));
            reload();
          }}
        />
      )}
      {dialog?.kind === 'history' && (
        <HistoryDialog
          callback={dialog.callback}
          onClose={() => setDialog(null)}
          onDone={(updated) => {
            setDialog(null);
            toast(t('callbacks.history.created', { id: updated.ticketId ?? '' }));
            reload();
          }}
        />
      )}
    </section>
  );
}

/** A skipped request's reason in the reader's language, when the catalogue knows its code. */
function errorMessageOf(t: ReturnType<typeof useI18n>['t'], code: string, fallback: string): string {
  return codeMessage(t, code) ?? fallback;
}
