/**
 * Keyset pages of a search: the first page (with its capped total) whenever `key` changes, then "load more" from the
 * API's cursor. A newer search aborts the one in flight, so a slow answer never overwrites a newer one.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export interface Total {
  count: number;
  capped: boolean;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total: Total | null;
}

export interface KeysetPages<T> {
  items: T[];
  total: Total | null;
  nextCursor: string | null;
  loading: boolean;
  loadingMore: boolean;
  error: unknown;
  loadMore: () => void;
  reload: () => void;
}

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

/** `load` is read when `key` (or a reload) asks for a new first page; `key: null` loads nothing yet. */
export function useKeysetPages<T>(key: string | null, load: (cursor: string | undefined, signal?: AbortSignal) => Promise<Page<T>>): KeysetPages<T> {
  const [items, setItems] = useState<T[]>([]);
  const [total, setTotal] = useState<Total | null>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  // A null key is a search still waiting for what it needs (the saved defaults, the customer): it shows as loading.
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [reloads, setReloads] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    loadRef.current(undefined, controller.signal).then(
      (page) => {
        setItems(page.items);
        setTotal(page.total);
        setNextCursor(page.nextCursor);
        setLoading(false);
      },
      (caught: unknown) => {
        if (isAbort(caught)) return;
        setItems([]);
        setTotal(null);
        setNextCursor(null);
        setError(caught);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [key, reloads]);

  const loadMore = useCallback(() => {
    if (!nextCursor || loadingMore) return;
    setLoadingMore(true);
    loadRef.current(nextCursor).then(
      (page) => {
        setItems((current) => [...current, ...page.items]);
        setNextCursor(page.nextCursor);
        setLoadingMore(false);
      },
      (caught: unknown) => {
        setError(caught);
        setLoadingMore(false);
      },
    );
  }, [nextCursor, loadingMore]);

  const reload = useCallback(() => setReloads((count) => count + 1), []);
  return { items, total, nextCursor, loading, loadingMore, error, loadMore, reload };
}
