/** A group node: all / any / not over the rows and groups joined into it, as plain JSON. */
import type { Node } from '@xyflow/react';
import type { GroupNodeData } from '../../../../../rules/graph';
import type { GroupKind } from '../../../../../rules/model';

export type GroupNode = Node<GroupNodeData, 'group'>;
export type { GroupKind, GroupNodeData };
