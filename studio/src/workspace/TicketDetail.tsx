/** One ticket: who and what it is about, what can be done now, the conversation and the event log. */
import { useCallback, useRef, useState } from 'react';
import { ticketsApi } from '../api/endpoints';
import type { Ticket } from '../api/types';
import { PriorityTag, StatusBadge } from '../components/badges';
import { ErrorBanner, Kbd, LoadingBlock } from '../components/feedback';
import { Icon } from '../components/icons';
import { useToast } from '../components/toasts';
import { useDirectory } from '../directory';
import { absoluteTime, relativeTime } from '../format';
import { useLang } from '../i18n';
import { useMe } from '../session';
import { useShortcuts } from '../shortcuts';
import { CHANNEL_LABELS } from '../vocabulary';
import { ActionBar, type RunAction } from './ActionBar';
import { availableActions, type TicketAction } from './actions';
import { Composer, type ComposerMode } from './Composer';
import { Conversation } from './Conversation';
import { EventTimeline } from './EventTimeline';
import { useTicketDetail } from './useTicketDetail';

type Tab = 'conversation' | 'events';

export function TicketDetail({
  ticketId,
  onChanged,
  onClose,
}: {
  ticketId: string;
  /** After an action: the ticket as it is now, or `null` when it was deleted. */
  onChanged: (id: string, ticket: Ticket | null) => void;
  onClose: () => void;
}) {
  const me = useMe();
  const toast = useToast();
  const { t, lang } = useLang();
  const directory = useDirectory();
  const detail = useTicketDetail(ticketId);
  const [tab, setTab] = useState<Tab>('conversation');
  const [busy, setBusy] = useState<TicketAction | null>(null);
  const [composerError, setComposerError] = useState<unknown>(null);
  const composerRef = useRef<HTMLTextAreaElement>(null);

  const run: RunAction = useCallback(
    async (action, command, success) => {
      setBusy(action);
      try {
        const result = await command();
        if (result) {
          detail.accept(result);
          onChanged(result.id, result);
        } else {
          onChanged(ticketId, null);
        }
        toast(success);
        return null;
      } catch (error) {
        return error;
      } finally {
        setBusy(null);
      }
    },
    [detail, onChanged, ticketId, toast],
  );

  useShortcuts({
    c: () => composerRef.current?.focus(),
    h: () => setTab((current) => (current === 'conversation' ? 'events' : 'conversation')),
  });

  if (detail.loading && !detail.ticket) {
    return (
      <aside className="detail" aria-label="Ticket">
        <LoadingBlock label="Loading ticket…" />
      </aside>
    );
  }
  if (!detail.ticket) {
    return (
      <aside className="detail" aria-label="Ticket">
        <div className="detail-error">
          <ErrorBanner error={detail.error ?? 'The ticket could not be loaded.'} />
          <div className="row">
            <button type="button" className="button" onClick={detail.reload}>
              <Icon name="refresh" /> Try again
            </button>
            <button type="button" className="button" onClick={onClose}>
              Close
            </button>
          </div>
        </div>
      </aside>
    );
  }

  const ticket = detail.ticket;
  const { allowed, blocked } = availableActions(ticket, me);
  const customer = ticket.customer;

  async function submitComposer(mode: ComposerMode, body: string): Promise<boolean> {
    setComposerError(null);
    const commands: Record<ComposerMode, [TicketAction, () => Promise<Ticket>, string]> = {
      reply: ['resolve', () => ticketsApi.resolve(ticket.id, body), 'Answer sent — ticket resolved'],
      interim: ['hold', () => ticketsApi.hold(ticket.id, body), 'Interim answer sent — ticket on hold'],
      comment: ['comment', () => ticketsApi.comment(ticket.id, body, false), 'Comment added'],
      internal_note: ['comment', () => ticketsApi.comment(ticket.id, body, true), 'Internal note added'],
    };
    const [action, command, success] = commands[mode];
    const refused = await run(action, command, success);
    setComposerError(refused);
    if (!refused) setTab('conversation');
    return !refused;
  }

  return (
    <aside className="detail" aria-label={`Ticket ${ticket.id}`}>
      <header className="detail-header">
        <div className="detail-topline">
          <span className="mono muted">{ticket.id}</span>
          <span className="dot-sep" />
          <span className="muted">{t(CHANNEL_LABELS[ticket.channel])}</span>
          <span className="dot-sep" />
          <span className="muted" title={absoluteTime(ticket.createdAt, lang)}>
            opened {relativeTime(ticket.createdAt, lang)}
          </span>
          <button type="button" className="icon-button detail-close" onClick={onClose} aria-label="Close ticket (Esc)" title="Close (Esc)">
            <Icon name="x" />
          </button>
        </div>
        <h2 className="detail-subject">
          {ticket.important && <Icon name="star" size={16} className="star" />}
          {ticket.subject}
        </h2>
        <div className="detail-badges">
          <StatusBadge status={ticket.status} />
          <PriorityTag priority={ticket.priority} />
          {ticket.tags.map((tag) => (
            <span key={tag} className="tag">
              #{tag}
            </span>
          ))}
        </div>
        <dl className="detail-meta">
          <div>
            <dt>Customer · 고객</dt>
            <dd>
              <strong>{customer?.name ?? '—'}</strong>
              {customer?.email && (
                <span className="meta-line">
                  <Icon name="mail" size={12} /> {customer.email}
                </span>
              )}
              {customer?.phone && (
                <span className="meta-line">
                  <Icon name="phone" size={12} /> {customer.phone}
                </span>
              )}
            </dd>
          </div>
          <div>
            <dt>Assignee · 담당자</dt>
            <dd>{ticket.assigneeId ? (ticket.assigneeId === me.id ? `${me.name} (you)` : directory.agentName(ticket.assigneeId)) : <span className="muted">Unassigned</span>}</dd>
          </div>
          <div>
            <dt>Group · 그룹</dt>
            <dd>{directory.groupName(ticket.groupId) ?? <span className="muted">—</span>}</dd>
          </div>
          <div>
            <dt>Service · 서비스</dt>
            <dd>{directory.serviceName(ticket.serviceId)}</dd>
          </div>
        </dl>
      </header>

      {blocked ? (
        <p className="detail-blocked">
          <Icon name="lock" size={14} /> {blocked}
        </p>
      ) : (
        <ActionBar ticket={ticket} me={me} allowed={allowed} busy={busy} run={run} />
      )}

      <div className="tabs" role="tablist" aria-label="Ticket history">
        <button type="button" role="tab" aria-selected={tab === 'conversation'} onClick={() => setTab('conversation')}>
          Conversation · 처리 이력 <span className="tab-count">{(detail.messages?.length ?? 0) + 1}</span>
        </button>
        <button type="button" role="tab" aria-selected={tab === 'events'} onClick={() => setTab('events')}>
          Event log · 이벤트 로그 <span className="tab-count">{detail.events?.length ?? 0}</span>
        </button>
        <span className="tabs-hint muted small">
          <Kbd>h</Kbd> switch
        </span>
      </div>

      <div className="detail-scroll" role="tabpanel">
        {tab === 'conversation' ? <Conversation ticket={ticket} messages={detail.messages ?? []} /> : <EventTimeline events={detail.events ?? []} />}
      </div>

      {!blocked && (
        <Composer
          ticketId={ticket.id}
          allowed={allowed}
          busy={busy !== null}
          error={composerError}
          onDismissError={() => setComposerError(null)}
          onSubmit={submitComposer}
          textareaRef={composerRef}
        />
      )}
    </aside>
  );
}
