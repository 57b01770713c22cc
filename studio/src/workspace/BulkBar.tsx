/** The bulk bar (일괄 처리): one action for the selected tickets, its progress streamed from the job's events. */
import { useEffect, useRef, useState } from 'react';
import { deskApi, type BulkActionInput, type BulkJob } from '../api/desk';
import type { InternalResolveReason, TicketPriority } from '../api/types';
import { ErrorBanner, Spinner } from '../components/feedback';
import { Icon } from '../components/icons';
import { useDirectory } from '../directory';
import { useI18n } from '../i18n';
import { codeMessage } from '../i18n/errors';
import { INTERNAL_RESOLVE_REASONS } from '../vocabulary';
import './desk.css';

const ACTIONS = ['priority', 'tags', 'comment', 'forward', 'hold', 'resolve', 'internal_resolve', 'spam'] as const;
type ActionKind = (typeof ACTIONS)[number];
const PRIORITIES: TicketPriority[] = ['low', 'normal', 'high', 'urgent'];

/** What the bar's inputs hold; each action reads the part it needs. */
interface Choices {
  text: string;
  priority: TicketPriority;
  internal: boolean;
  groupId: string;
  agentId: string;
  reason: InternalResolveReason;
}

function toAction(kind: ActionKind, choices: Choices): BulkActionInput {
  const note = choices.text.trim() || undefined;
  switch (kind) {
    case 'priority':
      return { kind, priority: choices.priority };
    case 'tags':
      return { kind, add: choices.text.split(',').map((tag) => tag.trim()).filter(Boolean), remove: [] };
    case 'comment':
      return { kind, body: choices.text, internal: choices.internal };
    case 'forward':
      return { kind, groupId: choices.groupId, agentId: choices.agentId || undefined };
    case 'hold':
    case 'resolve':
      return { kind, body: choices.text };
    case 'internal_resolve':
      return { kind, reason: choices.reason, note };
    case 'spam':
      return { kind, note };
  }
}

/** `serviceIds`: the services of the selected tickets; forwarding offers the groups of that service only. */
export function BulkBar({
  ticketIds,
  serviceIds,
  onClear,
  onFinished,
}: {
  ticketIds: string[];
  serviceIds: string[];
  onClear: () => void;
  onFinished: () => void;
}) {
  const { t } = useI18n();
  const directory = useDirectory();
  const [kind, setKind] = useState<ActionKind>('priority');
  const [choices, setChoices] = useState<Choices>({ text: '', priority: 'high', internal: true, groupId: '', agentId: '', reason: 'other' });
  const choose = (change: Partial<Choices>) => setChoices((latest) => ({ ...latest, ...change }));
  const [job, setJob] = useState<BulkJob | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [starting, setStarting] = useState(false);
  const stream = useRef<AbortController | null>(null);

  useEffect(() => () => stream.current?.abort(), []);

  const needsText = kind === 'tags' || kind === 'comment' || kind === 'hold' || kind === 'resolve';
  const takesNote = kind === 'internal_resolve' || kind === 'spam';
  // A forward names a group of the tickets' service, so it needs a selection within one service.
  const [serviceId] = serviceIds;
  const groups = serviceIds.length === 1 ? (directory.groupsOf(serviceId) ?? []) : [];
  const members = new Set(groups.find((group) => group.id === choices.groupId)?.memberIds ?? []);
  const agents = (directory.agents ?? []).filter((agent) => agent.active && members.has(agent.id));
  const incomplete = (needsText && !choices.text.trim()) || (kind === 'forward' && !choices.groupId);
  const start = async () => {
    setError(null);
    setStarting(true);
    try {
      const started = await deskApi.startBulkJob(ticketIds, toAction(kind, choices));
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
              <select value={choices.priority} onChange={(event) => choose({ priority: event.target.value as TicketPriority })} aria-label={t('desk.edit.priority')}>
                {PRIORITIES.map((value) => (
                  <option key={value} value={value}>
                    {t(`ticket.priority.${value}`)}
                  </option>
                ))}
              </select>
            )}
            {kind === 'forward' && (
              <>
                {serviceIds.length > 1 && <span className="field-hint">{t('desk.bulk.oneService')}</span>}
                <select
                  value={choices.groupId}
                  disabled={groups.length === 0}
                  onChange={(event) => choose({ groupId: event.target.value, agentId: '' })}
                  aria-label={t('desk.bulk.group')}
                >
                  <option value="">{t('desk.bulk.group')}</option>
                  {groups.map((group) => (
                    <option key={group.id} value={group.id}>
                      {group.name}
                    </option>
                  ))}
                </select>
                <select value={choices.agentId} disabled={!choices.groupId} onChange={(event) => choose({ agentId: event.target.value })} aria-label={t('desk.bulk.agent')}>
                  <option value="">{t('desk.bulk.anyAgent')}</option>
                  {agents.map((agent) => (
                    <option key={agent.id} value={agent.id}>
                      {agent.name}
                    </option>
                  ))}
                </select>
              </>
            )}
            {kind === 'internal_resolve' && (
              <select value={choices.reason} onChange={(event) => choose({ reason: event.target.value as InternalResolveReason })} aria-label={t('desk.bulk.reason')}>
                {INTERNAL_RESOLVE_REASONS.map((reason) => (
                  <option key={reason} value={reason}>
                    {t(`ticket.resolveReason.${reason}`)}
                  </option>
                ))}
              </select>
            )}
            {(needsText || takesNote) && (
              <input
                className="bulk-text"
                value={choices.text}
                onChange={(event) => choose({ text: event.target.value })}
                placeholder={t(kind === 'tags' ? 'desk.bulk.tags' : takesNote ? 'desk.bulk.note' : 'desk.bulk.text')}
                aria-label={t(kind === 'tags' ? 'desk.bulk.tags' : takesNote ? 'desk.bulk.note' : 'desk.bulk.text')}
              />
            )}
            {kind === 'comment' && (
              <label className="bulk-check">
                <input type="checkbox" checked={choices.internal} onChange={(event) => choose({ internal: event.target.checked })} />
                {t('desk.bulk.internal')}
              </label>
            )}
            <button type="button" className="button primary" disabled={starting || incomplete} onClick={start}>
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
