/**
 * The gate every trigger passes before it is stored: its shape and meaning (`parseTrigger` of `rules/`), then
 * the records it names, checked against the service. Every refusal is a 422 `trigger.invalid` listing issues with
 * the path of the offending value, e.g. `['conditions', 'all', 2, 'operator']`, so the studio can point at it.
 */
import type { ISql } from 'postgres';
import { parseTrigger, type Result, type Trigger } from '../../../rules/index';
import { definitionBodyHook, invalid, type Issue } from '../../validation';

type Path = (string | number)[];

const invalidTrigger = (issues: Issue[]) => invalid('trigger.invalid', 'trigger', issues);

/** Validation hook of the routes whose body is (part of) a trigger. */
export const triggerBodyHook = definitionBodyHook('trigger.invalid', 'trigger');

/** The trigger, validated by the rule engine; throws 422 `trigger.invalid` otherwise. */
export function requireValidTrigger(candidate: unknown): Trigger {
  const parsed = parseTrigger(candidate);
  if (!parsed.ok) throw invalidTrigger(parsed.issues);
  return parsed.trigger;
}

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

function referencesOf(trigger: Trigger): Reference[] {
  const references: Reference[] = [];
  for (const group of ['all', 'any'] as const) {
    trigger.conditions[group].forEach((row, index) => {
      if (!ID_CONDITION_FIELDS.has(row.field) || !ID_OPERATORS.has(row.operator) || row.value === undefined) return;
      const kind = ({ intakeType: 'intake', resolutionType: 'resolution', group: 'group', assignee: 'agent' } as const)[
        row.field as 'intakeType' | 'resolutionType' | 'group' | 'assignee'
      ];
      const at: Path = ['conditions', group, index, 'value'];
      if (Array.isArray(row.value)) {
        row.value.forEach((id, position) => references.push({ kind, id: String(id), path: [...at, position] }));
      } else {
        references.push({ kind, id: String(row.value), path: at });
      }
    });
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
 * Issues for the records a trigger names that are not the service's: groups of the service, an assigned agent
 * who is an active member of the assign result's group, intake and resolution types of the service (enabled,
 * where a result sets one), agents of the organisation.
 */
export async function referenceIssues(sql: ISql, orgId: string, serviceId: string, trigger: Trigger): Promise<Issue[]> {
  return checkReferences(sql, orgId, serviceId, referencesOf(trigger));
}

/** Issues (`reference.*`, at each reference's path) for the references that are not records of the service. */
export async function checkReferences(sql: ISql, orgId: string, serviceId: string, references: Reference[]): Promise<Issue[]> {
  if (references.length === 0) return [];
  const ids = (kind: Reference['kind']) => [...new Set(references.filter((ref) => ref.kind === kind).map((ref) => ref.id))];

  const [groups, categories, agents, members] = await Promise.all([
    sql<{ id: string }[]>`select id from groups where service_id = ${serviceId} and id = any(${ids('group')}::text[])`,
    sql<{ id: string; kind: 'intake' | 'resolution'; enabled: boolean }[]>`
      select id, kind, enabled from categories
      where service_id = ${serviceId} and id = any(${[...ids('intake'), ...ids('resolution')]}::text[])`,
    sql<{ id: string }[]>`select id from agents where org_id = ${orgId} and id = any(${ids('agent')}::text[])`,
    sql<{ group_id: string; agent_id: string }[]>`
      select m.group_id, m.agent_id from group_members m join agents a on a.id = m.agent_id
      where a.active and m.agent_id = any(${ids('member')}::text[])`,
  ]);
  const groupIds = new Set(groups.map((row) => row.id));
  const categoryById = new Map(categories.map((row) => [row.id, row]));
  const agentIds = new Set(agents.map((row) => row.id));
  const memberships = new Set(members.map((row) => `${row.group_id}/${row.agent_id}`));

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

/** Throws 422 `trigger.invalid` when the trigger names records the service does not have. */
export async function requireKnownReferences(sql: ISql, orgId: string, serviceId: string, trigger: Trigger): Promise<void> {
  const issues = await referenceIssues(sql, orgId, serviceId, trigger);
  if (issues.length > 0) throw invalidTrigger(issues);
}
