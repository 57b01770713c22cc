/** Data of a result node: one of the trigger model's results, as plain JSON, plus its place in the order. */
import type { Node } from '@xyflow/react';
import type { Result } from '../../../rules/model';

export type ResultNodeData = {
  order: number;
  result: Result;
};

export type ResultNode = Node<ResultNodeData, 'result'>;
export type { Result };
