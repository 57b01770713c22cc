/**
 * The processing status (콜백 처리현황): per day, month, agent or route, assigned, completed, unprocessed, the
 * completion rate and attempts, with a bar chart of assigned against completed and CSV/XLSX exports.
 */
import { useEffect, useState } from 'react';
import { callbacksApi, type CallbackStats, type StatsGroup } from '../api/callbacks';
import { EmptyState, ErrorBanner, LoadingBlock, Spinner } from '../components/feedback';
import { Icon } from '../components/icons';
import { useI18n } from '../i18n';
import { recentPeriod } from './period';

const GROUPS: StatsGroup[] = ['day', 'month', 'agent', 'route'];

export function ProcessingStatus() {
  const { t, formatNumber } = useI18n();
  const [period, setPeriod] = useState(() => recentPeriod(14));
  const [groupBy, setGroupBy] = useState<StatsGroup>('day');
  const [stats, setStats] = useState<CallbackStats | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [exporting, setExporting] = useState<'csv' | 'xlsx' | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    setStats(null);
    setError(null);
    callbacksApi.stats(period.from, period.to, groupBy, controller.signal).then(setStats, (caught: unknown) => {
      if (!(caught instanceof DOMException && caught.name === 'AbortError')) setError(caught);
    });
    return () => controller.abort();
  }, [period, groupBy]);

  const rate = (value: number | null) => (value === null ? '—' : `${formatNumber(Math.round(value * 1000) / 10)}%`);
  const download = async (format: 'csv' | 'xlsx') => {
    setExporting(format);
    try {
      await callbacksApi.download(period.from, period.to, groupBy, format);
    } catch (caught) {
      setError(caught);
    } finally {
      setExporting(null);
    }
  };

  return (
    <section className="processing-status" aria-label={t('callbacks.tabs.status')}>
      <div className="callback-filters">
        <label className="field compact">
          <span className="field-label">{t('callbacks.filter.from')}</span>
          <input type="date" value={period.from} max={period.to} required onChange={(event) => event.target.value && setPeriod((p) => ({ ...p, from: event.target.value }))} />
        </label>
        <label className="field compact">
          <span className="field-label">{t('callbacks.filter.to')}</span>
          <input type="date" value={period.to} min={period.from} required onChange={(event) => event.target.value && setPeriod((p) => ({ ...p, to: event.target.value }))} />
        </label>
        <div className="field compact">
          <span className="field-label" id="stats-group">
            {t('callbacks.stats.groupBy')}
          </span>
          <div className="segmented small" role="radiogroup" aria-labelledby="stats-group">
            {GROUPS.map((group) => (
              <button key={group} type="button" role="radio" aria-checked={groupBy === group} aria-pressed={groupBy === group} onClick={() => setGroupBy(group)}>
                {t(`callbacks.stats.${group}`)}
              </button>
            ))}
          </div>
        </div>
        <div className="export-buttons" role="group" aria-label={t('callbacks.stats.export')}>
          {(['csv', 'xlsx'] as const).map((format) => (
            <button key={format} type="button" className="button small" disabled={exporting !== null} onClick={() => void download(format)}>
              {exporting === format ? <Spinner size={12} /> : <Icon name="upload" size={13} />} {t(`callbacks.stats.${format}`)}
            </button>
          ))}
        </div>
      </div>
      {error !== null && (
        <div className="callback-banner">
          <ErrorBanner error={error} onDismiss={() => setError(null)} />
        </div>
      )}
      {stats === null ? (
        error === null && <LoadingBlock label={t('callbacks.stats.loading')} />
      ) : stats.rows.length === 0 ? (
        <EmptyState icon="phone" title={t('callbacks.stats.empty')}>
          {t('callbacks.stats.emptyHint')}
        </EmptyState>
      ) : (
        <div className="status-body">
          <StatusChart stats={stats} />
          <div className="table-wrap">
            <table className="callback-table stats-table">
              <thead>
                <tr>
                  <th>{t('callbacks.stats.key')}</th>
                  <th className="num">{t('callbacks.stats.received')}</th>
                  <th className="num">{t('callbacks.stats.assigned')}</th>
                  <th className="num">{t('callbacks.stats.completed')}</th>
                  <th className="num">{t('callbacks.stats.unprocessed')}</th>
                  <th className="num">{t('callbacks.stats.rate')}</th>
                  <th className="num">{t('callbacks.stats.attempts')}</th>
                </tr>
              </thead>
              <tbody>
                {stats.rows.map((row) => (
                  <tr key={row.key}>
                    <td>{row.label}</td>
                    <td className="num">{formatNumber(row.received)}</td>
                    <td className="num">{formatNumber(row.assigned)}</td>
                    <td className="num">{formatNumber(row.completed)}</td>
                    <td className="num">{formatNumber(row.unprocessed)}</td>
                    <td className="num">{rate(row.completionRate)}</td>
                    <td className="num">{formatNumber(row.attempts)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('callbacks.stats.total')}</th>
                  <td className="num">{formatNumber(stats.total.received)}</td>
                  <td className="num">{formatNumber(stats.total.assigned)}</td>
                  <td className="num">{formatNumber(stats.total.completed)}</td>
                  <td className="num">{formatNumber(stats.total.unprocessed)}</td>
                  <td className="num">{rate(stats.total.completionRate)}</td>
                  <td className="num">{formatNumber(stats.total.attempts)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}

function StatusChart({ stats }: { stats: CallbackStats }) {
  const { t } = useI18n();
  const rows = stats.rows.slice(-31);
  const max = Math.max(1, ...rows.map((row) => row.assigned));
  const slot = 40;
  const width = Math.max(320, rows.length * slot);
  const height = 150;
  const top = 14;
  const chartHeight = 100;
  const bar = 12;
  return (
    <figure className="chart-card status-chart">
      <figcaption>
        <span>{t('callbacks.stats.chart')}</span>
        <span className="legend">
          <span className="swatch assigned" /> {t('callbacks.stats.assigned')}
          <span className="swatch completed" /> {t('callbacks.stats.completed')}
        </span>
      </figcaption>
      <div className="chart-scroll">
        <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={t('callbacks.stats.chart')}>
          <line x1="0" x2={width} y1={top + chartHeight + 0.5} y2={top + chartHeight + 0.5} className="chart-axis" />
          {rows.map((row, index) => {
            const x = index * slot + (slot - bar * 2 - 2) / 2;
            const assigned = (row.assigned / max) * chartHeight;
            const completed = (row.completed / max) * chartHeight;
            return (
              <g key={row.key}>
                <title>{t('callbacks.stats.chartBar', { label: row.label, assigned: row.assigned, completed: row.completed })}</title>
                <rect x={x} y={top + chartHeight - assigned} width={bar} height={Math.max(row.assigned ? 2 : 0, assigned)} rx="3" className="chart-bar" />
                <rect x={x + bar + 2} y={top + chartHeight - completed} width={bar} height={Math.max(row.completed ? 2 : 0, completed)} rx="3" className="chart-bar today" />
                {row.assigned > 0 && (
                  <text x={x + bar / 2} y={top + chartHeight - assigned - 3} className="chart-value" textAnchor="middle">
                    {row.assigned}
                  </text>
                )}
                <text x={index * slot + slot / 2} y={height - 4} className="chart-day" textAnchor="middle">
                  {shortLabel(row.label)}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
    </figure>
  );
}

/** Dates as MM-DD, names cut to fit under a bar. */
function shortLabel(label: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(label)) return label.slice(5);
  return label.length > 6 ? `${label.slice(0, 5)}…` : label;
}
