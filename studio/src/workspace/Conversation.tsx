/** The processing history: the customer's inquiry first, then replies, interim answers, comments and notes. */
import { masksApi } from '../api/masks';
import type { Ticket, TicketMessage } from '../api/types';
import { Avatar, EmptyState } from '../components/feedback';
import { Icon } from '../components/icons';
import { useDirectory } from '../directory';
import { useI18n } from '../i18n';
import { useMe } from '../session';
import { MaskableMessage, useMasks } from './masking';

export function Conversation({ ticket, messages, onMasked }: { ticket: Ticket; messages: TicketMessage[]; onMasked: () => void }) {
  const { t, formatRelative, formatDateTime } = useI18n();
  const directory = useDirectory();
  const me = useMe();
  const masks = useMasks(ticket.id, messages);
  const customerName = ticket.customer?.name ?? ticket.customer?.email ?? ticket.customer?.phone ?? t('workspace.conversation.customer');

  return (
    <ol className="conversation">
      <li className="message message-customer">
        <Avatar name={customerName} size={30} />
        <div className="message-card">
          <header>
            <strong>{customerName}</strong>
            <span className="message-kind">{t('workspace.conversation.inquiry')}</span>
            <time dateTime={ticket.createdAt} title={formatDateTime(ticket.createdAt)}>
              {formatRelative(ticket.createdAt)}
            </time>
          </header>
          <MaskableMessage
            ticketId={ticket.id}
            text={ticket.content}
            masks={masks.filter((mask) => mask.target.kind === 'content')}
            mask={(span) => masksApi.maskContent(ticket.id, span)}
            onMasked={onMasked}
          />
        </div>
      </li>
      {messages.map((message) => {
        const author =
          message.authorId === me.id ? t('workspace.detail.you', { name: me.name }) : (message.author?.name ?? directory.agentName(message.authorId) ?? t('workspace.conversation.system'));
        return (
          <li key={message.seq} className={`message message-${message.kind}`}>
            <Avatar name={author} size={30} />
            <div className="message-card">
              <header>
                <strong>{author}</strong>
                <span className="message-kind">
                  {message.kind === 'internal_note' && <Icon name="lock" size={11} />}
                  {message.kind === 'reply' && <Icon name="send" size={11} />}
                  {t(`ticket.messageKind.${message.kind}`)}
                </span>
                {message.emailStatus && (
                  <span className={`email-status email-${message.emailStatus}`} title={t(`workspace.conversation.email.${message.emailStatus}.hint`)}>
                    <Icon name="mail" size={11} />
                    {t(`workspace.conversation.email.${message.emailStatus}.label`)}
                  </span>
                )}
                <time dateTime={message.at} title={formatDateTime(message.at)}>
                  {formatRelative(message.at)}
                </time>
              </header>
              <MaskableMessage
                ticketId={ticket.id}
                text={message.body}
                masks={masks.filter((mask) => mask.target.kind === 'message' && mask.target.seq === message.seq)}
                mask={(span) => masksApi.maskMessage(ticket.id, message.seq, span)}
                onMasked={onMasked}
              />
            </div>
          </li>
        );
      })}
      {messages.length === 0 && (
        <li className="conversation-empty">
          <EmptyState icon="message" title={t('workspace.conversation.empty')}>
            {t('workspace.conversation.emptyHint')}
          </EmptyState>
        </li>
      )}
    </ol>
  );
}
