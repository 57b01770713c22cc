/** Status badges and priority tags: the same colours everywhere a status or priority appears. */
import type { TicketPriority, TicketStatus } from '../api/types';
import { useI18n } from '../i18n';
import { STATUS_TONE } from '../vocabulary';

export function StatusBadge({ status }: { status: TicketStatus }) {
  const { t } = useI18n();
  return (
    <span className={`badge tone-${STATUS_TONE[status]}`}>
      <span className="badge-dot" aria-hidden="true" />
      {t(`status.${status}`)}
    </span>
  );
}

const PRIORITY_BARS: Record<TicketPriority, number> = { low: 1, normal: 2, high: 3, urgent: 4 };

export function PriorityTag({ priority, compact = false }: { priority: TicketPriority; compact?: boolean }) {
  const { t } = useI18n();
  const label = t(`ticket.priority.${priority}`);
  const level = PRIORITY_BARS[priority];
  return (
    <span className={`priority priority-${priority}`} title={label}>
      <svg width="14" height="12" viewBox="0 0 14 12" aria-hidden="true">
        {[0, 1, 2, 3].map((bar) => (
          <rect key={bar} x={bar * 3.6} y={9 - bar * 3} width="2.4" height={3 + bar * 3} rx="1" className={bar < level ? 'on' : 'off'} />
        ))}
      </svg>
      {!compact && <span>{label}</span>}
    </span>
  );
}
