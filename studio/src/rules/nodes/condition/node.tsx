/** A condition node on the canvas: one row, marked must-match (AND) or optional (OR), feeding the trigger. */
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useNodeIssues, useRuleLookups } from '../../context';
import { useLang } from '../../../i18n';
import { CONDITION_GROUP_LABELS, OPERATOR_LABELS } from '../../../vocabulary';
import { IssueBadge } from '../issue-badge';
import { fieldLabel, rowValueText } from './defaults';
import type { ConditionNode as ConditionNodeType } from './types';

export function ConditionNode({ id, data, selected }: NodeProps<ConditionNodeType>) {
  const { t } = useLang();
  const lookups = useRuleLookups();
  const issues = useNodeIssues(id);
  const { row, group } = data;
  const operator = OPERATOR_LABELS[row.operator];
  return (
    <div className={`flow-node flow-condition group-${group}${selected ? ' selected' : ''}${issues.length ? ' has-issues' : ''}`}>
      <div className="flow-node-head">
        <span className="flow-kind">If · 조건</span>
        <span className={`flow-group ${group}`} title={`${CONDITION_GROUP_LABELS[group].en} · ${CONDITION_GROUP_LABELS[group].ko}`}>
          {group === 'all' ? 'AND 필수' : 'OR 선택'}
        </span>
        <IssueBadge count={issues.length} />
      </div>
      <div className="flow-row">
        <span className="flow-field">{t(fieldLabel(row.field))}</span>
        <span className="flow-op" title={t(operator)}>
          {t(operator)}
        </span>
        <span className="flow-value">{rowValueText(row, lookups, t)}</span>
      </div>
      <Handle type="source" position={Position.Right} />
    </div>
  );
}
