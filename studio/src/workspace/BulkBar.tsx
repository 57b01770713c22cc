/** The bulk bar (일괄 처리): one action for the selected tickets, its progress streamed from the job's events. */
import { useEffect, useRef, useState } from 'react';
import { deskApi, type BulkActionInput, type BulkJob } from '../api/desk';
import type { TicketPriority } from '../api/types';
import { ErrorBanner, Spinner } from '../components/feedback';
import { Icon } from '../components/icons';
import { useI18n } from '../i18n';
import { codeMessage } from '../i18n/errors';
import './desk.css';

const ACTIONS = ['priority', 'tags', 'comment', 'hold', 'resolve', 'spam'] as const;
type ActionKind = (typeof ACTIONS)[number];
const PRIORITIES: TicketPriority[] = ['low', 'normal', 'high', 'urgent'];

function toAction(kind: ActionKind, text: string, priority: TicketPriority, internal: boolean): BulkActionInput {
  switch (kind) {
    case 'priority':
      return { kind, priority };
    case 'tags':
      return { kind, add: text.split(',').map((tag) => tag.trim()).filter(Boolean), remove: [] };
    case 'comment':
      return { kind, body: text, internal };
    case 'hold':
    case 'resolve':
      return { kind, body: text };
    case 'spam':
      return { kind };
  }
}

export function BulkBar({ ticketIds, onClear, onFinished }: { ticketIds: string[]; onClear: () => void; onFinished: () => void }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<ActionKind>('priority');
  const [text, setText] = useState('');
  const [priority, setPriority] = useState<TicketPriority>('high');
  const [internal, setInternal] = useState(true);
  const [job, setJob] = useState<BulkJob | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [starting, setStarting] = useState(false);
  const stream = useRef<AbortController | null>(null);

  useEffect(() => () => stream.current?.abort(), []);

  const needsText = kind === 'tags' || kind === 'comment' || kind === 'hold' || kind === 'resolve';
  const start = async () => {
    setError(null);
    setStarting(true);
    try {
      const started = await deskApi.startBulkJob(ticketIds, toAction(kind, text, priority, internal));
      setJob(started);
      stream.current = new AbortController();
      await deskApi.followBulkJob(started.id, setJob, stream.current.signal);
      onFinished();
    } catch (caught) {
      if (!(caught instanceof DOMException && caught.name === 'AbortError')) setError(caught);
    } finally {
      setStarting(false);
    }
  };

  const processed = job ? job.done + job.refused : 0;
  return (
    <section className="bulk-bar" aria-label={t('desk.bulk.label')}>
      <div className="bulk-row">
        <strong className="bulk-count">{t('desk.bulk.selected', { count: ticketIds.length })}</strong>
        {!job && (
          <>
            <label className="bulk-field">
              <span className="sr-only">{t('desk.bulk.action')}</span>
              <select value={kind} onChange={(event) => setKind(event.target.value as ActionKind)} aria-label={t('desk.bulk.action')}>
                {ACTIONS.map((action) => (
                  <option key={action} value={action}>
                    {t(`desk.bulk.actions.${action}`)}
                  </option>
                ))}
              </select>
            </label>
            {kind === 'priority' && (
              <select value={priority} onChange={(event) => setPriority(event.target.value as TicketPriority)} aria-label={t('desk.edit.priority')}>
                {PRIORITIES.map((value) => (
                  <option key={value} value={value}>
                    {t(`ticket.priority.${value}`)}
                  </option>
                ))}
              </select>
            )}
            {needsText && (
              <input
                className="bulk-text"
                value={text}
                onChange={(event) => setText(event.target.value)}
                placeholder={kind === 'tags' ? t('desk.bulk.tags') : t('desk.bulk.text')}
                aria-label={kind === 'tags' ? t('desk.bulk.tags') : t('desk.bulk.text')}
              />
            )}
            {kind === 'comment' && (
              <label className="bulk-check">
                <input type="checkbox" checked={internal} onChange={(event) => setInternal(event.target.checked)} />
                {t('desk.bulk.internal')}
              </label>
            )}
            <button type="button" className="button primary" disabled={starting || (needsText && !text.trim())} onClick={start}>
              {starting ? <Spinner size={14} /> : <Icon name="check" size={14} />}
              {t('desk.bulk.start', { count: ticketIds.length })}
            </button>
            <button type="button" className="button" onClick={onClear}>
              {t('desk.bulk.clear')}
            </button>
          </>
        )}
        {job && (
          <div className="bulk-progress" role="status" aria-live="polite">
            <progress max={job.total} value={processed} />
            <span>
              {job.status === 'finished'
                ? t('desk.bulk.finished', { done: job.done, refused: job.refused })
                : t('desk.bulk.running', { done: processed, total: job.total })}
            </span>
            {job.status === 'finished' && (
              <button type="button" className="button" onClick={onClear}>
                {t('desk.bulk.close')}
              </button>
            )}
          </div>
        )}
      </div>
      {error !== null && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      {job && job.refusals.length > 0 && (
        <details className="bulk-refusals" open>
          <summary>{t('desk.bulk.refusals')}</summary>
          <ul>
            {job.refusals.map((refusal) => (
              <li key={refusal.ticketId}>
                <span className="mono">{refusal.ticketId}</span> <code>{refusal.code}</code> {codeMessage(t, refusal.code) ?? refusal.message}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
