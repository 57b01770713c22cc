/** A new condition node: listens to created tickets and has no rows yet. */
import type { ConditionNodeData, ConditionRow } from './types';

export const defaultConditionData = (): ConditionNodeData => ({
  title: 'New trigger',
  events: ['created'],
  conditions: { all: [], any: [] },
});

export const defaultConditionRow = (): ConditionRow => ({ field: 'priority', operator: 'equals', value: 'urgent' });

/** Condition targets offered in the panel, with bilingual names; the full catalogue lives in rules/targets.ts. */
export const CONDITION_FIELDS: { field: string; label: string }[] = [
  { field: 'status', label: 'Status · 상태' },
  { field: 'intakeType', label: 'Intake type · 접수유형' },
  { field: 'resolutionType', label: 'Resolution type · 처리유형' },
  { field: 'channel', label: 'Channel · 채널' },
  { field: 'priority', label: 'Priority · 우선순위' },
  { field: 'group', label: 'Group · 그룹' },
  { field: 'assignee', label: 'Assignee · 담당자' },
  { field: 'subject', label: 'Subject · 제목' },
  { field: 'content', label: 'Content · 내용' },
];

export const OPERATOR_SYMBOLS: Record<ConditionRow['operator'], string> = {
  equals: '=',
  notEquals: '≠',
  contains: 'contains',
  notContains: 'does not contain',
  startsWith: 'starts with',
  in: 'is one of',
  notIn: 'is none of',
  greaterThan: '>',
  lessThan: '<',
  isEmpty: 'is empty',
  isNotEmpty: 'is not empty',
  withinSubtree: 'within',
  changed: 'changed',
  changedTo: 'changed to',
  changedFrom: 'changed from',
};

export const fieldLabel = (field: string) => CONDITION_FIELDS.find((candidate) => candidate.field === field)?.label ?? field;

export const valueText = (value: ConditionRow['value']) =>
  value === undefined ? '' : Array.isArray(value) ? value.join(', ') : String(value);
