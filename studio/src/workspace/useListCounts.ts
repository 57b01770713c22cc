/**
 * Sidebar counts and dashboard figures from `GET /dashboard`, plus the newest 100 tickets for the chart of
 * tickets received over the last days.
 */
import { useCallback, useEffect, useState } from 'react';
import { dashboardApi, ticketsApi } from '../api/endpoints';
import type { Dashboard, Ticket, TicketList } from '../api/types';

const CHART_SAMPLE = 100;

export interface ListCounts {
  counts: Partial<Record<TicketList, number>>;
  /** Today's counters; null until loaded or when the dashboard could not be read. */
  dashboard: Dashboard | null;
  /** The newest tickets of all lists, for the chart. */
  recent: Ticket[];
  loading: boolean;
  refresh: () => void;
}

export function useListCounts(): ListCounts {
  const [dashboard, setDashboard] = useState<Dashboard | null>(null);
  const [recent, setRecent] = useState<Ticket[]>([]);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);

  // Refreshes keep the figures on screen until the new ones arrive.
  useEffect(() => {
    let cancelled = false;
    void Promise.all([
      dashboardApi.get({ quiet: true }).catch(() => null),
      ticketsApi.list('all', { limit: CHART_SAMPLE, quiet: true }).catch(() => null),
    ]).then(([figures, page]) => {
      if (cancelled) return;
      setDashboard(figures);
      setRecent(page?.items ?? []);
      setLoading(false);
    });
    return () => {
      cancelled = true;
    };
  }, [generation]);

  const refresh = useCallback(() => setGeneration((value) => value + 1), []);
  return { counts: dashboard?.lists ?? {}, dashboard, recent, loading, refresh };
}

export function formatCount(count: number | undefined): string {
  return count === undefined ? '' : String(count);
}
