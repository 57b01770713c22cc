/**
 * The records a rule names (groups, agents, intake and resolution types), checked against the service before a
 * trigger or an SLA policy is stored. Each refusal is an issue at the path of the offending id, e.g.
 * `['results', 0, 'groupId']`, in the shape every definition refusal uses.
 */
import { conditionRows, type Result, type Trigger } from '../rules/index';
import type { Db } from '../store/db';
import { findReferencedRecords } from '../store/directory/references';
import type { Issue } from './validation';

type Path = (string | number)[];

/** Condition fields whose values are record ids, and the operators that carry ids. */
const ID_CONDITION_FIELDS = new Set(['intakeType', 'resolutionType', 'group', 'assignee']);
const ID_OPERATORS = new Set(['equals', 'notEquals', 'in', 'notIn', 'changedTo', 'changedFrom', 'withinSubtree']);

/** A record id a rule names, where it names it, and what it must be. */
export interface Reference {
  kind: 'group' | 'intake' | 'resolution' | 'agent' | 'member';
  id: string;
  /** For `member`: the group the agent must belong to. */
  groupId?: string;
  path: Path;
  /** setIntakeType needs an intake type that can still be chosen. */
  mustBeEnabled?: boolean;
}

/** The ids a trigger's conditions and results name. */
export function triggerReferences(trigger: Trigger): Reference[] {
  const references: Reference[] = [];
  for (const { row, at: rowAt } of conditionRows(trigger.conditions)) {
    if (!ID_CONDITION_FIELDS.has(row.field) || !ID_OPERATORS.has(row.operator) || row.value === undefined) continue;
    const kind = ({ intakeType: 'intake', resolutionType: 'resolution', group: 'group', assignee: 'agent' } as const)[
      row.field as 'intakeType' | 'resolutionType' | 'group' | 'assignee'
    ];
    const at: Path = ['conditions', ...rowAt, 'value'];
    if (Array.isArray(row.value)) {
      row.value.forEach((id, position) => references.push({ kind, id: String(id), path: [...at, position] }));
    } else {
      references.push({ kind, id: String(row.value), path: at });
    }
  }
  references.push(...resultReferences(trigger.results, ['results']));
  return references;
}

/** The groups, agents and intake types that results name; `at` is the path of the result list. */
export function resultReferences(results: Result[], at: Path): Reference[] {
  const references: Reference[] = [];
  results.forEach((result, index) => {
    const path: Path = [...at, index];
    if (result.type === 'assign' || result.type === 'forwardToGroup') {
      references.push({ kind: 'group', id: result.groupId, path: [...path, 'groupId'] });
    }
    if (result.type === 'assign' && result.agentId !== undefined) {
      references.push({ kind: 'member', id: result.agentId, groupId: result.groupId, path: [...path, 'agentId'] });
    }
    if (result.type === 'setIntakeType') {
      references.push({ kind: 'intake', id: result.intakeTypeId, path: [...path, 'intakeTypeId'], mustBeEnabled: true });
    }
  });
  return references;
}

/**
 * Issues (`reference.*`, at each reference's path) for the references that are not records of the service: groups
 * of the service, an assigned agent who is an active member of the assign result's group, intake and resolution
 * types of the service (enabled, where a result sets one), agents of the organisation.
 */
export async function checkReferences(sql: Db, orgId: string, serviceId: string, references: Reference[]): Promise<Issue[]> {
  if (references.length === 0) return [];
  const ids = (kind: Reference['kind']) => [...new Set(references.filter((ref) => ref.kind === kind).map((ref) => ref.id))];

  const found = await findReferencedRecords(sql, orgId, serviceId, {
    groupIds: ids('group'),
    categoryIds: [...ids('intake'), ...ids('resolution')],
    agentIds: ids('agent'),
    memberAgentIds: ids('member'),
  });
  const groupIds = new Set(found.groupIds);
  const categoryById = new Map(found.categories.map((row) => [row.id, row]));
  const agentIds = new Set(found.agentIds);
  const memberships = new Set(found.memberships.map((row) => `${row.groupId}/${row.agentId}`));

  const issues: Issue[] = [];
  const refuse = (ref: Reference, code: string, message: string) => {
    issues.push({ path: ref.path, code, message });
  };
  for (const ref of references) {
    switch (ref.kind) {
      case 'group':
        if (!groupIds.has(ref.id)) refuse(ref, 'reference.unknown_group', `${ref.id} is not a group of this service`);
        break;
      case 'member':
        // An unknown group is reported on groupId already; naming its members as well would only add noise.
        if (groupIds.has(ref.groupId!) && !memberships.has(`${ref.groupId}/${ref.id}`)) {
          refuse(ref, 'reference.agent_not_in_group', `${ref.id} is not an active member of group ${ref.groupId}`);
        }
        break;
      case 'intake':
      case 'resolution': {
        const category = categoryById.get(ref.id);
        const label = ref.kind === 'intake' ? 'an intake type' : 'a resolution type';
        if (!category || category.kind !== ref.kind) {
          refuse(ref, `reference.unknown_${ref.kind}_type`, `${ref.id} is not ${label} of this service`);
        } else if (ref.mustBeEnabled && !category.enabled) {
          refuse(ref, `reference.${ref.kind}_type_disabled`, `${label} ${ref.id} is disabled`);
        }
        break;
      }
      case 'agent':
        if (!agentIds.has(ref.id)) refuse(ref, 'reference.unknown_agent', `${ref.id} is not an agent of this organisation`);
        break;
    }
  }
  return issues;
}
