/** A condition node: one row of the trigger and its group (must-match or optional), as plain JSON. */
import type { Node } from '@xyflow/react';
import type { ConditionGroup, ConditionNodeData } from '../../../../../rules/graph';
import type { ConditionOperator, ConditionRow, ConditionValue, CustomFieldValueType } from '../../../../../rules/model';

export type ConditionNode = Node<ConditionNodeData, 'condition'>;
export type { ConditionGroup, ConditionNodeData, ConditionOperator, ConditionRow, ConditionValue, CustomFieldValueType };
