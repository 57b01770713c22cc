/** The event log as a timeline: who did what, when, and which fields changed from what to what. */
import type { ReactNode } from 'react';
import type { TicketEvent, TicketStatus } from '../api/types';
import { StatusBadge } from '../components/badges';
import { EmptyState } from '../components/feedback';
import { Icon, type IconName } from '../components/icons';
import { useDirectory } from '../directory';
import { absoluteTime, relativeTime } from '../format';
import { useLang } from '../i18n';
import { CHANNEL_LABELS, PRIORITY_LABELS, STATUS_LABELS, type Label } from '../vocabulary';

const EVENT_LABELS: Record<string, { label: Label; icon: IconName; tone: string }> = {
  created: { label: { en: 'Created', ko: '생성' }, icon: 'plus', tone: 'slate' },
  take: { label: { en: 'Taken', ko: '가져오기' }, icon: 'hand', tone: 'blue' },
  forward: { label: { en: 'Forwarded', ko: '전달' }, icon: 'forward', tone: 'violet' },
  resolve: { label: { en: 'Resolved', ko: '해결' }, icon: 'checkCircle', tone: 'green' },
  hold: { label: { en: 'Put on hold', ko: '보류' }, icon: 'pause', tone: 'amber' },
  comment: { label: { en: 'Comment added', ko: '댓글' }, icon: 'message', tone: 'slate' },
  internal_resolve: { label: { en: 'Resolved internally', ko: '내부 처리' }, icon: 'lock', tone: 'rose' },
  restore: { label: { en: 'Restored', ko: '복원' }, icon: 'undo', tone: 'blue' },
  delete: { label: { en: 'Deleted', ko: '삭제' }, icon: 'trash', tone: 'rose' },
  complete: { label: { en: 'Completed', ko: '완료' }, icon: 'archive', tone: 'slate' },
  trigger: { label: { en: 'Trigger applied', ko: '트리거 적용' }, icon: 'zap', tone: 'violet' },
  trigger_complete: { label: { en: 'Forwarded and completed by a trigger', ko: '트리거 전달 후 완료' }, icon: 'zap', tone: 'slate' },
  time_rule: { label: { en: 'Time rule (SLA / automation)', ko: '시간 규칙 (SLA·자동화)' }, icon: 'clock', tone: 'amber' },
};

const FIELD_LABELS: Record<string, Label> = {
  status: { en: 'Status', ko: '상태' },
  groupId: { en: 'Group', ko: '그룹' },
  assigneeId: { en: 'Assignee', ko: '담당자' },
  channel: { en: 'Channel', ko: '채널' },
  priority: { en: 'Priority', ko: '우선순위' },
  resolutionTypeId: { en: 'Resolution type', ko: '처리유형' },
  intakeTypeId: { en: 'Intake type', ko: '접수유형' },
  tags: { en: 'Tags', ko: '태그' },
  deleted: { en: 'Deleted', ko: '삭제' },
};

function humanize(kind: string): Label {
  const text = kind.replace(/[_.-]+/g, ' ');
  const en = text.charAt(0).toUpperCase() + text.slice(1);
  return { en, ko: en };
}

export function EventTimeline({ events }: { events: TicketEvent[] }) {
  const { t, lang } = useLang();
  const directory = useDirectory();

  function renderValue(field: string, value: unknown): ReactNode {
    if (value === null || value === undefined || value === '') return <span className="muted">—</span>;
    if (field === 'status' && typeof value === 'string' && value in STATUS_LABELS) return <StatusBadge status={value as TicketStatus} />;
    if (field === 'assigneeId' && typeof value === 'string') return <strong>{directory.agentName(value)}</strong>;
    if (field === 'groupId' && typeof value === 'string') return <strong>{directory.groupName(value)}</strong>;
    if (field === 'channel' && typeof value === 'string' && value in CHANNEL_LABELS) return t(CHANNEL_LABELS[value as keyof typeof CHANNEL_LABELS]);
    if (field === 'priority' && typeof value === 'string' && value in PRIORITY_LABELS) return t(PRIORITY_LABELS[value as keyof typeof PRIORITY_LABELS]);
    if (typeof value === 'boolean') return value ? 'yes' : 'no';
    return <span className="mono">{typeof value === 'string' ? value : JSON.stringify(value)}</span>;
  }

  if (events.length === 0) return <EmptyState icon="clock" title="No events recorded" />;

  return (
    <ol className="timeline">
      {[...events].reverse().map((event) => {
        const meta = EVENT_LABELS[event.kind] ?? { label: humanize(event.kind), icon: 'sparkle' as IconName, tone: 'slate' };
        const actor = event.actorId ? directory.agentName(event.actorId) : 'System · 시스템';
        const changes = Object.entries(event.changes ?? {}).filter(
          ([, change]) => !(Array.isArray(change) && change.length === 2 && change[0] == null && change[1] == null),
        );
        return (
          <li key={event.seq} className="timeline-item">
            <span className={`timeline-dot tone-${meta.tone}`}>
              <Icon name={meta.icon} size={12} />
            </span>
            <div className="timeline-content">
              <div className="timeline-head">
                <strong>{t(meta.label)}</strong>
                <span className="muted">by {actor}</span>
                <time dateTime={event.at} title={absoluteTime(event.at, lang)}>
                  {relativeTime(event.at, lang)}
                </time>
              </div>
              {changes.length > 0 && (
                <ul className="timeline-changes">
                  {changes.map(([field, change]) => {
                    const label = FIELD_LABELS[field] ? t(FIELD_LABELS[field]) : field;
                    if (Array.isArray(change) && change.length === 2 && change[0] == null && event.kind === 'created') {
                      return (
                        <li key={field}>
                          <span className="change-field">{label}</span>
                          {renderValue(field, change[1])}
                        </li>
                      );
                    }
                    if (Array.isArray(change) && change.length === 2) {
                      return (
                        <li key={field}>
                          <span className="change-field">{label}</span>
                          {renderValue(field, change[0])}
                          <span className="change-arrow" aria-label="changed to">
                            →
                          </span>
                          {renderValue(field, change[1])}
                        </li>
                      );
                    }
                    return (
                      <li key={field}>
                        <span className="change-field">{label}</span>
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
