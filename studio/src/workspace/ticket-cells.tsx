/** The cells the task list and the search results show alike: the subject with its id and channel, the customer, the assignee. */
import type { MouseEvent } from 'react';
import type { Ticket } from '../api/types';
import { Avatar } from '../components/feedback';
import { Icon } from '../components/icons';
import { useDirectory } from '../directory';
import { useI18n } from '../i18n';

type TicketRow = Pick<Ticket, 'id' | 'subject' | 'important' | 'channel' | 'customer' | 'assigneeId'>;

export function SubjectCell({
  ticket,
  href,
  onFocus,
  onClick,
}: {
  ticket: TicketRow;
  href: string;
  onFocus?: () => void;
  onClick?: (event: MouseEvent) => void;
}) {
  const { t } = useI18n();
  return (
    <td className="col-subject">
      <a className="subject-link" href={href} onFocus={onFocus} onClick={onClick}>
        {ticket.important && <Icon name="star" size={12} className="star" />}
        {ticket.subject}
      </a>
      <span className="subject-meta">
        <span className="mono">{ticket.id}</span> · {t(`ticket.channel.${ticket.channel}`)}
      </span>
    </td>
  );
}

export function PeopleCells({ ticket }: { ticket: TicketRow }) {
  const directory = useDirectory();
  const assignee = directory.agentName(ticket.assigneeId);
  return (
    <>
      <td className="col-customer">
        <span className="truncate">{ticket.customer?.name ?? ticket.customer?.email ?? ticket.customer?.phone ?? '—'}</span>
      </td>
      <td className="col-assignee">
        {assignee ? (
          <span className="assignee">
            <Avatar name={assignee} size={20} />
            <span className="truncate">{assignee}</span>
          </span>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
    </>
  );
}
