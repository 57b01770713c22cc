/**
 * The operator console: the platform's health at a glance, the workflows that need an operator with their reasons
 * and counts, one workflow in detail, and the actions that fix it, each confirmed with a reason. Refreshes itself
 * while the tab is visible; every workflow links to the same run in the Temporal Web UI.
 */
import './operations.css';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  operationsApi,
  type OperationsDetail,
  type OperationsOverview,
  type OperationsPage,
  type OperationsWorkflow,
  type StuckReason,
  type WorkflowAction,
  type WorkflowKind,
} from '../api/operations';
import { takesSignedUrls } from '../api/hooks';
import { ConfirmDialog } from '../components/confirm';
import { EmptyState, ErrorBanner, LoadingBlock, Spinner } from '../components/feedback';
import { Icon, type IconName } from '../components/icons';
import { useToast } from '../components/toasts';
import { isMessageKey, useI18n, type MessageKey } from '../i18n';
import { navigate } from '../router';
import { useMe } from '../session';
import { SignedUrlDialog } from '../signed-urls/SignedUrlDialog';
import { STUCK_REASONS } from '../../../domain/workflow-kinds';

const REFRESH_MS = 5_000;

const REASON_TONES: Record<StuckReason, string> = {
  activity_retrying: 'amber',
  workflow_task_failing: 'rose',
  no_progress: 'slate',
  no_worker: 'violet',
  delivery_failed: 'orange',
};

/** Refetches every few seconds while on and the tab is visible. */
function useLiveRefresh(on: boolean, refresh: () => void) {
  useEffect(() => {
    if (!on) return;
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') refresh();
    }, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [on, refresh]);
}

export default function OperationsConsole({ workflowId }: { workflowId?: string }) {
  const { t, formatDateTime } = useI18n();
  const [stuckOnly, setStuckOnly] = useState(true);
  const [reason, setReason] = useState<StuckReason | undefined>();
  const [kind, setKind] = useState<WorkflowKind | undefined>();
  const [more, setMore] = useState<{ cursor: string; loading: boolean } | null>(null);
  const [live, setLive] = useState(true);
  const [overview, setOverview] = useState<OperationsOverview | null>(null);
  const [page, setPage] = useState<OperationsPage | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [updatedAt, setUpdatedAt] = useState<string | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [detailVersion, setDetailVersion] = useState(0);

  const load = useCallback(
    async (quiet: boolean) => {
      try {
        const [nextOverview, nextPage] = await Promise.all([
          operationsApi.overview(quiet),
          operationsApi.list({ stuck: stuckOnly, kind, reason: stuckOnly ? reason : undefined }, quiet),
        ]);
        setOverview(nextOverview);
        setPage(nextPage);
        setMore(nextPage.nextCursor ? { cursor: nextPage.nextCursor, loading: false } : null);
        setError(null);
        setUpdatedAt(new Date().toISOString());
      } catch (caught) {
        setError(caught);
      }
    },
    [stuckOnly, reason, kind],
  );

  const loadMore = async () => {
    if (!more || more.loading) return;
    setMore({ ...more, loading: true });
    try {
      const next = await operationsApi.list({ stuck: stuckOnly, kind, reason: stuckOnly ? reason : undefined, cursor: more.cursor });
      setPage((current) => (current ? { ...next, items: [...current.items, ...next.items] } : next));
      setMore(next.nextCursor ? { cursor: next.nextCursor, loading: false } : null);
    } catch (caught) {
      setError(caught);
      setMore({ ...more, loading: false });
    }
  };

  useEffect(() => {
    setPage(null);
    void load(false);
  }, [load]);
  const refresh = useCallback(() => {
    void load(true);
    setDetailVersion((version) => version + 1);
  }, [load]);
  useLiveRefresh(live, refresh);

  const items = page?.items ?? [];
  const toggle = (id: string) => setSelected((current) => (current.includes(id) ? current.filter((one) => one !== id) : [...current, id]));

  return (
    <div className={`operations ${workflowId ? 'with-detail' : ''}`}>
      <div className="operations-main">
        <header className="operations-header">
          <div>
            <h1>{t('operations.title')}</h1>
            <p className="muted">{t('operations.subtitle')}</p>
          </div>
          <div className="operations-refresh">
            {updatedAt && <span className="muted small">{t('operations.refresh.updated', { time: formatDateTime(updatedAt) })}</span>}
            <label className="checkbox-line">
              <input type="checkbox" checked={live} onChange={(event) => setLive(event.target.checked)} />
              {t('operations.refresh.auto')}
            </label>
            <button type="button" className="button small" onClick={refresh}>
              <Icon name="refresh" size={14} />
              {t('operations.refresh.now')}
            </button>
            {overview?.temporalUiUrl && (
              <a className="button small" href={overview.temporalUiUrl} target="_blank" rel="noreferrer">
                <Icon name="globe" size={14} />
                {t('operations.health.openTemporal')}
              </a>
            )}
          </div>
        </header>
        <HealthStrip overview={overview} />
        <ErrorBanner error={error} />
        <div className="operations-filters">
          <div className="segmented small" role="group" aria-label={t('operations.view.label')}>
            <button type="button" aria-pressed={stuckOnly} onClick={() => setStuckOnly(true)}>
              {t('operations.view.stuck')}
            </button>
            <button type="button" aria-pressed={!stuckOnly} onClick={() => setStuckOnly(false)}>
              {t('operations.view.all')}
            </button>
          </div>
          {overview && overview.kinds.length > 1 && (
            <select
              className="kind-select"
              aria-label={t('operations.kind.label')}
              value={kind ?? ''}
              onChange={(event) => setKind((event.target.value || undefined) as WorkflowKind | undefined)}
            >
              <option value="">{t('operations.kind.all')}</option>
              {overview.kinds.map((one) => (
                <option key={one.kind} value={one.kind}>
                  {kindLabel(t, one.kind)}
                </option>
              ))}
            </select>
          )}
          {stuckOnly && (
            <div className="reason-chips" role="group" aria-label={t('operations.reasons.label')}>
              <button type="button" className="reason-chip" aria-pressed={reason === undefined} onClick={() => setReason(undefined)}>
                {t('operations.reasons.all')}
                <span className="count">{page?.total ?? '–'}</span>
              </button>
              {STUCK_REASONS.map((one) => (
                <button
                  key={one}
                  type="button"
                  className={`reason-chip tone-${REASON_TONES[one]}`}
                  aria-pressed={reason === one}
                  title={t(`operations.reasonHelp.${one}`)}
                  onClick={() => setReason(reason === one ? undefined : one)}
                >
                  {t(`operations.reasons.${one}`)}
                  <span className="count">{page?.counts[one] ?? '–'}</span>
                </button>
              ))}
            </div>
          )}
        </div>
        {selected.length > 0 && <BatchBar selected={selected} onDone={() => (setSelected([]), refresh())} onClear={() => setSelected([])} />}
        <WorkflowTable page={page} stuckOnly={stuckOnly} items={items} selected={selected} current={workflowId} onToggle={toggle} />
        {more && (
          <button type="button" className="button small load-more" onClick={() => void loadMore()} disabled={more.loading}>
            {more.loading && <Spinner size={14} />}
            {t('operations.table.more')}
          </button>
        )}
      </div>
      {workflowId && <WorkflowDetailPanel key={workflowId} workflowId={workflowId} version={detailVersion} onChanged={refresh} />}
    </div>
  );
}

function HealthStrip({ overview }: { overview: OperationsOverview | null }) {
  const { t, formatNumber } = useI18n();
  if (!overview) return <div className="health-strip" aria-busy="true" />;
  const state = (ok: boolean) => (ok ? t('operations.health.ok') : t('operations.health.unavailable'));
  const queue = overview.taskQueues[0];
  const cards: { key: string; icon: IconName; label: string; value: string; tone: string }[] = [
    { key: 'db', icon: 'layers', label: t('operations.health.database'), value: state(overview.database === 'ok'), tone: overview.database === 'ok' ? 'green' : 'rose' },
    { key: 'temporal', icon: 'flow', label: t('operations.health.temporal'), value: state(overview.temporal === 'ok'), tone: overview.temporal === 'ok' ? 'green' : 'rose' },
    {
      key: 'pollers',
      icon: 'users',
      label: queue ? t('operations.health.pollers', { queue: queue.name }) : t('operations.health.noQueue'),
      value: queue ? t('operations.health.pollerCounts', { workflow: queue.workflowPollers, activity: queue.activityPollers }) : '–',
      tone: queue && queue.workflowPollers > 0 && queue.activityPollers > 0 ? 'blue' : 'rose',
    },
    {
      key: 'backlog',
      icon: 'inbox',
      label: t('operations.health.backlog'),
      value: queue ? formatNumber(queue.workflowBacklog + queue.activityBacklog) : '–',
      tone: queue && queue.workflowBacklog + queue.activityBacklog > 0 ? 'amber' : 'slate',
    },
    {
      key: 'failed',
      icon: 'alert',
      label: t('operations.health.failedLastHour'),
      value: overview.failedDeliveriesLastHour === null ? '–' : formatNumber(overview.failedDeliveriesLastHour),
      tone: overview.failedDeliveriesLastHour ? 'orange' : 'slate',
    },
  ];
  return (
    <section className="health-strip" aria-label={t('operations.health.label')}>
      {cards.map((card) => (
        <div key={card.key} className={`stat-card health-card tone-${card.tone}`} data-health={card.key}>
          <span className="stat-icon">
            <Icon name={card.icon} size={16} />
          </span>
          <span className="stat-text">
            <span className="stat-value">{card.value}</span>
            <span className="stat-label">{card.label}</span>
          </span>
        </div>
      ))}
    </section>
  );
}

function ReasonBadges({ reasons }: { reasons: StuckReason[] }) {
  const { t } = useI18n();
  return (
    <span className="reason-badges">
      {reasons.map((reason) => (
        <span key={reason} className={`badge tone-${REASON_TONES[reason]}`}>
          <span className="badge-dot" />
          {t(`operations.reasons.${reason}`)}
        </span>
      ))}
    </span>
  );
}

function kindLabel(t: (key: MessageKey) => string, kind: string): string {
  const key = `operations.kind.${kind}`;
  return isMessageKey(key) ? t(key) : kind;
}

function WorkflowTable({
  page,
  stuckOnly,
  items,
  selected,
  current,
  onToggle,
}: {
  page: OperationsPage | null;
  stuckOnly: boolean;
  items: OperationsWorkflow[];
  selected: string[];
  current?: string;
  onToggle: (id: string) => void;
}) {
  const { t, formatRelative } = useI18n();
  if (!page) return <LoadingBlock label={t('operations.table.loading')} />;
  if (items.length === 0) {
    return (
      <EmptyState icon="checkCircle" title={t(stuckOnly ? 'operations.table.emptyStuck' : 'operations.table.empty')}>
        {stuckOnly && page.scanned !== null && <p>{t('operations.table.scanned', { count: page.scanned })}</p>}
      </EmptyState>
    );
  }
  return (
    <div className="table-wrap">
      <table className="ticket-table operations-table" aria-label={t('operations.table.label')}>
        <thead>
          <tr>
            <th className="select-cell">
              <span className="sr-only">{t('operations.table.select')}</span>
            </th>
            <th>{t('operations.table.workflow')}</th>
            <th className="hide-narrow">{t('operations.table.kind')}</th>
            <th className="hide-narrow">{t('operations.table.status')}</th>
            <th>{t('operations.table.reasons')}</th>
            <th className="hide-narrow">{t('operations.table.started')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr
              key={item.workflowId}
              aria-selected={item.workflowId === current}
              className={item.workflowId === current ? 'active' : undefined}
              onClick={() => navigate({ name: 'operations', workflowId: item.workflowId })}
            >
              <td className="select-cell" onClick={(event) => event.stopPropagation()}>
                <input
                  type="checkbox"
                  aria-label={t('operations.table.selectOne', { id: item.workflowId })}
                  checked={selected.includes(item.workflowId)}
                  onChange={() => onToggle(item.workflowId)}
                />
              </td>
              <td>
                <a
                  className="workflow-title"
                  href={`#/operations/${encodeURIComponent(item.workflowId)}`}
                  onClick={(event) => event.stopPropagation()}
                >
                  {item.businessObject?.title ?? item.workflowId}
                </a>
                <span className="mono muted small">{item.workflowId}</span>
              </td>
              <td className="hide-narrow">{kindLabel(t, item.kind)}</td>
              <td className="hide-narrow">
                <span className={`badge tone-${item.status === 'running' ? 'blue' : item.status === 'completed' ? 'green' : 'slate'}`}>
                  {t(`operations.status.${item.status}`)}
                </span>
              </td>
              <td>
                <ReasonBadges reasons={item.reasons} />
              </td>
              <td className="hide-narrow muted">{item.startTime ? formatRelative(item.startTime) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {page.scanned !== null && <p className="table-foot muted small">{t('operations.table.scanned', { count: page.scanned })}</p>}
    </div>
  );
}

type BatchAction = 'retry_now' | 'reset' | 'cancel' | 'terminate';

function BatchBar({ selected, onDone, onClear }: { selected: string[]; onDone: () => void; onClear: () => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const [action, setAction] = useState<BatchAction | null>(null);
  const [reasonText, setReasonText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [invalid, setInvalid] = useState(false);
  const confirm = async () => {
    if (!action) return;
    if (reasonText.trim().length < 3) return setInvalid(true);
    setInvalid(false);
    setBusy(true);
    setError(null);
    try {
      const { results } = await operationsApi.batch(action, reasonText.trim(), selected);
      const ok = results.filter((result) => result.ok).length;
      toast(t('operations.batch.results', { ok, failed: results.length - ok }), ok === results.length ? 'success' : 'info');
      setAction(null);
      onDone();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const labels: Record<BatchAction, MessageKey> = {
    retry_now: 'operations.action.retry-now',
    reset: 'operations.action.reset',
    cancel: 'operations.action.cancel',
    terminate: 'operations.action.terminate',
  };
  return (
    <div className="batch-bar" role="region" aria-label={t('operations.batch.label')}>
      <strong>{t('operations.batch.selected', { count: selected.length })}</strong>
      {(Object.keys(labels) as BatchAction[]).map((one) => (
        <button key={one} type="button" className={`button small ${one === 'terminate' ? 'danger' : ''}`} onClick={() => (setReasonText(''), setError(null), setInvalid(false), setAction(one))}>
          {t(labels[one])}
        </button>
      ))}
      <button type="button" className="button small" onClick={onClear}>
        {t('operations.batch.clear')}
      </button>
      <ConfirmDialog
        open={action !== null}
        title={action ? t(labels[action]) : ''}
        subtitle={t('operations.batch.confirm', { count: selected.length })}
        confirmLabel={action ? t(labels[action]) : ''}
        danger={action === 'terminate' || action === 'cancel'}
        busy={busy}
        error={error}
        onConfirm={() => void confirm()}
        onClose={() => setAction(null)}
      >
        <ReasonField value={reasonText} onChange={setReasonText} />
        {invalid && (
          <p className="field-error small" role="alert">
            {t('operations.action.reasonRequired')}
          </p>
        )}
      </ConfirmDialog>
    </div>
  );
}

function ReasonField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useI18n();
  return (
    <label className="field">
      <span className="field-label">{t('operations.action.reason')}</span>
      <textarea
        name="reason"
        rows={2}
        required
        minLength={3}
        maxLength={500}
        value={value}
        placeholder={t('operations.action.reasonPlaceholder')}
        onChange={(event) => onChange(event.target.value)}
      />
      <span className="field-hint muted small">{t('operations.action.reasonHint')}</span>
    </label>
  );
}

type PendingAction = { kind: WorkflowAction } | { kind: 'retry-delivery'; deliveryId: string };

function WorkflowDetailPanel({ workflowId, version, onChanged }: { workflowId: string; version: number; onChanged: () => void }) {
  const { t, formatDateTime, formatRelative } = useI18n();
  const toast = useToast();
  const [detail, setDetail] = useState<OperationsDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState<PendingAction | null>(null);
  const [minting, setMinting] = useState(false);
  const isAdmin = useMe().role === 'admin';

  useEffect(() => {
    let cancelled = false;
    operationsApi.get(workflowId, version > 0).then(
      (next) => !cancelled && (setDetail(next), setError(null)),
      (caught: unknown) => !cancelled && setError(caught),
    );
    return () => {
      cancelled = true;
    };
  }, [workflowId, version]);

  const close = () => navigate({ name: 'operations' });
  const running = detail?.status === 'running';
  const actions: { kind: WorkflowAction; icon: IconName; enabled: boolean; danger?: boolean }[] = useMemo(
    () => [
      { kind: 'retry-now', icon: 'refresh', enabled: running && (detail?.pendingActivities.length ?? 0) > 0 },
      { kind: 'reset', icon: 'undo', enabled: detail !== null },
      { kind: 'signal', icon: 'send', enabled: running },
      { kind: 'cancel', icon: 'ban', enabled: running, danger: true },
      { kind: 'terminate', icon: 'x', enabled: running, danger: true },
    ],
    [running, detail],
  );

  return (
    <aside className="operations-detail" aria-label={t('operations.detail.label')}>
      <header className="operations-detail-header">
        <div>
          <h2>{detail?.businessObject?.title ?? workflowId}</h2>
          <p className="mono muted small">{workflowId}</p>
        </div>
        <button type="button" className="icon-button" onClick={close} aria-label={t('operations.detail.close')}>
          <Icon name="x" />
        </button>
      </header>
      <ErrorBanner error={error} />
      {!detail && !error && <LoadingBlock label={t('operations.detail.loading')} />}
      {detail && (
        <div className="operations-detail-body">
          <div className="detail-facts">
            <span className={`badge tone-${detail.status === 'running' ? 'blue' : 'slate'}`}>{t(`operations.status.${detail.status}`)}</span>
            <ReasonBadges reasons={detail.reasons} />
          </div>
          {detail.businessObject && (
            <dl className="facts">
              <dt>{t('operations.detail.businessStatus')}</dt>
              <dd>{isMessageKey(`status.${detail.businessObject.status}`) ? t(`status.${detail.businessObject.status}` as MessageKey) : detail.businessObject.status}</dd>
              <dt>{t('operations.detail.assignee')}</dt>
              <dd>{detail.businessObject.assignee?.name ?? t('operations.detail.unassigned')}</dd>
              <dt>{t('operations.detail.service')}</dt>
              <dd>{detail.businessObject.serviceName ?? '–'}</dd>
              <dt>{t('operations.detail.customer')}</dt>
              <dd>{detail.businessObject.customer?.name ?? '–'}</dd>
            </dl>
          )}
          <dl className="facts">
            <dt>{t('operations.detail.taskQueue')}</dt>
            <dd className="mono">{detail.taskQueue}</dd>
            <dt>{t('operations.detail.runId')}</dt>
            <dd className="mono">{detail.runId}</dd>
            <dt>{t('operations.detail.started')}</dt>
            <dd>{detail.startTime ? formatDateTime(detail.startTime) : '–'}</dd>
          </dl>
          <div className="detail-links">
            {detail.temporalUrl && (
              <a className="button small" href={detail.temporalUrl} target="_blank" rel="noreferrer">
                <Icon name="globe" size={14} />
                {t('operations.detail.openTemporal')}
              </a>
            )}
            {detail.kind === 'ticket' && detail.businessObject && (
              <a className="button small" href={`#/inbox/all/${encodeURIComponent(detail.businessObject.id)}`}>
                <Icon name="inbox" size={14} />
                {t('operations.detail.openTicket')}
              </a>
            )}
          </div>
          <div className="detail-actions" role="group" aria-label={t('operations.detail.actions')}>
            {actions.map((action) => (
              <button
                key={action.kind}
                type="button"
                className={`button small ${action.danger ? 'danger' : ''}`}
                disabled={!action.enabled}
                onClick={() => setPending({ kind: action.kind })}
              >
                <Icon name={action.icon} size={14} />
                {t(`operations.action.${action.kind}`)}
              </button>
            ))}
            {isAdmin && takesSignedUrls(detail.kind) && (
              <button type="button" className="button small" disabled={!running} onClick={() => setMinting(true)}>
                <Icon name="zap" size={14} />
                {t('signedUrl.open')}
              </button>
            )}
          </div>

          <Section title={t('operations.detail.pendingActivities')} count={detail.pendingActivities.length}>
            {detail.pendingActivities.length === 0 && <p className="muted small">{t('operations.detail.noPending')}</p>}
            {detail.pendingActivities.map((activity) => (
              <article key={activity.activityId} className="pending-activity">
                <header>
                  <strong className="mono">{activity.activityType}</strong>
                  <span className="muted small">
                    {activity.maximumAttempts
                      ? t('operations.detail.attemptOf', { attempt: activity.attempt, max: activity.maximumAttempts })
                      : t('operations.detail.attempt', { attempt: activity.attempt })}
                  </span>
                </header>
                {activity.nextAttemptScheduleTime && (
                  <p className="small">
                    {t('operations.detail.nextRetry', {
                      seconds: Math.max(0, Math.round((Date.parse(activity.nextAttemptScheduleTime) - Date.now()) / 1000)),
                    })}
                  </p>
                )}
                {activity.lastFailure && <FailureBlock failure={activity.lastFailure} />}
              </article>
            ))}
          </Section>

          {(detail.pendingWorkflowTask || detail.workflowTaskFailure) && (
            <Section title={t('operations.detail.workflowTask')}>
              {detail.pendingWorkflowTask && (
                <p className="small">
                  {t('operations.detail.workflowTaskState', {
                    state: detail.pendingWorkflowTask.state,
                    attempt: detail.pendingWorkflowTask.attempt,
                  })}
                </p>
              )}
              {detail.workflowTaskFailure && <FailureBlock failure={detail.workflowTaskFailure} />}
            </Section>
          )}

          <Section title={t('operations.detail.deliveries')} count={detail.deliveries.length}>
            {detail.deliveries.length === 0 && <p className="muted small">{t('operations.detail.noDeliveries')}</p>}
            <ul className="delivery-list">
              {detail.deliveries.map((delivery) => (
                <li key={delivery.id} className={`delivery delivery-${delivery.status}`}>
                  <div>
                    <strong>{isMessageKey(`operations.delivery.type.${delivery.type}`) ? t(`operations.delivery.type.${delivery.type}` as MessageKey) : delivery.type}</strong>
                    <span className="mono muted small"> {delivery.id}</span>
                    <div className="small">
                      <span className={`badge tone-${delivery.status === 'failed' ? 'rose' : delivery.status === 'sent' ? 'green' : 'slate'}`}>
                        {t(`operations.delivery.status.${delivery.status}`)}
                      </span>{' '}
                      {t('operations.delivery.attempts', { count: delivery.attempts })}
                    </div>
                    {delivery.lastError && <p className="failure-message small">{delivery.lastError}</p>}
                  </div>
                  {delivery.status === 'failed' && (
                    <button type="button" className="button small" onClick={() => setPending({ kind: 'retry-delivery', deliveryId: delivery.id })}>
                      <Icon name="refresh" size={14} />
                      {t('operations.action.retry-delivery')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </Section>

          {detail.evaluations.length > 0 && (
            <Section title={t('operations.detail.evaluations')} count={detail.evaluations.length}>
              <ul className="plain-list small">
                {detail.evaluations.map((evaluation) => (
                  <li key={evaluation.evaluation}>
                    {t('operations.detail.evaluation', {
                      number: evaluation.evaluation,
                      event: evaluation.event,
                      version: evaluation.versionNumber ?? '–',
                      effects: evaluation.sideEffects.length,
                    })}
                  </li>
                ))}
              </ul>
            </Section>
          )}

          <Section title={t('operations.detail.history')} count={detail.history.length}>
            <ol className="history-list small">
              {detail.history.map((event) => (
                <li key={event.eventId}>
                  <span className="mono muted">#{event.eventId}</span> <strong>{event.type}</strong>
                  {event.detail && <span className="muted"> · {event.detail}</span>}
                  {event.time && <span className="muted"> · {formatRelative(event.time)}</span>}
                </li>
              ))}
            </ol>
          </Section>

          <Section title={t('operations.detail.operatorActions')} count={detail.operatorActions.length}>
            {detail.operatorActions.length === 0 && <p className="muted small">{t('operations.detail.noActions')}</p>}
            <ul className="plain-list operator-actions small">
              {detail.operatorActions.map((entry, index) => (
                <li key={index}>
                  <strong>{entry.action.replace('operations.', '')}</strong> · {String(entry.details.reason ?? '')} ·{' '}
                  <span className="muted">{formatRelative(entry.at)}</span>
                </li>
              ))}
            </ul>
          </Section>
        </div>
      )}
      {minting && detail && takesSignedUrls(detail.kind) && (
        <SignedUrlDialog workflowId={workflowId} kind={detail.kind} onClose={() => setMinting(false)} />
      )}
      {pending && detail && (
        <ActionDialog
          workflowId={workflowId}
          action={pending}
          signals={detail.signals}
          onClose={() => setPending(null)}
          onDone={(message) => {
            setPending(null);
            toast(message);
            onChanged();
          }}
        />
      )}
    </aside>
  );
}

function Section({ title, count, children }: { title: string; count?: number; children: ReactNode }) {
  return (
    <section className="detail-section">
      <h3>
        {title}
        {count !== undefined && <span className="count">{count}</span>}
      </h3>
      {children}
    </section>
  );
}

function FailureBlock({ failure }: { failure: { message: string; type: string | null; stackTrace: string | null; cause: string | null } }) {
  const { t } = useI18n();
  return (
    <div className="failure">
      <p className="failure-message">
        {failure.type && <span className="mono">[{failure.type}] </span>}
        {failure.message}
      </p>
      {failure.cause && <p className="muted small">{failure.cause}</p>}
      {failure.stackTrace && (
        <details>
          <summary className="small">{t('operations.detail.stack')}</summary>
          <pre className="failure-stack">{failure.stackTrace}</pre>
        </details>
      )}
    </div>
  );
}

function ActionDialog({
  workflowId,
  action,
  signals,
  onClose,
  onDone,
}: {
  workflowId: string;
  action: PendingAction;
  signals: string[];
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useI18n();
  const [reasonText, setReasonText] = useState('');
  const [signalName, setSignalName] = useState(signals[0] ?? '');
  const [signalArgs, setSignalArgs] = useState('[]');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [invalid, setInvalid] = useState<MessageKey | null>(null);

  const confirm = async () => {
    const reason = reasonText.trim();
    if (reason.length < 3) return setInvalid('operations.action.reasonRequired');
    let args: unknown[] = [];
    if (action.kind === 'signal') {
      try {
        const parsed: unknown = JSON.parse(signalArgs || '[]');
        if (!Array.isArray(parsed)) throw new Error('not an array');
        args = parsed;
      } catch {
        return setInvalid('operations.action.signalArgsInvalid');
      }
    }
    setInvalid(null);
    setBusy(true);
    setError(null);
    try {
      if (action.kind === 'retry-delivery') await operationsApi.retryDelivery(workflowId, action.deliveryId, reason);
      else await operationsApi.act(workflowId, action.kind, action.kind === 'signal' ? { reason, name: signalName, args } : { reason });
      onDone(t(`operations.action.done.${action.kind}`));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <ConfirmDialog
      open
      title={t(`operations.action.${action.kind}`)}
      subtitle={t(`operations.action.explain.${action.kind}`)}
      confirmLabel={t(`operations.action.${action.kind}`)}
      danger={action.kind === 'terminate' || action.kind === 'cancel'}
      busy={busy}
      error={error}
      onConfirm={() => void confirm()}
      onClose={onClose}
    >
      {action.kind === 'signal' && (
        <>
          <label className="field">
            <span className="field-label">{t('operations.action.signalName')}</span>
            <input name="signal" list="operations-signals" value={signalName} onChange={(event) => setSignalName(event.target.value)} />
            <datalist id="operations-signals">
              {signals.map((signal) => (
                <option key={signal} value={signal} />
              ))}
            </datalist>
          </label>
          <label className="field">
            <span className="field-label">{t('operations.action.signalArgs')}</span>
            <input name="args" className="mono" value={signalArgs} onChange={(event) => setSignalArgs(event.target.value)} />
          </label>
        </>
      )}
      <ReasonField value={reasonText} onChange={setReasonText} />
      {invalid && (
        <p className="field-error small" role="alert">
          {t(invalid)}
        </p>
      )}
      {busy && <Spinner size={14} />}
    </ConfirmDialog>
  );
}
