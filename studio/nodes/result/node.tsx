/** A result node on the canvas: what runs, in which order, when the conditions hold. */
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { RESULT_LABELS, summarize } from './defaults';
import type { ResultNode as ResultNodeType } from './types';

export function ResultNode({ data, selected }: NodeProps<ResultNodeType>) {
  const [english, korean] = RESULT_LABELS[data.result.type].split(' · ');
  return (
    <div className={`flow-node flow-result${selected ? ' selected' : ''}`}>
      <Handle type="target" position={Position.Left} />
      <div className="flow-node-head">
        <span className="flow-kind">
          Then · 결과 <span className="flow-order">{data.order}</span>
        </span>
        <strong>
          {english} <span className="muted">{korean}</span>
        </strong>
      </div>
      <p className="flow-summary">{summarize(data.result)}</p>
      <Handle type="source" position={Position.Right} />
    </div>
  );
}
