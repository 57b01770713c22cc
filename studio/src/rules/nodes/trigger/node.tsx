/** The trigger node: conditions flow into it from the left, its results leave on the right, in order. */
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { Icon } from '../../../components/icons';
import { useNodeIssues } from '../../context';
import { useI18n } from '../../../i18n';
import { IssueBadge } from '../issue-badge';
import { SimulationMark, useSimulationMark } from '../sim-mark';
import type { TriggerNode as TriggerNodeType } from './types';

export function TriggerNode({ id, data, selected }: NodeProps<TriggerNodeType>) {
  const { t } = useI18n();
  const issues = useNodeIssues(id);
  const simulation = useSimulationMark(id);
  return (
    <div className={`flow-node flow-trigger${selected ? ' selected' : ''}${issues.length ? ' has-issues' : ''}${data.enabled ? '' : ' disabled'}${simulation.className}`}>
      <Handle type="target" position={Position.Left} />
      <div className="flow-node-head">
        <span className="flow-kind">
          <Icon name="zap" size={12} /> {t('rules.trigger.kind')}
        </span>
        <span className={`flow-state ${data.enabled ? 'on' : 'off'}`}>{data.enabled ? t('rules.trigger.on') : t('rules.trigger.off')}</span>
        <IssueBadge count={issues.length} />
      </div>
      <div className="flow-node-body">
        <strong className="flow-title">{data.title || t('rules.editor.untitled')}</strong>
        <span className="flow-events">
          {t('rules.trigger.when')}{' '}
          {data.events.length ? data.events.map((event) => <span key={event} className="flow-chip">{t(`rules.event.${event}`)}</span>) : <span className="flow-chip warn">—</span>}
        </span>
      </div>
      <SimulationMark mark={simulation.mark} />
      <Handle type="source" position={Position.Right} />
    </div>
  );
}
