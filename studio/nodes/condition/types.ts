/** Data of a condition node: the trigger's events and its must-match / optional rows, as plain JSON. */
import type { Node } from '@xyflow/react';
import type { ConditionRow, TriggerConditions } from '../../../rules/model';
import type { TicketEventType } from '../../../rules/ticket-vocabulary';

export type ConditionNodeData = {
  title: string;
  events: TicketEventType[];
  conditions: TriggerConditions;
};

export type ConditionNode = Node<ConditionNodeData, 'condition'>;
export type { ConditionRow };
