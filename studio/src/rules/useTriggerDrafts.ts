/**
 * A service's draft triggers in the order they run, with whether they differ from the published version; the
 * list is replaced by whatever the API answers after each change (reorder, enable, save, publish, rollback).
 */
import { useCallback, useEffect, useState } from 'react';
import { triggersApi } from '../api/rules';
import type { TriggerList } from '../api/types';

export interface TriggerDrafts {
  list: TriggerList | null;
  loading: boolean;
  error: unknown;
  reload: (options?: { quiet?: boolean }) => Promise<TriggerList | null>;
  /** Shows an answer (or an optimistic guess) at once. */
  replace: (list: TriggerList) => void;
}

export function useTriggerDrafts(serviceId: string | null): TriggerDrafts {
  const [state, setState] = useState<{ serviceId: string | null; list: TriggerList | null; error: unknown }>({ serviceId, list: null, error: null });

  const reload = useCallback(
    async (options: { quiet?: boolean } = {}) => {
      if (!serviceId) return null;
      try {
        const list = await triggersApi.list(serviceId, options);
        setState((latest) => (latest.serviceId === serviceId ? { serviceId, list, error: null } : latest));
        return list;
      } catch (error) {
        setState((latest) => (latest.serviceId === serviceId ? { ...latest, error } : latest));
        return null;
      }
    },
    [serviceId],
  );

  useEffect(() => {
    setState({ serviceId, list: null, error: null });
    void reload();
  }, [serviceId, reload]);

  const replace = useCallback((list: TriggerList) => setState((latest) => ({ ...latest, list, error: null })), []);

  const current = state.serviceId === serviceId ? state : { list: null, error: null };
  return { list: current.list, loading: current.list === null && !current.error, error: current.error, reload, replace };
}
