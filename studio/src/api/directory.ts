/**
 * Services, groups and agents for pickers and for showing names instead of ids.
 *
 * The directory routes are young, so answers are read leniently (a bare array or `{ items }`, `name` or
 * `title`) and a failed look-up yields `null`: screens then fall back to typing an id.
 */
import { api } from './client';
import type { DirectoryAgent, DirectoryGroup, DirectoryService } from './types';

function itemsOf(payload: unknown): unknown[] | null {
  if (Array.isArray(payload)) return payload;
  if (payload && typeof payload === 'object') {
    for (const key of ['items', 'data', 'services', 'groups', 'agents']) {
      const value = (payload as Record<string, unknown>)[key];
      if (Array.isArray(value)) return value;
    }
  }
  return null;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

const stringList = (value: unknown): string[] | undefined =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined;

function record(value: unknown): Record<string, unknown> | null {
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
}

function toService(value: unknown): DirectoryService | null {
  const row = record(value);
  const id = text(row?.id);
  if (!row || !id) return null;
  const kind = row.kind ?? row.type;
  return { id, name: text(row.name) ?? text(row.title) ?? id, kind: kind === 'issue' || kind === 'consultation' ? kind : undefined };
}

function toGroup(value: unknown): DirectoryGroup | null {
  const row = record(value);
  const id = text(row?.id);
  if (!row || !id) return null;
  const memberIds = stringList(row.memberIds);
  return { id, name: text(row.name) ?? id, serviceId: text(row.serviceId), memberIds };
}

function toAgent(value: unknown): DirectoryAgent | null {
  const row = record(value);
  const id = text(row?.id);
  if (!row || !id) return null;
  const role = row.role === 'admin' || row.role === 'agent' || row.role === 'org_admin' ? row.role : undefined;
  const active = typeof row.active === 'boolean' ? row.active : undefined;
  return { id, name: text(row.name) ?? text(row.email) ?? id, email: text(row.email), role, groupIds: stringList(row.groupIds), active };
}

async function lenientList<T>(path: string, parse: (value: unknown) => T | null): Promise<T[] | null> {
  try {
    const items = itemsOf(await api.get<unknown>(path, { quiet: true }));
    return items ? items.map(parse).filter((item): item is T => item !== null) : null;
  } catch {
    return null;
  }
}

export const directoryApi = {
  services: () => lenientList('/services', toService),
  groups: (serviceId: string) => lenientList(`/services/${encodeURIComponent(serviceId)}/groups`, toGroup),
  agents: () => lenientList('/agents', toAgent),
};
