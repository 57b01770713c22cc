/** A condition node on the canvas: one row, marked must-match (AND) or optional (OR), feeding the trigger. */
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useCanvasState, useNodeIssues, useRuleLookups } from '../../context';
import { useI18n } from '../../../i18n';
import { IssueBadge } from '../issue-badge';
import { SimulationMark, useSimulationMark } from '../sim-mark';
import { fieldLabel, rowValueText } from './defaults';
import type { ConditionNode as ConditionNodeType } from './types';

export function ConditionNode({ id, data, selected }: NodeProps<ConditionNodeType>) {
  const i18n = useI18n();
  const { t } = i18n;
  const lookups = useRuleLookups();
  const issues = useNodeIssues(id);
  const simulation = useSimulationMark(id);
  const { row } = data;
  const group = useCanvasState().standsIn[id] ?? data.group;
  const operator = t(`rules.operator.${row.operator}`);
  return (
    <div className={`flow-node flow-condition group-${group}${selected ? ' selected' : ''}${issues.length ? ' has-issues' : ''}${simulation.className}`}>
      <div className="flow-node-head">
        <span className="flow-kind">{t('rules.condition.kind')}</span>
        <span className={`flow-group ${group}`} title={t(`rules.group.${group}`)}>
          {t(`rules.condition.groupShort.${group}`)}
        </span>
        <IssueBadge count={issues.length} />
      </div>
      <div className="flow-row">
        <span className="flow-field">{fieldLabel(row.field, t)}</span>
        <span className="flow-op" title={operator}>
          {operator}
        </span>
        <span className="flow-value">{rowValueText(row, lookups, i18n)}</span>
      </div>
      <SimulationMark mark={simulation.mark} />
      <Handle type="source" position={Position.Right} />
    </div>
  );
}
