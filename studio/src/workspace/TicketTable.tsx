/** The task list as a table: j/k move the cursor, Enter opens, "load more" follows the API's cursor. */
import { useEffect, useRef } from 'react';
import type { Ticket, TicketList } from '../api/types';
import { PriorityTag, StatusBadge } from '../components/badges';
import { EmptyState, ErrorBanner, Kbd, Spinner } from '../components/feedback';
import { Icon } from '../components/icons';
import { rich, useI18n } from '../i18n';
import { hrefFor } from '../router';
import { PeopleCells, SubjectCell } from './ticket-cells';
import type { TicketPages } from './useTicketPages';

export function TicketTable({
  list,
  pages,
  tickets,
  cursor,
  openId,
  filtered,
  selected,
  onToggle,
  onToggleAll,
  onCursor,
  onOpen,
}: {
  list: TicketList;
  pages: TicketPages;
  tickets: Ticket[];
  cursor: number;
  openId?: string;
  filtered: boolean;
  /** Tickets chosen for bulk processing. */
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onToggleAll: () => void;
  onCursor: (index: number) => void;
  onOpen: (index: number) => void;
}) {
  const { t, formatRelative, formatDateTime } = useI18n();
  const body = useRef<HTMLTableSectionElement>(null);

  useEffect(() => {
    const row = body.current?.querySelector<HTMLElement>(`[data-index="${cursor}"]`);
    row?.scrollIntoView({ block: 'nearest' });
  }, [cursor]);

  if (pages.loading) return <TableSkeleton />;
  if (pages.error) {
    return (
      <div className="table-message">
        <ErrorBanner error={pages.error} />
        <button type="button" className="button" onClick={pages.reload}>
          <Icon name="refresh" /> {t('common.action.retry')}
        </button>
      </div>
    );
  }
  if (tickets.length === 0) {
    return filtered ? (
      <EmptyState icon="search" title={t('workspace.table.noMatch')}>
        {rich(t('workspace.table.noMatchHint'), { key: <Kbd>Esc</Kbd> })}
      </EmptyState>
    ) : (
      <EmptyState icon="inbox" title={t('workspace.table.empty', { list: t(`workspace.list.${list}`) })}>
        {t(`workspace.listEmpty.${list}`)}
      </EmptyState>
    );
  }

  return (
    <div className="table-wrap">
      <table className="ticket-table" aria-label={t(`workspace.list.${list}`)}>
        <thead>
          <tr>
            <th className="col-select">
              <input
                type="checkbox"
                aria-label={t('desk.select.all')}
                checked={tickets.length > 0 && tickets.every((ticket) => selected.has(ticket.id))}
                onChange={onToggleAll}
              />
            </th>
            <th className="col-status">{t('workspace.table.status')}</th>
            <th className="col-priority">
              <span className="th-text">{t('workspace.table.priority')}</span>
            </th>
            <th>{t('workspace.table.subject')}</th>
            <th className="col-customer">{t('workspace.table.customer')}</th>
            <th className="col-assignee">{t('workspace.table.assignee')}</th>
            <th className="col-updated">{t('workspace.table.updated')}</th>
          </tr>
        </thead>
        <tbody ref={body}>
          {tickets.map((ticket, index) => {
            return (
              <tr
                key={ticket.id}
                data-index={index}
                className={`${index === cursor ? 'cursor' : ''}${ticket.id === openId ? ' open' : ''}`}
                aria-selected={ticket.id === openId}
                onClick={() => onOpen(index)}
              >
                <td className="col-select" onClick={(event) => event.stopPropagation()}>
                  <input
                    type="checkbox"
                    aria-label={t('desk.select.row', { subject: ticket.subject })}
                    checked={selected.has(ticket.id)}
                    onChange={() => onToggle(ticket.id)}
                  />
                </td>
                <td className="col-status">
                  <StatusBadge status={ticket.status} />
                </td>
                <td className="col-priority">
                  <PriorityTag priority={ticket.priority} />
                </td>
                <SubjectCell ticket={ticket} href={hrefFor({ name: 'inbox', list, ticketId: ticket.id })} onFocus={() => onCursor(index)} />
                <PeopleCells ticket={ticket} />
                <td className="col-updated" title={formatDateTime(ticket.updatedAt)}>
                  {formatRelative(ticket.updatedAt)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="table-foot">
        <span className="muted">
          {t(pages.nextCursor ? 'workspace.table.shown' : 'workspace.table.shownAll', { count: tickets.length })}
        </span>
        {pages.nextCursor && (
          <button type="button" className="button" onClick={pages.loadMore} disabled={pages.loadingMore}>
            {pages.loadingMore ? <Spinner size={14} /> : <Icon name="chevronDown" />}
            {pages.loadingMore ? t('common.loading') : t('workspace.table.loadMore')}
          </button>
        )}
      </div>
    </div>
  );
}

function TableSkeleton() {
  const { t } = useI18n();
  return (
    <div className="table-wrap" role="status" aria-label={t('workspace.table.loadingTickets')}>
      <div className="skeleton-rows">
        {Array.from({ length: 8 }, (_, index) => (
          <div key={index} className="skeleton-row">
            <span className="skeleton" style={{ width: 64 }} />
            <span className="skeleton" style={{ width: 48 }} />
            <span className="skeleton" style={{ flex: 1, maxWidth: 320 - (index % 3) * 50 }} />
            <span className="skeleton" style={{ width: 90 }} />
            <span className="skeleton" style={{ width: 52 }} />
          </div>
        ))}
      </div>
    </div>
  );
}
