/** The processing history: the customer's inquiry first, then replies, interim answers, comments and notes. */
import type { Ticket, TicketMessage } from '../api/types';
import { Avatar, EmptyState } from '../components/feedback';
import { Icon } from '../components/icons';
import { useDirectory } from '../directory';
import { absoluteTime, relativeTime } from '../format';
import { useLang } from '../i18n';
import { useMe } from '../session';
import { MESSAGE_KIND_LABELS } from '../vocabulary';

export function Conversation({ ticket, messages }: { ticket: Ticket; messages: TicketMessage[] }) {
  const { t, lang } = useLang();
  const directory = useDirectory();
  const me = useMe();
  const customerName = ticket.customer?.name ?? ticket.customer?.email ?? ticket.customer?.phone ?? 'Customer';

  return (
    <ol className="conversation">
      <li className="message message-customer">
        <Avatar name={customerName} size={30} />
        <div className="message-card">
          <header>
            <strong>{customerName}</strong>
            <span className="message-kind">Inquiry · 문의</span>
            <time dateTime={ticket.createdAt} title={absoluteTime(ticket.createdAt, lang)}>
              {relativeTime(ticket.createdAt, lang)}
            </time>
          </header>
          <p className="message-body">{ticket.content}</p>
        </div>
      </li>
      {messages.map((message) => {
        const author = message.authorId === me.id ? `${me.name} (you)` : (directory.agentName(message.authorId) ?? 'System');
        return (
          <li key={message.seq} className={`message message-${message.kind}`}>
            <Avatar name={author} size={30} />
            <div className="message-card">
              <header>
                <strong>{author}</strong>
                <span className="message-kind">
                  {message.kind === 'internal_note' && <Icon name="lock" size={11} />}
                  {message.kind === 'reply' && <Icon name="send" size={11} />}
                  {t(MESSAGE_KIND_LABELS[message.kind])}
                </span>
                <time dateTime={message.at} title={absoluteTime(message.at, lang)}>
                  {relativeTime(message.at, lang)}
                </time>
              </header>
              <p className="message-body">{message.body}</p>
            </div>
          </li>
        );
      })}
      {messages.length === 0 && (
        <li className="conversation-empty">
          <EmptyState icon="message" title="No replies yet">
            Answer below, or leave an internal note for your team.
          </EmptyState>
        </li>
      )}
    </ol>
  );
}
