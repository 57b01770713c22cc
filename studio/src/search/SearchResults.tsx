/** The matching tickets: a row opens the ticket; the time column follows the sort (created or updated). */
import { PriorityTag, StatusBadge } from '../components/badges';
import { Avatar, EmptyState } from '../components/feedback';
import { Icon } from '../components/icons';
import type { TicketSearchResult } from '../api/search';
import { useDirectory } from '../directory';
import { useI18n } from '../i18n';
import { hrefFor, navigate } from '../router';
import { ResultsFoot, ResultsSkeleton } from './results';
import type { KeysetPages } from './useKeysetPages';
import type { TicketQuery } from './query';

type Ticket = TicketSearchResult['items'][number];

export function SearchResults({ pages, sort }: { pages: KeysetPages<Ticket>; sort: TicketQuery['sort'] }) {
  const { t, formatDateTime } = useI18n();
  const directory = useDirectory();
  if (pages.loading) return <ResultsSkeleton label={t('search.results.loading')} />;
  if (pages.items.length === 0) {
    return (
      <EmptyState icon="search" title={t('search.results.empty')}>
        {t('search.results.emptyHint')}
      </EmptyState>
    );
  }
  const timeOf = (ticket: Ticket) => (sort === 'updated' ? ticket.updatedAt : ticket.createdAt);
  return (
    <div className="table-wrap">
      <table className="ticket-table search-table" aria-label={t('search.results.label')}>
        <thead>
          <tr>
            <th className="col-status">{t('workspace.table.status')}</th>
            <th className="col-priority">
              <span className="th-text">{t('workspace.table.priority')}</span>
            </th>
            <th>{t('workspace.table.subject')}</th>
            <th className="col-customer">{t('workspace.table.customer')}</th>
            <th className="col-assignee">{t('workspace.table.assignee')}</th>
            <th className="col-time">{t(sort === 'updated' ? 'search.results.updated' : 'search.results.created')}</th>
          </tr>
        </thead>
        <tbody>
          {pages.items.map((ticket) => {
            const href = hrefFor({ name: 'inbox', list: 'all', ticketId: ticket.id });
            const assignee = directory.agentName(ticket.assigneeId);
            return (
              <tr key={ticket.id} data-ticket={ticket.id} onClick={() => navigate({ name: 'inbox', list: 'all', ticketId: ticket.id })}>
                <td className="col-status">
                  <StatusBadge status={ticket.status} />
                </td>
                <td className="col-priority">
                  <PriorityTag priority={ticket.priority} />
                </td>
                <td className="col-subject">
                  <a className="subject-link" href={href} onClick={(event) => event.stopPropagation()}>
                    {ticket.important && <Icon name="star" size={12} className="star" />}
                    {ticket.subject}
                  </a>
                  <span className="subject-meta">
                    <span className="mono">{ticket.id}</span> · {t(`ticket.channel.${ticket.channel}`)}
                  </span>
                </td>
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
                <td className="col-time">{formatDateTime(timeOf(ticket))}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <ResultsFoot pages={pages} />
    </div>
  );
}
