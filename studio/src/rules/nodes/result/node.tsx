/** A result node on the canvas: what runs when the trigger fires, numbered in the order results run. */
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { Icon } from '../../../components/icons';
import { useCanvasState, useNodeIssues, useRuleLookups } from '../../context';
import { useI18n } from '../../../i18n';
import { IssueBadge } from '../issue-badge';
import { SimulationMark, useSimulationMark } from '../sim-mark';
import { RESULT_KIND, summarize } from './defaults';
import type { ResultNode as ResultNodeType } from './types';

export function ResultNode({ id, data, selected }: NodeProps<ResultNodeType>) {
  const { t } = useI18n();
  const lookups = useRuleLookups();
  const { resultOrder } = useCanvasState();
  const issues = useNodeIssues(id);
  const simulation = useSimulationMark(id);
  const sideEffect = RESULT_KIND[data.result.type] === 'sideEffect';
  return (
    <div className={`flow-node flow-result${sideEffect ? ' side-effect' : ''}${selected ? ' selected' : ''}${issues.length ? ' has-issues' : ''}${simulation.className}`}>
      <Handle type="target" position={Position.Left} />
      <div className="flow-node-head">
        <span className="flow-kind">
          {t('rules.result.kind')} <span className="flow-order">{resultOrder[id] ?? '–'}</span>
        </span>
        {sideEffect && (
          <span className="flow-tag" title={t('rules.result.sideEffectHint')}>
            <Icon name="send" size={11} /> {t('rules.result.sideEffectTag')}
          </span>
        )}
        <IssueBadge count={issues.length} />
      </div>
      <div className="flow-node-body">
        <strong>{t(`rules.resultType.${data.result.type}`)}</strong>
        <p className="flow-summary">{summarize(data.result, lookups, t)}</p>
      </div>
      <SimulationMark mark={simulation.mark} />
    </div>
  );
}
