/** Today at a glance: the counters agents check first and tickets received over the last seven days. */
import type { CSSProperties } from 'react';
import type { Ticket } from '../api/types';
import { Icon, type IconName } from '../components/icons';
import { isSameLocalDay } from '../format';
import { useI18n, type MessageKey } from '../i18n';
import { hrefFor } from '../router';
import { formatCount, type ListCounts } from './useListCounts';
import './transfers/transfers.css';

interface Stat {
  key: string;
  label: MessageKey;
  value: string;
  icon: IconName;
  tone: string;
  href: string;
}

export function DashboardStrip({ counts }: { counts: ListCounts }) {
  const { t } = useI18n();
  const resolvedToday = counts.dashboard?.all.resolvedToday;

  const stats: Stat[] = [
    { key: 'progress', label: 'workspace.dashboard.mineInProgress', value: formatCount(counts.counts.mine_in_progress), icon: 'user', tone: 'blue', href: hrefFor({ name: 'inbox', list: 'mine_in_progress' }) },
    { key: 'hold', label: 'workspace.dashboard.mineOnHold', value: formatCount(counts.counts.mine_on_hold), icon: 'pause', tone: 'amber', href: hrefFor({ name: 'inbox', list: 'mine_on_hold' }) },
    { key: 'unassigned', label: 'workspace.dashboard.unassigned', value: formatCount(counts.counts.unassigned), icon: 'inbox', tone: 'orange', href: hrefFor({ name: 'inbox', list: 'unassigned' }) },
    { key: 'resolved', label: 'workspace.dashboard.resolvedToday', value: formatCount(resolvedToday), icon: 'checkCircle', tone: 'green', href: hrefFor({ name: 'inbox', list: 'mine_resolved' }) },
    // Callback requests assigned to the viewer and not completed (MY: callbacks due).
    { key: 'callbacks', label: 'workspace.dashboard.callbacksDue', value: formatCount(counts.dashboard?.mine.callbacksDue), icon: 'phone', tone: 'violet', href: hrefFor({ name: 'callbacks', tab: 'list' }) },
  ];
  // Transfers: customer-guidance requests (고객 안내) from issue services, shown while any are open.
  const guidance = counts.dashboard?.mine.guidanceRequests ?? 0;
  if (guidance > 0) {
    stats.push({ key: 'guidance', label: 'transfers.dashboard.guidance', value: formatCount(guidance), icon: 'mail', tone: 'violet', href: hrefFor({ name: 'inbox', list: 'transferred' }) });
  }

  return (
    <section
      className={guidance > 0 ? 'dashboard with-guidance' : 'dashboard'}
      style={{ '--stat-count': stats.length } as CSSProperties}
      aria-label={t('workspace.dashboard.label')}
    >
      {stats.map((stat) => (
        <a key={stat.key} className={`stat-card tone-${stat.tone}`} href={stat.href}>
          <span className="stat-icon">
            <Icon name={stat.icon} size={16} />
          </span>
          <span className="stat-text">
            <span className="stat-value">{counts.loading && !stat.value ? <span className="value-skeleton" /> : stat.value || '0'}</span>
            <span className="stat-label">{t(stat.label)}</span>
          </span>
        </a>
      ))}
      <ReceivedChart tickets={counts.recent} loading={counts.loading} />
    </section>
  );
}

const DAYS = 7;

function ReceivedChart({ tickets, loading }: { tickets: Ticket[]; loading: boolean }) {
  const { t, lang } = useI18n();
  const today = new Date();
  today.setHours(0, 0, 0, 0);
  const days = Array.from({ length: DAYS }, (_, index) => {
    const day = new Date(today);
    day.setDate(today.getDate() - (DAYS - 1 - index));
    return day;
  });
  const values = days.map((day) => tickets.filter((ticket) => isSameLocalDay(ticket.createdAt, day)).length);
  const max = Math.max(4, ...values);
  const total = values.reduce((sum, value) => sum + value, 0);
  const weekday = new Intl.DateTimeFormat(lang, { weekday: 'short' });
  const dateLabel = new Intl.DateTimeFormat(lang, { month: 'short', day: 'numeric' });

  const width = 252;
  const height = 74;
  const chartTop = 12;
  const chartHeight = 46;
  const slot = width / DAYS;
  const barWidth = 18;

  return (
    <figure className="chart-card">
      <figcaption>
        <span>{t('workspace.dashboard.received')}</span>
        <strong>{loading ? '…' : total}</strong>
      </figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={t('workspace.dashboard.receivedChart', { values: values.join(', ') })}>
        <line x1="0" x2={width} y1={chartTop + chartHeight + 0.5} y2={chartTop + chartHeight + 0.5} className="chart-axis" />
        {days.map((day, index) => {
          const value = loading ? 0 : values[index];
          const barHeight = Math.max(value > 0 ? 3 : 0, (value / max) * chartHeight);
          const x = index * slot + (slot - barWidth) / 2;
          const isToday = index === DAYS - 1;
          return (
            <g key={day.toISOString()}>
              <title>{t('workspace.dashboard.receivedDay', { day: dateLabel.format(day), count: value })}</title>
              <rect x={x} y={chartTop} width={barWidth} height={chartHeight} rx="4" className="chart-track" />
              <rect x={x} y={chartTop + chartHeight - barHeight} width={barWidth} height={barHeight} rx="4" className={isToday ? 'chart-bar today' : 'chart-bar'} />
              {value > 0 && (
                <text x={x + barWidth / 2} y={chartTop + chartHeight - barHeight - 3} className="chart-value" textAnchor="middle">
                  {value}
                </text>
              )}
              <text x={x + barWidth / 2} y={height - 2} className={isToday ? 'chart-day today' : 'chart-day'} textAnchor="middle">
                {weekday.format(day)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
