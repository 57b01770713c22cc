/**
 * The rule studio's node kinds: the trigger, its condition rows, the groups (all / any / not) they nest in, and its results (see rules/graph.ts for the graph
 * they make). `nodeTypes` is declared once at module scope so React Flow never sees a new object between renders;
 * each kind keeps its node, panel, defaults and types in its own folder, and each result type its panel, defaults
 * and summary in a folder under `result/` (listed in `result/kinds.ts`). Of the rule studio they read only the
 * leaf modules `context`, `issues`, `pickers` and `simulation-overlay`, none of which imports a node back.
 */
import type { NodeTypes } from '@xyflow/react';
import { ConditionNode } from './condition/node';
import type { ConditionNode as ConditionNodeType } from './condition/types';
import { GroupNode } from './group/node';
import type { GroupNode as GroupNodeType } from './group/types';
import { ResultNode } from './result/node';
import type { ResultNode as ResultNodeType } from './result/types';
import { TriggerNode } from './trigger/node';
import type { TriggerNode as TriggerNodeType } from './trigger/types';

export const nodeTypes = {
  trigger: TriggerNode,
  condition: ConditionNode,
  group: GroupNode,
  result: ResultNode,
} satisfies NodeTypes;

/** Any node on the rule canvas. */
export type RuleNode = TriggerNodeType | ConditionNodeType | GroupNodeType | ResultNodeType;

export { TriggerPanel } from './trigger/panel';
export { ConditionPanel } from './condition/panel';
export { GroupPanel } from './group/panel';
export { ResultPanel } from './result/panel';
export { newTrigger, UNSAVED_TRIGGER_ID } from './trigger/defaults';
export { defaultConditionData } from './condition/defaults';
export { defaultGroupData, GROUP_KINDS } from './group/defaults';
export { defaultResultData, RESULT_TYPES } from './result/defaults';
export type { TriggerNodeData } from './trigger/types';
export type { ConditionNodeData } from './condition/types';
export type { GroupNodeData } from './group/types';
export type { ResultNodeData } from './result/types';
