/**
 * The rule studio's node kinds. `nodeTypes` is declared once at module scope so React Flow never sees a
 * new object between renders; each kind keeps its node, panel, defaults and types in its own folder.
 */
import type { NodeTypes } from '@xyflow/react';
import { ConditionNode } from './condition/node';
import type { ConditionNode as ConditionNodeType } from './condition/types';
import { ResultNode } from './result/node';
import type { ResultNode as ResultNodeType } from './result/types';

export const nodeTypes = {
  condition: ConditionNode,
  result: ResultNode,
} satisfies NodeTypes;

export type TriggerNode = ConditionNodeType | ResultNodeType;

export { ConditionPanel } from './condition/panel';
export { ResultPanel } from './result/panel';
export { defaultConditionData } from './condition/defaults';
export { defaultResultData } from './result/defaults';
export type { ConditionNodeData } from './condition/types';
export type { ResultNodeData } from './result/types';
