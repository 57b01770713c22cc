/** One ticket: who and what it is about, what can be done now, the conversation and the event log. */
import './ticket.css';
import { useCallback, useRef, useState } from 'react';
import { ticketsApi } from '../api/endpoints';
import type { Ticket } from '../api/types';
import { PriorityTag, StatusBadge } from '../components/badges';
import { ErrorBanner, Kbd, LoadingBlock } from '../components/feedback';
import { Icon } from '../components/icons';
import { useToast } from '../components/toasts';
import { useDirectory } from '../directory';
import { rich, useI18n, type MessageKey } from '../i18n';
import { useMe } from '../session';
import { useShortcuts } from '../shortcuts';
import { hrefFor } from '../router';
import { ActionBar, type RunAction } from './ActionBar';
import { availableActions, type TicketAction } from './actions';
import { Composer, type ComposerMode } from './Composer';
import { Conversation } from './Conversation';
import { EventTimeline } from './EventTimeline';
import { SlaClocks } from './SlaClocks';
import { TicketTriggers } from './TicketTriggers';
import { TicketEditor } from './TicketEditor';
import { TicketFields } from './TicketFields';
import { useTicketDetail } from './useTicketDetail';
import { CallbackOrigin } from '../callbacks/CallbackOrigin';
import { DoorayConversation } from './transfers/DoorayConversation';
import { TransferPanel } from './transfers/TransferPanel';
import { useTransfers } from './transfers/useTransfers';
import './transfers/transfers.css';

type Tab = 'conversation' | 'events' | 'triggers' | 'dooray';

/** The tab `h` moves to: conversation → events → triggers (→ Dooray) → conversation. */
function nextTab(current: Tab, hasDooray: boolean): Tab {
  const order: Tab[] = hasDooray ? ['conversation', 'events', 'triggers', 'dooray'] : ['conversation', 'events', 'triggers'];
  return order[(order.indexOf(current) + 1) % order.length];
}

export function TicketDetail({
  ticketId,
  onChanged,
  onClose,
  onNext,
}: {
  ticketId: string;
  /** After an action: the ticket as it is now, or `null` when it was deleted. */
  onChanged: (id: string, ticket: Ticket | null) => void;
  onClose: () => void;
  /** Opens the list's next ticket after this one; absent when there is none. */
  onNext?: () => void;
}) {
  const me = useMe();
  const toast = useToast();
  const { t, formatRelative, formatDateTime } = useI18n();
  const directory = useDirectory();
  const detail = useTicketDetail(ticketId);
  const [tab, setTab] = useState<Tab>('conversation');
  const [busy, setBusy] = useState<TicketAction | null>(null);
  const [composerError, setComposerError] = useState<unknown>(null);
  const [composerMode, setComposerMode] = useState<ComposerMode | null>(null);
  const composerRef = useRef<HTMLTextAreaElement>(null);
  const takeButtonRef = useRef<HTMLButtonElement>(null);
  const transfers = useTransfers(detail.ticket);

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

  const allowedNow = detail.ticket ? availableActions(detail.ticket, me).allowed : new Set<TicketAction>();
  useShortcuts({
    c: () => composerRef.current?.focus(),
    // The ActionBar's own Take button, so a ticket that needs a group asks for it as a click would.
    t: () => allowedNow.has('take') && takeButtonRef.current?.click(),
    e: () => {
      if (!allowedNow.has('resolve')) return;
      setComposerMode('reply');
      setTab('conversation');
      composerRef.current?.focus();
    },
    h: () => setTab((current) => nextTab(current, hasDooray)),
  });

  const hasDooray = (transfers.transfers?.dooray.length ?? 0) > 0;

  if (detail.loading && !detail.ticket) {
    return (
      <aside className="detail" aria-label={t('workspace.detail.label')}>
        <LoadingBlock label={t('workspace.detail.loading')} />
      </aside>
    );
  }
  if (!detail.ticket) {
    return (
      <aside className="detail" aria-label={t('workspace.detail.label')}>
        <div className="detail-error">
          {detail.error ? <ErrorBanner error={detail.error} /> : <p className="muted">{t('workspace.detail.notLoaded')}</p>}
          <div className="row">
            <button type="button" className="button" onClick={detail.reload}>
              <Icon name="refresh" /> {t('common.action.retry')}
            </button>
            <button type="button" className="button" onClick={onClose}>
              {t('common.action.close')}
            </button>
          </div>
        </div>
      </aside>
    );
  }

  const ticket = detail.ticket;
  const { allowed, blocked } = availableActions(ticket, me);
  const customer = ticket.customer;

  async function submitComposer(mode: ComposerMode, body: string, attachmentIds: string[], next: boolean): Promise<boolean> {
    setComposerError(null);
    const commands: Record<ComposerMode, [TicketAction, () => Promise<Ticket>, MessageKey]> = {
      reply: ['resolve', () => ticketsApi.resolve(ticket.id, body, attachmentIds), 'workspace.toast.answered'],
      interim: ['hold', () => ticketsApi.hold(ticket.id, body, attachmentIds), 'workspace.toast.interim'],
      internal_note: ['comment', () => ticketsApi.comment(ticket.id, body, true, attachmentIds), 'workspace.toast.internalNote'],
    };
    const [action, command, success] = commands[mode];
    const refused = await run(action, command, t(success));
    setComposerError(refused);
    if (!refused) setTab('conversation');
    if (!refused && next) onNext?.();
    return !refused;
  }

  return (
    <aside className="detail" aria-label={t('workspace.detail.labelWithId', { id: ticket.id })}>
      <header className="detail-header">
        <div className="detail-topline">
          <span className="mono muted">{ticket.id}</span>
          <span className="dot-sep" />
          <span className="muted">{t(`ticket.channel.${ticket.channel}`)}</span>
          <span className="dot-sep" />
          <span className="muted" title={formatDateTime(ticket.createdAt)}>
            {t('workspace.detail.opened', { time: formatRelative(ticket.createdAt) })}
          </span>
          <button type="button" className="icon-button detail-close" onClick={onClose} aria-label={t('workspace.detail.close')} title={t('workspace.detail.closeHint')}>
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
            <dt>{t('workspace.detail.customer')}</dt>
            <dd>
              {customer ? (
                <a className="customer-link" href={hrefFor({ name: 'customers', customerId: customer.id, query: '' })}>
                  <strong>{customer.name ?? t('customers.unnamed')}</strong>
                </a>
              ) : (
                <strong>—</strong>
              )}
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
            <dt>{t('workspace.detail.assignee')}</dt>
            <dd>{ticket.assigneeId ? (ticket.assigneeId === me.id ? t('workspace.detail.you', { name: me.name }) : directory.agentName(ticket.assigneeId)) : <span className="muted">{t('workspace.detail.unassigned')}</span>}</dd>
          </div>
          <div>
            <dt>{t('workspace.detail.group')}</dt>
            <dd>{directory.groupName(ticket.groupId) ?? <span className="muted">—</span>}</dd>
          </div>
          <div>
            <dt>{t('workspace.detail.service')}</dt>
            <dd>{directory.serviceName(ticket.serviceId)}</dd>
          </div>
          <SlaClocks ticket={ticket} />
          {ticket.channel === 'phone' && <CallbackOrigin ticketId={ticket.id} />}
        </dl>
      </header>

      {blocked ? (
        <p className="detail-blocked">
          <Icon name="lock" size={14} /> {t(blocked)}
        </p>
      ) : (
        <>
          <ActionBar ticket={ticket} me={me} allowed={allowed} busy={busy} run={run} takeRef={takeButtonRef} onTransferred={() => {
            detail.reload();
            transfers.reload();
          }} />
          {/* Drafts start over only when what they edit changed, not on every change someone else makes live. */}
          <TicketEditor
            key={`${ticket.id}|${ticket.subject}|${ticket.tags.join(',')}`}
            ticket={ticket}
            onSaved={(saved) => {
              detail.accept(saved);
              onChanged(saved.id, saved);
            }}
          />
          <TicketFields
            key={`fields-${ticket.id}|${JSON.stringify([ticket.customerFields, ticket.agentFields])}`}
            ticket={ticket}
            onSaved={(saved) => {
              detail.accept(saved);
              onChanged(saved.id, saved);
            }}
          />
        </>
      )}

      {transfers.transfers && <TransferPanel ticket={ticket} transfers={transfers.transfers} onChanged={transfers.reload} />}

      <div className="tabs" role="tablist" aria-label={t('workspace.detail.history')}>
        <button type="button" role="tab" aria-selected={tab === 'conversation'} onClick={() => setTab('conversation')}>
          {t('workspace.detail.conversation')} <span className="tab-count">{(detail.messages?.length ?? 0) + 1}</span>
        </button>
        <button type="button" role="tab" aria-selected={tab === 'events'} onClick={() => setTab('events')}>
          {t('workspace.detail.events')} <span className="tab-count">{detail.events?.length ?? 0}</span>
        </button>
        <button type="button" role="tab" aria-selected={tab === 'triggers'} onClick={() => setTab('triggers')}>
          {t('workspace.triggers.tab')}
        </button>
        {hasDooray && (
          <button type="button" role="tab" aria-selected={tab === 'dooray'} onClick={() => setTab('dooray')}>
            {t('transfers.conversation.tab')} <span className="tab-count">{transfers.comments.length}</span>
          </button>
        )}
        <span className="tabs-hint muted small">
          {rich(t('workspace.detail.switchHint'), { key: <Kbd>h</Kbd> })}
        </span>
      </div>

      <div className="detail-scroll" role="tabpanel">
        {tab === 'conversation' && <Conversation ticket={ticket} messages={detail.messages ?? []} onMasked={detail.reload} />}
        {tab === 'events' && <EventTimeline events={detail.events ?? []} />}
        {tab === 'triggers' && <TicketTriggers ticket={ticket} />}
        {tab === 'dooray' && <DoorayConversation ticket={ticket} comments={transfers.comments} onChanged={transfers.reload} />}
      </div>

      {!blocked && tab !== 'dooray' && (
        <Composer
          ticketId={ticket.id}
          serviceId={ticket.serviceId}
          allowed={allowed}
          busy={busy !== null}
          error={composerError}
          onDismissError={() => setComposerError(null)}
          onSubmit={submitComposer}
          textareaRef={composerRef}
          chosen={composerMode}
          onChoose={setComposerMode}
          canSendNext={onNext !== undefined}
        />
      )}
    </aside>
  );
}
