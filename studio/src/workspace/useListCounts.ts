/**
 * Sidebar counts and dashboard figures. The API has no count endpoint yet, so each list's first page
 * (up to 100) is counted and a list with more shows "99+"; the dashboard reads the same pages.
 */
import { useCallback, useEffect, useState } from 'react';
import { ticketsApi } from '../api/endpoints';
import type { Ticket, TicketList } from '../api/types';
import { LISTS } from '../vocabulary';

const COUNT_PAGE = 100;

export interface ListCount {
  count: number;
  more: boolean;
}

export interface ListCounts {
  counts: Partial<Record<TicketList, ListCount>>;
  /** Up to 100 newest tickets of each list, for the dashboard. */
  samples: Partial<Record<TicketList, Ticket[]>>;
  loading: boolean;
  refresh: () => void;
}

export function useListCounts(): ListCounts {
  const [counts, setCounts] = useState<ListCounts['counts']>({});
  const [samples, setSamples] = useState<ListCounts['samples']>({});
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setLoading(true);
    Promise.all(
      LISTS.map(async ({ id }) => {
        try {
          const page = await ticketsApi.list(id, { limit: COUNT_PAGE, quiet: true });
          return [id, page] as const;
        } catch {
          return [id, null] as const;
        }
      }),
    ).then((pages) => {
      if (cancelled) return;
      const nextCounts: ListCounts['counts'] = {};
      const nextSamples: ListCounts['samples'] = {};
      for (const [id, page] of pages) {
        if (!page) continue;
        nextCounts[id] = { count: page.items.length, more: page.nextCursor !== null };
        nextSamples[id] = page.items;
      }
      setCounts(nextCounts);
      setSamples(nextSamples);
      setLoading(false);
    });
    return () => {
      cancelled = true;
    };
  }, [generation]);

  const refresh = useCallback(() => setGeneration((value) => value + 1), []);
  return { counts, samples, loading, refresh };
}

export function formatCount(count: ListCount | undefined): string {
  if (!count) return '';
  return count.more ? `${Math.min(count.count, 99)}+` : String(count.count);
}
