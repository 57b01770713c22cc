/** A result node: one result of the trigger, as plain JSON; its place in the order is its vertical position. */
import type { Node } from '@xyflow/react';
import type { ResultNodeData } from '../../../../../rules/graph';
import type { Result, ResultType } from '../../../../../rules/model';

export type ResultNode = Node<ResultNodeData, 'result'>;
export type { ResultNodeData, Result, ResultType };
/** One result type's shape. */
export type ResultOf<T extends ResultType> = Extract<Result, { type: T }>;
