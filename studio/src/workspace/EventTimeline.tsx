/** The event log as a timeline: who did what, when, and which fields changed from what to what. */
import type { ReactNode } from 'react';
import type { TicketEvent, TicketStatus } from '../api/types';
import { StatusBadge } from '../components/badges';
import { EmptyState } from '../components/feedback';
import { Icon, type IconName } from '../components/icons';
import { useDirectory } from '../directory';
import { isMessageKey, useI18n, type MessageKey } from '../i18n';

type EventKind = keyof typeof EVENT_STYLES;
const EVENT_STYLES = {
  created: { icon: 'plus', tone: 'slate' },
  take: { icon: 'hand', tone: 'blue' },
  forward: { icon: 'forward', tone: 'violet' },
  resolve: { icon: 'checkCircle', tone: 'green' },
  hold: { icon: 'pause', tone: 'amber' },
  comment: { icon: 'message', tone: 'slate' },
  internal_resolve: { icon: 'lock', tone: 'rose' },
  restore: { icon: 'undo', tone: 'blue' },
  delete: { icon: 'trash', tone: 'rose' },
  complete: { icon: 'archive', tone: 'slate' },
  trigger: { icon: 'zap', tone: 'violet' },
  trigger_complete: { icon: 'zap', tone: 'slate' },
  time_rule: { icon: 'clock', tone: 'amber' },
} satisfies Record<string, { icon: IconName; tone: string }>;
const OTHER_EVENT = { icon: 'sparkle', tone: 'slate' } as const;

const FIELDS = ['status', 'groupId', 'assigneeId', 'channel', 'priority', 'resolutionTypeId', 'intakeTypeId', 'tags', 'deleted'] as const;
type KnownField = (typeof FIELDS)[number];

const isEventKind = (kind: string): kind is EventKind => kind in EVENT_STYLES;
const isKnownField = (field: string): field is KnownField => (FIELDS as readonly string[]).includes(field);

export function EventTimeline({ events }: { events: TicketEvent[] }) {
  const { t, formatRelative, formatDateTime } = useI18n();
  const directory = useDirectory();

  function renderValue(field: string, value: unknown): ReactNode {
    if (value === null || value === undefined || value === '') return <span className="muted">—</span>;
    if (field === 'status' && typeof value === 'string' && isMessageKey(`status.${value}`)) return <StatusBadge status={value as TicketStatus} />;
    if (field === 'assigneeId' && typeof value === 'string') return <strong>{directory.agentName(value)}</strong>;
    if (field === 'groupId' && typeof value === 'string') return <strong>{directory.groupName(value)}</strong>;
    if ((field === 'channel' || field === 'priority') && typeof value === 'string') {
      const key = `ticket.${field}.${value}`;
      if (isMessageKey(key)) return t(key);
    }
    if (typeof value === 'boolean') return value ? t('workspace.events.yes') : t('workspace.events.no');
    return <span className="mono">{typeof value === 'string' ? value : JSON.stringify(value)}</span>;
  }

  if (events.length === 0) return <EmptyState icon="clock" title={t('workspace.events.empty')} />;

  return (
    <ol className="timeline">
      {[...events].reverse().map((event) => {
        const known = isEventKind(event.kind);
        const style = known ? EVENT_STYLES[event.kind as EventKind] : OTHER_EVENT;
        const label: MessageKey = known ? `workspace.events.kind.${event.kind as EventKind}` : 'workspace.events.kind.other';
        const actor = event.actor?.name ?? (event.actorId ? directory.agentName(event.actorId) : t('workspace.events.system'));
        const changes = Object.entries(event.changes ?? {}).filter(
          ([, change]) => !(Array.isArray(change) && change.length === 2 && change[0] == null && change[1] == null),
        );
        return (
          <li key={event.seq} className="timeline-item">
            <span className={`timeline-dot tone-${style.tone}`}>
              <Icon name={style.icon} size={12} />
            </span>
            <div className="timeline-content">
              <div className="timeline-head">
                <strong title={known ? undefined : event.kind}>{t(label)}</strong>
                <span className="muted">{t('workspace.events.by', { actor: actor ?? '' })}</span>
                <time dateTime={event.at} title={formatDateTime(event.at)}>
                  {formatRelative(event.at)}
                </time>
              </div>
              {changes.length > 0 && (
                <ul className="timeline-changes">
                  {changes.map(([field, change]) => {
                    const fieldLabel = isKnownField(field) ? t(`workspace.events.field.${field}`) : field;
                    if (Array.isArray(change) && change.length === 2 && change[0] == null && event.kind === 'created') {
                      return (
                        <li key={field}>
                          <span className="change-field">{fieldLabel}</span>
                          {renderValue(field, change[1])}
                        </li>
                      );
                    }
                    if (Array.isArray(change) && change.length === 2) {
                      return (
                        <li key={field}>
                          <span className="change-field">{fieldLabel}</span>
                          {renderValue(field, change[0])}
                          <span className="change-arrow" aria-label={t('workspace.events.changedTo')}>
                            →
                          </span>
                          {renderValue(field, change[1])}
                        </li>
                      );
                    }
                    return (
                      <li key={field}>
                        <span className="change-field">{fieldLabel}</span>
                        {renderValue(field, change)}
                      </li>
                    );
                  })}
                </ul>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
