/**
 * Names for ids: services, their groups and agents, loaded once per session. When a look-up fails, names fall
 * back to the id and pickers fall back to typing one.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { directoryApi } from './api/directory';
import type { DirectoryAgent, DirectoryGroup, DirectoryService } from './api/types';

interface DirectoryValue {
  services: DirectoryService[] | null;
  agents: DirectoryAgent[] | null;
  /** Groups of a service; `undefined` while loading, `null` when the route is unavailable. */
  groupsOf: (serviceId: string) => DirectoryGroup[] | null | undefined;
  loadGroups: (serviceId: string) => void;
  /** Loads the services again, after one was created. */
  reloadServices: () => void;
  agentName: (id: string | null) => string | null;
  groupName: (id: string | null) => string | null;
  serviceName: (id: string) => string;
}

const DirectoryContext = createContext<DirectoryValue | null>(null);

export function DirectoryProvider({ children }: { children: ReactNode }) {
  const [services, setServices] = useState<DirectoryService[] | null>(null);
  const [agents, setAgents] = useState<DirectoryAgent[] | null>(null);
  const [groups, setGroups] = useState<Record<string, DirectoryGroup[] | null>>({});

  const requested = useRef(new Set<string>());

  const loadGroups = useCallback((serviceId: string) => {
    if (requested.current.has(serviceId)) return;
    requested.current.add(serviceId);
    void directoryApi.groups(serviceId).then((list) => setGroups((latest) => ({ ...latest, [serviceId]: list })));
  }, []);

  const reloadServices = useCallback(() => {
    void directoryApi.services().then((list) => {
      setServices(list);
      for (const service of list ?? []) loadGroups(service.id);
    });
  }, [loadGroups]);

  useEffect(() => {
    reloadServices();
    void directoryApi.agents().then(setAgents);
  }, [reloadServices]);

  const value = useMemo<DirectoryValue>(() => {
    const agentById = new Map((agents ?? []).map((agent) => [agent.id, agent.name]));
    const groupById = new Map(Object.values(groups).flatMap((list) => (list ?? []).map((group) => [group.id, group.name] as const)));
    const serviceById = new Map((services ?? []).map((service) => [service.id, service.name]));
    return {
      services,
      agents,
      groupsOf: (serviceId) => groups[serviceId],
      loadGroups,
      reloadServices,
      agentName: (id) => (id ? (agentById.get(id) ?? id) : null),
      groupName: (id) => (id ? (groupById.get(id) ?? id) : null),
      serviceName: (id) => serviceById.get(id) ?? id,
    };
  }, [agents, groups, services, loadGroups, reloadServices]);

  return <DirectoryContext value={value}>{children}</DirectoryContext>;
}

export function useDirectory(): DirectoryValue {
  const value = useContext(DirectoryContext);
  if (!value) throw new Error('useDirectory needs a DirectoryProvider');
  return value;
}
