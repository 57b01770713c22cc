/** A result node on the canvas: what runs when the trigger fires, numbered in the order results run. */
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { Icon } from '../../../components/icons';
import { useCanvasState, useNodeIssues, useRuleLookups } from '../../context';
import { useLang } from '../../../i18n';
import { RESULT_LABELS } from '../../../vocabulary';
import { IssueBadge } from '../issue-badge';
import { RESULT_KIND, summarize } from './defaults';
import type { ResultNode as ResultNodeType } from './types';

export function ResultNode({ id, data, selected }: NodeProps<ResultNodeType>) {
  const { t, other } = useLang();
  const lookups = useRuleLookups();
  const { resultOrder } = useCanvasState();
  const issues = useNodeIssues(id);
  const label = RESULT_LABELS[data.result.type];
  const sideEffect = RESULT_KIND[data.result.type] === 'sideEffect';
  return (
    <div className={`flow-node flow-result${sideEffect ? ' side-effect' : ''}${selected ? ' selected' : ''}${issues.length ? ' has-issues' : ''}`}>
      <Handle type="target" position={Position.Left} />
      <div className="flow-node-head">
        <span className="flow-kind">
          Then · 결과 <span className="flow-order">{resultOrder[id] ?? '–'}</span>
        </span>
        {sideEffect && (
          <span className="flow-tag" title="Runs after the ticket changes, once per firing · 티켓 변경 후 한 번 실행">
            <Icon name="send" size={11} /> side effect
          </span>
        )}
        <IssueBadge count={issues.length} />
      </div>
      <div className="flow-node-body">
        <strong>
          {t(label)} <span className="muted">{other(label)}</span>
        </strong>
        <p className="flow-summary">{summarize(data.result, lookups, t)}</p>
      </div>
    </div>
  );
}
