/**
 * A group node: its entries flow into it from the left, and it flows on, like a row, into the group or trigger it
 * stands in. Its badge says how it counts there, as a row's does.
 */
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useCanvasState, useNodeIssues } from '../../context';
import { useI18n } from '../../../i18n';
import { IssueBadge } from '../issue-badge';
import { SimulationMark, useSimulationMark } from '../sim-mark';
import type { GroupNode as GroupNodeType } from './types';

export function GroupNode({ id, data, selected }: NodeProps<GroupNodeType>) {
  const { t } = useI18n();
  const issues = useNodeIssues(id);
  const simulation = useSimulationMark(id);
  const place = useCanvasState().standsIn[id] ?? data.group;
  return (
    <div className={`flow-node flow-condition flow-group-node kind-${data.kind} group-${place}${selected ? ' selected' : ''}${issues.length ? ' has-issues' : ''}${simulation.className}`}>
      <Handle type="target" position={Position.Left} />
      <div className="flow-node-head">
        <span className="flow-kind">{t('rules.groupNode.kind')}</span>
        <span className={`flow-group ${place}`}>{t(`rules.condition.groupShort.${place}`)}</span>
        <IssueBadge count={issues.length} />
      </div>
      <div className="flow-node-body">
        <strong className="flow-title">{t(`rules.groupNode.kinds.${data.kind}`)}</strong>
      </div>
      <SimulationMark mark={simulation.mark} />
      <Handle type="source" position={Position.Right} />
    </div>
  );
}
