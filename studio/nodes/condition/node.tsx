/** The condition node on the canvas: when the trigger listens, and its AND / OR rows. */
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { fieldLabel, OPERATOR_SYMBOLS, valueText } from './defaults';
import type { ConditionNode as ConditionNodeType, ConditionRow } from './types';

function Rows({ rows, kind }: { rows: ConditionRow[]; kind: 'all' | 'any' }) {
  if (rows.length === 0) return null;
  return (
    <div className="flow-rows">
      <span className={`flow-rows-kind ${kind}`}>{kind === 'all' ? 'Must match · 필수 (AND)' : 'Any of · 선택 (OR)'}</span>
      {rows.map((row, index) => (
        <div key={index} className="flow-row">
          <span className="flow-field">{fieldLabel(row.field).split(' · ')[0]}</span>
          <span className="flow-op">{OPERATOR_SYMBOLS[row.operator]}</span>
          <span className="flow-value">{valueText(row.value)}</span>
        </div>
      ))}
    </div>
  );
}

export function ConditionNode({ data, selected }: NodeProps<ConditionNodeType>) {
  return (
    <div className={`flow-node flow-condition${selected ? ' selected' : ''}`}>
      <div className="flow-node-head">
        <span className="flow-kind">When · 조건</span>
        <strong>{data.title}</strong>
        <span className="flow-events">on {data.events.join(', ')}</span>
      </div>
      <Rows rows={data.conditions.all} kind="all" />
      <Rows rows={data.conditions.any} kind="any" />
      {data.conditions.all.length + data.conditions.any.length === 0 && <p className="flow-empty">Every ticket matches.</p>}
      <Handle type="source" position={Position.Right} />
    </div>
  );
}
