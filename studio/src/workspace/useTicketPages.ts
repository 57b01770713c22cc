/**
 * One task list, page by page: the first page on entry, the next on "load more" with the API's cursor. The search
 * text, filters and order are the server's: every change asks for the first page again.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ticketsApi, type TicketListFilters } from '../api/endpoints';
import type { Ticket, TicketList } from '../api/types';

const PAGE_SIZE = 25;
// The most a quiet refresh reads again at once (the API's largest page).
const REFRESH_LIMIT = 100;

export interface TicketPages {
  items: Ticket[];
  nextCursor: string | null;
  loading: boolean;
  loadingMore: boolean;
  error: unknown;
  loadMore: () => void;
  reload: () => void;
  /** Reads the tickets shown again without a loading state: tickets that left the list go, new ones come in. */
  refresh: () => void;
  /** Puts a ticket returned by an action in place, or drops it when it no longer belongs to the list. */
  replace: (ticket: Ticket, stillListed: boolean) => void;
}

export function useTicketPages(list: TicketList, filters: TicketListFilters = {}): TicketPages {
  const [items, setItems] = useState<Ticket[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);
  const filterKey = JSON.stringify(filters);
  const current = useRef(`${list}|${filterKey}`);
  current.current = `${list}|${filterKey}`;

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    ticketsApi
      .list(list, { limit: PAGE_SIZE, signal: controller.signal, filters: JSON.parse(filterKey) as TicketListFilters })
      .then((page) => {
        setItems(page.items);
        setNextCursor(page.nextCursor);
        setLoading(false);
      })
      .catch((caught) => {
        if (controller.signal.aborted) return;
        setError(caught);
        setItems([]);
        setNextCursor(null);
        setLoading(false);
      });
    return () => controller.abort();
  }, [list, filterKey, generation]);

  const loadMore = useCallback(() => {
    if (!nextCursor || loadingMore) return;
    setLoadingMore(true);
    const requestedFor = `${list}|${filterKey}`;
    ticketsApi
      .list(list, { limit: PAGE_SIZE, cursor: nextCursor, filters: JSON.parse(filterKey) as TicketListFilters })
      .then((page) => {
        if (current.current !== requestedFor) return;
        setItems((existing) => {
          const seen = new Set(existing.map((ticket) => ticket.id));
          return [...existing, ...page.items.filter((ticket) => !seen.has(ticket.id))];
        });
        setNextCursor(page.nextCursor);
      })
      .catch(setError)
      .finally(() => setLoadingMore(false));
  }, [list, filterKey, nextCursor, loadingMore]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);

  const shown = useRef(0);
  shown.current = items.length;
  const refreshing = useRef<AbortController | null>(null);
  const refresh = useCallback(() => {
    refreshing.current?.abort();
    const controller = new AbortController();
    refreshing.current = controller;
    const requestedFor = `${list}|${filterKey}`;
    const limit = Math.min(REFRESH_LIMIT, Math.max(PAGE_SIZE, shown.current));
    ticketsApi
      .list(list, { limit, quiet: true, signal: controller.signal, filters: JSON.parse(filterKey) as TicketListFilters })
      .then((page) => {
        if (current.current !== requestedFor) return;
        setItems(page.items);
        setNextCursor(page.nextCursor);
      })
      // A failed refresh leaves the list as it was; the next change or the refresh button tries again.
      .catch(() => undefined);
  }, [list, filterKey]);

  const replace = useCallback((ticket: Ticket, stillListed: boolean) => {
    setItems((existing) =>
      stillListed ? existing.map((item) => (item.id === ticket.id ? ticket : item)) : existing.filter((item) => item.id !== ticket.id),
    );
  }, []);

  return { items, nextCursor, loading, loadingMore, error, loadMore, reload, refresh, replace };
}
