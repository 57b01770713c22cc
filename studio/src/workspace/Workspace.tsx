/**
 * The agent workspace: task lists on the left, today's figures on top, the list in the middle and the
 * open ticket on the right. Keyboard first: j/k move, Enter opens, Esc closes, / searches, n creates.
 */
import './workspace.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Ticket, TicketList } from '../api/types';
import { Kbd } from '../components/feedback';
import { Icon } from '../components/icons';
import { useToast } from '../components/toasts';
import { useI18n } from '../i18n';
import { navigate } from '../router';
import { useShortcuts } from '../shortcuts';
import { LISTS } from '../vocabulary';
import { DashboardStrip } from './DashboardStrip';
import { NewTicketDialog } from './NewTicketDialog';
import { Sidebar } from './Sidebar';
import { TicketDetail } from './TicketDetail';
import { BulkBar } from './BulkBar';
import { TicketTable } from './TicketTable';
import { useListCounts } from './useListCounts';
import { useTicketPages } from './useTicketPages';

function matches(ticket: Ticket, query: string): boolean {
  const haystack = [ticket.id, ticket.subject, ticket.customer?.name, ticket.customer?.email, ticket.customer?.phone, ...ticket.tags]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

export function Workspace({ list, ticketId }: { list: TicketList; ticketId?: string }) {
  const { t } = useI18n();
  const toast = useToast();
  const counts = useListCounts();
  const pages = useTicketPages(list);
  const [query, setQuery] = useState('');
  const [cursor, setCursor] = useState(0);
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const searchRef = useRef<HTMLInputElement>(null);

  const tickets = useMemo(() => (query.trim() ? pages.items.filter((ticket) => matches(ticket, query)) : pages.items), [pages.items, query]);

  useEffect(() => {
    setCursor(0);
    setQuery('');
  }, [list]);

  useEffect(() => {
    if (!ticketId) return;
    const index = tickets.findIndex((ticket) => ticket.id === ticketId);
    if (index >= 0) setCursor(index);
  }, [ticketId, tickets]);

  const open = useCallback((id: string | undefined) => navigate({ name: 'inbox', list, ticketId: id }), [list]);

  const move = (delta: number) => {
    if (tickets.length === 0) return;
    const next = Math.min(tickets.length - 1, Math.max(0, cursor + delta));
    setCursor(next);
    if (ticketId) open(tickets[next].id);
  };

  const refresh = () => {
    pages.reload();
    counts.refresh();
  };

  const toggleSelected = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  // The selection belongs to the list it was made in.
  useEffect(() => setSelected(new Set()), [list]);

  useShortcuts({
    x: () => tickets[cursor] && toggleSelected(tickets[cursor].id),
    j: () => move(1),
    ArrowDown: () => move(1),
    k: () => move(-1),
    ArrowUp: () => move(-1),
    Enter: () => tickets[cursor] && open(tickets[cursor].id),
    Escape: () => ticketId && open(undefined),
    '/': () => searchRef.current?.focus(),
    n: () => setCreating(true),
    r: refresh,
    ...Object.fromEntries(LISTS.map((candidate, index) => [String(index + 1), () => navigate({ name: 'inbox', list: candidate.id })])),
  });

  const onChanged = useCallback(
    (id: string, ticket: Ticket | null) => {
      if (ticket) pages.replace(ticket, true);
      else {
        pages.replace({ id } as Ticket, false);
        open(undefined);
      }
      counts.refresh();
    },
    [pages, counts, open],
  );

  return (
    <div className={`workspace${ticketId ? ' with-detail' : ''}`}>
      <Sidebar active={list} counts={counts} />
      <main className="workspace-main" aria-label={t('workspace.main')}>
        <DashboardStrip counts={counts} />
        <div className="list-toolbar">
          <div className="list-title">
            <h1>{t(`workspace.list.${list}`)}</h1>
          </div>
          <div className="search">
            <Icon name="search" size={14} />
            <input
              ref={searchRef}
              type="search"
              value={query}
              placeholder={t('workspace.search')}
              aria-label={t('workspace.search')}
              onChange={(event) => {
                setQuery(event.target.value);
                setCursor(0);
              }}
              onKeyDown={(event) => {
                if (event.key === 'Escape') {
                  setQuery('');
                  event.currentTarget.blur();
                }
                if (event.key === 'Enter' || event.key === 'ArrowDown') event.currentTarget.blur();
              }}
            />
            <Kbd>/</Kbd>
          </div>
          <button type="button" className="icon-button bordered" onClick={refresh} aria-label={t('workspace.refresh')} title={t('workspace.refresh')}>
            <Icon name="refresh" size={15} />
          </button>
          <button type="button" className="button primary" onClick={() => setCreating(true)} title={t('workspace.newTicketHint')}>
            <Icon name="plus" size={15} />
            {t('workspace.newTicket')}
          </button>
        </div>
        {selected.size > 0 && (
          <BulkBar
            ticketIds={[...selected]}
            onClear={() => setSelected(new Set())}
            onFinished={refresh}
          />
        )}
        <TicketTable
          list={list}
          pages={pages}
          tickets={tickets}
          cursor={cursor}
          openId={ticketId}
          filtered={query.trim() !== ''}
          selected={selected}
          onToggle={toggleSelected}
          onToggleAll={() =>
            setSelected((current) => (tickets.every((ticket) => current.has(ticket.id)) ? new Set() : new Set(tickets.map((ticket) => ticket.id))))
          }
          onCursor={setCursor}
          onOpen={(index) => open(tickets[index]?.id)}
        />
      </main>
      {ticketId && <TicketDetail key={ticketId} ticketId={ticketId} onChanged={onChanged} onClose={() => open(undefined)} />}
      <NewTicketDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(ticket) => {
          setCreating(false);
          toast(t('workspace.created', { id: ticket.id }));
          refresh();
          navigate({ name: 'inbox', list: 'all', ticketId: ticket.id });
        }}
      />
    </div>
  );
}
