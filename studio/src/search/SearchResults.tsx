/** The matching tickets: a row opens the ticket; the time column follows the sort (created or updated). */
import { PriorityTag, StatusBadge } from '../components/badges';
import { EmptyState } from '../components/feedback';
import type { TicketSearchResult } from '../api/search';
import { useI18n } from '../i18n';
import { hrefFor, navigate } from '../router';
import { PeopleCells, SubjectCell } from '../workspace/ticket-cells';
import { ResultsFoot, ResultsSkeleton } from './results';
import type { KeysetPages } from './useKeysetPages';
import type { TicketQuery } from './query';

type Ticket = TicketSearchResult['items'][number];

export function SearchResults({ pages, sort }: { pages: KeysetPages<Ticket>; sort: TicketQuery['sort'] }) {
  const { t, formatDateTime } = useI18n();
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
            return (
              <tr key={ticket.id} data-ticket={ticket.id} onClick={() => navigate({ name: 'inbox', list: 'all', ticketId: ticket.id })}>
                <td className="col-status">
                  <StatusBadge status={ticket.status} />
                </td>
                <td className="col-priority">
                  <PriorityTag priority={ticket.priority} />
                </td>
                <SubjectCell ticket={ticket} href={href} onClick={(event) => event.stopPropagation()} />
                <PeopleCells ticket={ticket} />
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
