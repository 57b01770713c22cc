/**
 * The agent workspace: task lists on the left, today's figures on top, the list in the middle and the
 * open ticket on the right. Keyboard first: j/k move, Enter opens, Esc closes, / searches, n creates.
 * Live: ticket changes pushed by the API refresh the list and the counts, so a ticket someone took or resolved
 * leaves the list it no longer belongs to without a reload.
 */
import './workspace.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Ticket, TicketList } from '../api/types';
import { Kbd } from '../components/feedback';
import { Icon } from '../components/icons';
import { useToast } from '../components/toasts';
import { exportTicketSearch, searchDefaultsApi } from '../api/exports';
import { errorMessage } from '../i18n/errors';
import { useI18n } from '../i18n';
import { navigate } from '../router';
import { useShortcuts } from '../shortcuts';
import { useLiveEvents } from '../api/live';
import { LiveIndicator } from './LiveIndicator';
import { LISTS, PRIORITIES } from '../vocabulary';
import { TICKET_CHANNELS } from '../../../domain/ticket';
import type { TicketListFilters } from '../api/endpoints';
import { DashboardStrip } from './DashboardStrip';
import { NewTicketDialog } from './NewTicketDialog';
import { Sidebar } from './Sidebar';
import { TicketDetail } from './TicketDetail';
import { BulkBar } from './BulkBar';
import { TicketTable } from './TicketTable';
import { useListCounts } from './useListCounts';
import { useTicketPages } from './useTicketPages';

// The search box asks the server once typing pauses, not on every key.
const SEARCH_PAUSE_MS = 300;
// A burst of changes (a bulk job, a trigger's edits) reads the list and the counts again once.
const LIVE_PAUSE_MS = 400;
const CHANNELS = TICKET_CHANNELS.filter((channel) => channel !== 'issue_transfer');

export function Workspace({ list, ticketId }: { list: TicketList; ticketId?: string }) {
  const { t, lang } = useI18n();
  const toast = useToast();
  const [exporting, setExporting] = useState<{ written: number; total: number } | null>(null);
  const counts = useListCounts();
  const [query, setQuery] = useState('');
  const [searched, setSearched] = useState('');
  const [filters, setFilters] = useState<Omit<TicketListFilters, 'q'>>({ sort: 'created' });
  const pages = useTicketPages(list, useMemo(() => ({ ...filters, q: searched }), [filters, searched]));
  const [cursor, setCursor] = useState(0);
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const searchRef = useRef<HTMLInputElement>(null);

  const tickets = pages.items;

  useEffect(() => {
    const timer = setTimeout(() => setSearched(query.trim()), SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [query]);

  useEffect(() => {
    setCursor(0);
    setQuery('');
    setSearched('');
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

  const exportList = () => {
    if (exporting) return;
    setExporting({ written: 0, total: 0 });
    const search = {
      list,
      sort: filters.sort,
      conditions: {
        ...(searched ? { text: searched } : {}),
        ...(filters.priority ? { priority: [filters.priority] } : {}),
        ...(filters.channel ? { channel: [filters.channel] } : {}),
      },
    };
    exportTicketSearch(search, lang, (written, total) => setExporting({ written, total }))
      .then(() => toast(t('workspace.export.done')))
      .catch((error: unknown) => toast(`${t('workspace.export.failed')}: ${errorMessage(t, error)}`, 'info'))
      .finally(() => setExporting(null));
  };

  // The agent's default conditions (조건 설정) open the workspace.
  useEffect(() => {
    searchDefaultsApi
      .get()
      .then((defaults) => {
        const { text, priority, channel } = defaults.conditions;
        setFilters({ sort: defaults.sort, priority: priority?.[0], channel: channel?.[0] });
        if (text) {
          setQuery(text);
          setSearched(text);
        }
      })
      .catch(() => undefined);
  }, []);

  const saveDefaults = () => {
    const conditions = {
      ...(searched ? { text: searched } : {}),
      ...(filters.priority ? { priority: [filters.priority] } : {}),
      ...(filters.channel ? { channel: [filters.channel] } : {}),
    };
    searchDefaultsApi
      .save({ conditions, sort: filters.sort ?? 'created', direction: 'desc' })
      .then(() => toast(t('workspace.filters.defaultsSaved')))
      .catch((error: unknown) => toast(errorMessage(t, error), 'info'));
  };

  const refresh = () => {
    pages.reload();
    counts.refresh();
  };

  const liveTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(liveTimer.current), []);
  useLiveEvents(() => {
    clearTimeout(liveTimer.current);
    liveTimer.current = setTimeout(() => {
      pages.refresh();
      counts.refresh();
    }, LIVE_PAUSE_MS);
  });

  // The highlighted row stays on its ticket when the list changes under it, or on the row that took its place.
  const cursorId = useRef<string | undefined>(undefined);
  useEffect(() => {
    const index = tickets.findIndex((ticket) => ticket.id === cursorId.current);
    setCursor((current) => (index >= 0 ? index : Math.max(0, Math.min(current, tickets.length - 1))));
  }, [tickets]);
  useEffect(() => {
    cursorId.current = tickets[cursor]?.id;
  }, [tickets, cursor]);

  /** The ticket after `id` in the list as shown (or before it, at the end), skipping `id` itself. */
  const nextAfter = (id: string): string | undefined => {
    const index = tickets.findIndex((ticket) => ticket.id === id);
    const from = index >= 0 ? index : cursor;
    const rest = tickets.filter((ticket) => ticket.id !== id);
    return (rest[from] ?? rest[from - 1])?.id;
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
      // Shown as it is now at once; the quiet refresh then drops it from a list it has left (taken, resolved, moved).
      if (ticket) {
        pages.replace(ticket, true);
        pages.refresh();
      } else {
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
            <LiveIndicator />
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
                  setSearched('');
                  event.currentTarget.blur();
                }
                if (event.key === 'Enter') setSearched(query.trim());
                if (event.key === 'Enter' || event.key === 'ArrowDown') event.currentTarget.blur();
              }}
            />
            <Kbd>/</Kbd>
          </div>
          <div className="list-filters">
            <select
              aria-label={t('workspace.filters.priority')}
              value={filters.priority ?? ''}
              onChange={(event) => setFilters((current) => ({ ...current, priority: event.target.value || undefined }))}
            >
              <option value="">{t('workspace.filters.anyPriority')}</option>
              {PRIORITIES.map((priority) => (
                <option key={priority} value={priority}>
                  {t(`ticket.priority.${priority}`)}
                </option>
              ))}
            </select>
            <select
              aria-label={t('workspace.filters.channel')}
              value={filters.channel ?? ''}
              onChange={(event) => setFilters((current) => ({ ...current, channel: event.target.value || undefined }))}
            >
              <option value="">{t('workspace.filters.anyChannel')}</option>
              {CHANNELS.map((channel) => (
                <option key={channel} value={channel}>
                  {t(`ticket.channel.${channel}`)}
                </option>
              ))}
            </select>
            <select
              aria-label={t('workspace.filters.sort')}
              value={filters.sort}
              onChange={(event) => setFilters((current) => ({ ...current, sort: event.target.value as TicketListFilters['sort'] }))}
            >
              {(['created', 'updated', 'priority'] as const).map((sort) => (
                <option key={sort} value={sort}>
                  {t(`workspace.filters.sortBy.${sort}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="button" className="button" onClick={saveDefaults} title={t('workspace.filters.saveDefaultsHint')}>
            {t('workspace.filters.saveDefaults')}
          </button>
          <button type="button" className="button" onClick={exportList} disabled={exporting !== null} aria-live="polite">
            {exporting
              ? t('workspace.export.progress', { percent: exporting.total ? Math.floor((exporting.written / exporting.total) * 100) : 0 })
              : t('workspace.export.button')}
          </button>
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
            serviceIds={[...new Set(tickets.filter((ticket) => selected.has(ticket.id)).map((ticket) => ticket.serviceId))]}
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
          filtered={searched !== '' || Boolean(filters.priority || filters.channel)}
          selected={selected}
          onToggle={toggleSelected}
          onToggleAll={() =>
            setSelected((current) => (tickets.every((ticket) => current.has(ticket.id)) ? new Set() : new Set(tickets.map((ticket) => ticket.id))))
          }
          onCursor={setCursor}
          onOpen={(index) => open(tickets[index]?.id)}
        />
      </main>
      {ticketId && (
        <TicketDetail
          key={ticketId}
          ticketId={ticketId}
          onChanged={onChanged}
          onClose={() => open(undefined)}
          onNext={nextAfter(ticketId) ? () => open(nextAfter(ticketId)) : undefined}
        />
      )}
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
