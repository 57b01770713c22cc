/**
 * The audit log (감사 로그, admins): every configuration change, newest first, fifty at a time with a button for
 * older ones. The filters (area, who, free text) narrow the entries loaded so far; the API pages but does not filter.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import { auditApi, type AuditEntry } from '../../api/admin';
import { EmptyState, ErrorBanner, LoadingBlock, Spinner } from '../../components/feedback';
import { Icon } from '../../components/icons';
import { useDirectory } from '../../directory';
import { isMessageKey, useI18n } from '../../i18n';
import { SettingsFrame } from '../../settings/ServiceSettings';
import { auditArea, distinct, filterAudit, type AuditFilter } from '../model';

export default function AuditPage() {
  return (
    <SettingsFrame page="audit" title="admin.audit.title" subtitle="admin.audit.subtitle">
      <AuditLog />
    </SettingsFrame>
  );
}

function AuditLog() {
  const { t, formatDateTime, formatNumber } = useI18n();
  const { agentName, groupName, serviceName } = useDirectory();
  const id = useId();
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [filter, setFilter] = useState<AuditFilter>({ area: '', actorId: '', query: '' });

  const loadPage = useCallback((after?: string) => {
    setLoadingMore(true);
    auditApi
      .page(after)
      .then((page) => {
        setEntries((loaded) => (after ? [...(loaded ?? []), ...page.items] : page.items));
        setCursor(page.nextCursor);
        setError(null);
      })
      .catch(setError)
      .finally(() => setLoadingMore(false));
  }, []);
  useEffect(() => loadPage(), [loadPage]);

  if (entries === null) return error ? <ErrorBanner error={error} /> : <LoadingBlock label={t('admin.audit.loading')} />;

  const areas = distinct(entries, (entry) => auditArea(entry.action)).sort();
  const actors = distinct(entries, (entry) => entry.actorId);
  const actorName = (actorId: string) => entries.find((entry) => entry.actorId === actorId)?.actorName ?? actorId;
  const shown = filterAudit(entries, filter);
  const areaLabel = (area: string) => {
    const key = `admin.audit.area.${area}`;
    return isMessageKey(key) ? t(key) : area;
  };
  // A target is an id; the directory names the agents, groups and services it knows.
  const targetName = (target: string) => [agentName(target), groupName(target), serviceName(target)].find((name) => name && name !== target) ?? null;
  const filtered = filter.area !== '' || filter.actorId !== '' || filter.query.trim() !== '';

  return (
    <>
      <div className="audit-filters" role="search">
        <label className="field">
          <span className="field-sub">{t('admin.audit.filter.area')}</span>
          <select value={filter.area} onChange={(event) => setFilter({ ...filter, area: event.target.value })}>
            <option value="">{t('admin.audit.filter.anyArea')}</option>
            {areas.map((area) => (
              <option key={area} value={area}>
                {areaLabel(area)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-sub">{t('admin.audit.filter.actor')}</span>
          <select value={filter.actorId} onChange={(event) => setFilter({ ...filter, actorId: event.target.value })}>
            <option value="">{t('admin.audit.filter.anyone')}</option>
            {actors.map((actorId) => (
              <option key={actorId} value={actorId}>
                {actorName(actorId)}
              </option>
            ))}
          </select>
        </label>
        <label className="field audit-query">
          <span className="field-sub">{t('admin.audit.filter.query')}</span>
          <input type="search" value={filter.query} onChange={(event) => setFilter({ ...filter, query: event.target.value })} placeholder={t('admin.audit.filter.queryHint')} />
        </label>
      </div>
      <p className="field-hint" id={`${id}-count`} aria-live="polite">
        {filtered
          ? t('admin.audit.countFiltered', { shown: formatNumber(shown.length), loaded: formatNumber(entries.length) })
          : t('admin.audit.count', { loaded: formatNumber(entries.length) })}
      </p>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {shown.length === 0 ? (
        <EmptyState icon="history" title={filtered ? t('admin.audit.noMatch') : t('admin.audit.empty')}>
          {filtered && cursor && <p>{t('admin.audit.noMatchMore')}</p>}
        </EmptyState>
      ) : (
        <ol className="settings-list audit-list" aria-label={t('admin.audit.title')} aria-describedby={`${id}-count`}>
          {shown.map((entry) => (
            <li key={entry.id} className="settings-row audit-row">
              <div className="settings-row-main">
                <div className="settings-row-title">
                  <span className="pill tone-blue">{areaLabel(auditArea(entry.action))}</span>
                  <code>{entry.action}</code>
                  {entry.target && (
                    <span className="muted" title={entry.target}>
                      {targetName(entry.target) ?? entry.target}
                    </span>
                  )}
                </div>
                <div className="audit-meta muted">
                  <span>
                    <Icon name={entry.actor?.kind === 'api_client' ? 'lock' : 'user'} size={12} />{' '}
                    {entry.actor?.kind === 'api_client'
                      ? t('admin.audit.viaToken', { name: entry.actorName ?? entry.actorId ?? '' })
                      : (entry.actorName ?? entry.actorId ?? t('admin.audit.system'))}
                  </span>
                  <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                </div>
                {Object.keys(entry.details).length > 0 && (
                  <details className="audit-details">
                    <summary>{t('admin.audit.details')}</summary>
                    <dl>
                      {Object.entries(entry.details).map(([key, value]) => (
                        <div key={key}>
                          <dt>{key}</dt>
                          <dd>{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
                        </div>
                      ))}
                    </dl>
                  </details>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
      {cursor && (
        <button type="button" className="button audit-more" onClick={() => loadPage(cursor)} disabled={loadingMore}>
          {loadingMore ? <Spinner size={14} /> : <Icon name="chevronDown" size={14} />}
          {t('admin.audit.more')}
        </button>
      )}
    </>
  );
}
