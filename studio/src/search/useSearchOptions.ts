/**
 * What the search form offers, from the directory: groups, agents, intake and resolution types (as trees, indented)
 * and the searchable fields of the services in scope (one service, or every service the reader sees). Encrypted
 * fields are left out: their values are sealed and cannot be searched.
 */
import { useEffect, useMemo, useState } from 'react';
import { fieldsApi, type FieldDefinition } from '../api/desk';
import { categoriesApi } from '../api/rules';
import type { CategoryNode } from '../api/types';
import { useDirectory } from '../directory';
import type { DirectoryService } from '../api/types';
import { useMe } from '../session';
import type { PickOption } from './MultiPick';

interface ServiceOptions {
  intake: CategoryNode[];
  resolution: CategoryNode[];
  fields: FieldDefinition[];
}

export interface SearchOptions {
  groups: PickOption[];
  agents: PickOption[];
  intakeTypes: PickOption[];
  resolutionTypes: PickOption[];
  fields: FieldDefinition[];
}

function flatten(nodes: CategoryNode[], prefix: string, depth = 0): PickOption[] {
  return nodes.flatMap((node) => [{ value: node.id, label: depth === 0 ? `${prefix}${node.name}` : node.name, depth }, ...flatten(node.children, prefix, depth + 1)]);
}

/** The services whose tickets the reader may search: all for admins, those an agent has a group in otherwise. */
export function useReadableServices(): DirectoryService[] {
  const me = useMe();
  const directory = useDirectory();
  return useMemo(
    () =>
      (directory.services ?? []).filter(
        (service) => me.role === 'admin' || (directory.groupsOf(service.id) ?? []).some((group) => me.groupIds.includes(group.id)),
      ),
    [directory, me],
  );
}

export function useSearchOptions(serviceId: string | undefined): SearchOptions {
  const directory = useDirectory();
  const readable = useReadableServices();
  const [byService, setByService] = useState<Record<string, ServiceOptions>>({});
  const scope = useMemo(() => readable.filter((service) => !serviceId || service.id === serviceId), [readable, serviceId]);

  useEffect(() => {
    for (const service of scope) {
      if (byService[service.id]) continue;
      void Promise.all([
        categoriesApi.tree(service.id, 'intake').catch(() => []),
        categoriesApi.tree(service.id, 'resolution').catch(() => []),
        fieldsApi.list(service.id).then((list) => list.fields, () => []),
      ]).then(([intake, resolution, fields]) => setByService((latest) => ({ ...latest, [service.id]: { intake, resolution, fields } })));
    }
  }, [scope, byService]);

  return useMemo(() => {
    // With several services in scope, a service's name tells apart groups and categories of the same name.
    const prefixOf = (name: string) => (scope.length > 1 ? `${name} · ` : '');
    const fields = new Map<string, FieldDefinition>();
    for (const service of scope) for (const field of byService[service.id]?.fields ?? []) if (!field.encrypted && !fields.has(field.code)) fields.set(field.code, field);
    const groups = scope.flatMap((service) => (directory.groupsOf(service.id) ?? []).map((group) => ({ value: group.id, label: `${prefixOf(service.name)}${group.name}` })));
    const groupIds = new Set(groups.map((group) => group.value));
    return {
      groups,
      // Only members of the scope's groups can be assignees of its tickets.
      agents: (directory.agents ?? [])
        .filter((agent) => agent.active && agent.groupIds.some((id) => groupIds.has(id)))
        .map((agent) => ({ value: agent.id, label: agent.name })),
      intakeTypes: scope.flatMap((service) => flatten(byService[service.id]?.intake ?? [], prefixOf(service.name))),
      resolutionTypes: scope.flatMap((service) => flatten(byService[service.id]?.resolution ?? [], prefixOf(service.name))),
      fields: [...fields.values()],
    };
  }, [scope, byService, directory]);
}
