/**
 * Services, groups and agents for pickers and for showing names instead of ids (api/routes/services, groups,
 * agents). A failed look-up yields `null`, so a screen can fall back to showing and typing ids.
 */
import { api } from './client';
import type { DirectoryAgent, DirectoryGroup, DirectoryService } from './types';

const orNull = <T>(request: Promise<T>): Promise<T | null> => request.catch(() => null);

export const directoryApi = {
  services: () => orNull(api.get<DirectoryService[]>('/services', { quiet: true })),
  groups: (serviceId: string) => orNull(api.get<DirectoryGroup[]>(`/services/${encodeURIComponent(serviceId)}/groups`, { quiet: true })),
  agents: () => orNull(api.get<DirectoryAgent[]>('/agents', { quiet: true })),
};
