/** The trigger node: title, the ticket events it listens to and whether it is enabled, as plain JSON. */
import type { Node } from '@xyflow/react';
import type { TriggerNodeData } from '../../../../../rules/graph';

export type TriggerNode = Node<TriggerNodeData, 'trigger'>;
export type { TriggerNodeData };
