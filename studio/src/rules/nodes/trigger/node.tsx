/** The trigger node: conditions flow into it from the left, its results leave on the right, in order. */
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { Icon } from '../../../components/icons';
import { useNodeIssues } from '../../context';
import { useLang } from '../../../i18n';
import { TRIGGER_EVENT_LABELS } from '../../../vocabulary';
import { IssueBadge } from '../issue-badge';
import type { TriggerNode as TriggerNodeType } from './types';

export function TriggerNode({ id, data, selected }: NodeProps<TriggerNodeType>) {
  const { t } = useLang();
  const issues = useNodeIssues(id);
  return (
    <div className={`flow-node flow-trigger${selected ? ' selected' : ''}${issues.length ? ' has-issues' : ''}${data.enabled ? '' : ' disabled'}`}>
      <Handle type="target" position={Position.Left} />
      <div className="flow-node-head">
        <span className="flow-kind">
          <Icon name="zap" size={12} /> Trigger · 트리거
        </span>
        <span className={`flow-state ${data.enabled ? 'on' : 'off'}`}>{data.enabled ? 'On · 사용' : 'Off · 중지'}</span>
        <IssueBadge count={issues.length} />
      </div>
      <div className="flow-node-body">
        <strong className="flow-title">{data.title || 'Untitled · 제목 없음'}</strong>
        <span className="flow-events">
          When a ticket is · 실행 시점{' '}
          {data.events.length ? data.events.map((event) => <span key={event} className="flow-chip">{t(TRIGGER_EVENT_LABELS[event])}</span>) : <span className="flow-chip warn">—</span>}
        </span>
      </div>
      <Handle type="source" position={Position.Right} />
    </div>
  );
}
