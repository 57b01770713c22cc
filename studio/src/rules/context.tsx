/**
 * What the rule studio's nodes and panels read besides their own plain-JSON data: names for the ids a rule holds
 * (groups, agents, intake and resolution types of the open service) and, per canvas, the issues pointing at each
 * node, each result's place in the order and the simulation shown on the graph. Kept in context so node data never
 * carries functions.
 */
import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import type { NodeIssue } from './issues';
import type { NodeMark, SimulationOverlay } from './simulation-overlay';
import type { DirectoryAgent, DirectoryGroup } from '../api/types';
import { useCategories, type CategoryOption } from '../categories';
import { useDirectory } from '../directory';
import { useMe } from '../session';
import type { TicketEventType } from '../../../domain/ticket';
import type { GroupKind } from '../../../rules/model';

export interface RuleLookups {
  serviceId: string;
  /** `undefined` while loading, `null` when the route is unavailable (pickers then take typed ids). */
  groups: DirectoryGroup[] | null | undefined;
  agents: DirectoryAgent[] | null;
  intakeTypes: CategoryOption[] | null | undefined;
  resolutionTypes: CategoryOption[] | null | undefined;
  groupName: (id: string) => string;
  agentName: (id: string) => string;
  categoryName: (id: string) => string;
}

const LookupsContext = createContext<RuleLookups | null>(null);

export function RuleLookupsProvider({ serviceId, children }: { serviceId: string; children: ReactNode }) {
  const directory = useDirectory();
  const { loadGroups } = directory;
  useEffect(() => loadGroups(serviceId), [loadGroups, serviceId]);
  const groups = directory.groupsOf(serviceId);
  const intakeTypes = useCategories(serviceId, 'intake');
  const resolutionTypes = useCategories(serviceId, 'resolution');

  const value = useMemo<RuleLookups>(() => {
    const categories = new Map([...(intakeTypes ?? []), ...(resolutionTypes ?? [])].map((option) => [option.id, option.path]));
    const groupNames = new Map((groups ?? []).map((group) => [group.id, group.name]));
    const agentNames = new Map((directory.agents ?? []).map((agent) => [agent.id, agent.name]));
    return {
      serviceId,
      groups,
      agents: directory.agents,
      intakeTypes,
      resolutionTypes,
      groupName: (id) => groupNames.get(id) ?? id,
      agentName: (id) => agentNames.get(id) ?? id,
      categoryName: (id) => categories.get(id) ?? id,
    };
  }, [serviceId, groups, directory.agents, intakeTypes, resolutionTypes]);

  return <LookupsContext value={value}>{children}</LookupsContext>;
}

export function useRuleLookups(): RuleLookups {
  const value = useContext(LookupsContext);
  if (!value) throw new Error('useRuleLookups needs a RuleLookupsProvider');
  return value;
}

/**
 * Per-canvas state the nodes show: issues by node id, each result's order number, the events listened to, and the
 * kind of the group each nested row or group stands in (absent for those joined to the trigger).
 */
export interface CanvasState {
  issues: Readonly<Record<string, readonly NodeIssue[]>>;
  resultOrder: Readonly<Record<string, number>>;
  events: readonly TicketEventType[];
  standsIn: Readonly<Record<string, GroupKind>>;
}

const EMPTY_CANVAS: CanvasState = { issues: {}, resultOrder: {}, events: [], standsIn: {} };
const CanvasContext = createContext<CanvasState>(EMPTY_CANVAS);

export const CanvasStateProvider = CanvasContext;

export function useCanvasState(): CanvasState {
  return useContext(CanvasContext);
}

/** Issues pointing at one node. */
export function useNodeIssues(nodeId: string): readonly NodeIssue[] {
  return useContext(CanvasContext).issues[nodeId] ?? [];
}

const OverlayContext = createContext<SimulationOverlay | null>(null);

/** The simulation shown on the open trigger's graph, if one is. */
export const SimulationOverlayProvider = OverlayContext;

/** What the simulation shown on the graph says about one node. */
export function useNodeMark(nodeId: string): NodeMark | undefined {
  return useContext(OverlayContext)?.marks[nodeId];
}

/** Whether the signed-in person may change triggers: the API lets admins only, so no one else is offered it. */
export function useCanEditRules(): boolean {
  return useMe().role === 'admin';
}
