/** Whether the workspace hears ticket changes as they happen: a quiet dot when it does, words when it does not. */
import { useLiveStatus } from '../api/live';
import { useI18n } from '../i18n';

export function LiveIndicator() {
  const { t } = useI18n();
  const status = useLiveStatus();
  const words = { live: 'workspace.live.on', connecting: 'workspace.live.connecting', offline: 'workspace.live.offline' } as const;
  return (
    <span
      className={`live-indicator live-${status}`}
      role="status"
      data-live={status}
      title={t(status === 'offline' ? 'workspace.live.offlineHint' : 'workspace.live.onHint')}
    >
      <span className="live-dot" aria-hidden="true" />
      {t(words[status])}
    </span>
  );
}
