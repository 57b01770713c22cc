/** The side panel for the selected node: its problems first, then its kind's form, then moving and removing it. */
import { ConditionPanel, ResultPanel, TriggerPanel } from './nodes';
import { EmptyState } from '../components/feedback';
import { Icon } from '../components/icons';
import { useLang } from '../i18n';
import { CONDITION_GROUP_LABELS, RESULT_LABELS } from '../vocabulary';
import { issueWhere } from './issues';
import type { TriggerEditor } from './useTriggerEditor';

export function NodePanel({ editor }: { editor: TriggerEditor }) {
  const { t } = useLang();
  const node = editor.selected;
  if (!node) {
    return (
      <EmptyState icon="flow" title="Select a node · 노드를 선택하세요">
        <p>Click the trigger, a condition or a result on the canvas to edit it.</p>
      </EmptyState>
    );
  }
  const issues = editor.issues[node.id] ?? [];
  const heading =
    node.type === 'trigger'
      ? 'Trigger · 트리거'
      : node.type === 'condition'
        ? `Condition · 조건 — ${t(CONDITION_GROUP_LABELS[node.data.group])}`
        : `Result · 결과 — ${t(RESULT_LABELS[node.data.result.type])}`;

  return (
    <div className="stack node-panel">
      <h3>{heading}</h3>
      {issues.length > 0 && (
        <div className="issue-list" role="alert">
          <strong>
            <Icon name="alert" size={14} /> {issues.length === 1 ? 'One problem · 문제 1건' : `${issues.length} problems · 문제 ${issues.length}건`}
          </strong>
          <ul>
            {issues.map((issue, index) => (
              <li key={index}>
                {issue.field.length > 0 && <code>{issueWhere(issue)}</code>} {issue.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {node.type === 'trigger' && <TriggerPanel data={node.data} issues={issues} onChange={(data) => editor.updateData(node.id, data)} />}
      {node.type === 'condition' && <ConditionPanel data={node.data} issues={issues} onChange={(data) => editor.updateData(node.id, data)} />}
      {node.type === 'result' && (
        <ResultPanel data={node.data} order={editor.resultOrder[node.id]} issues={issues} onChange={(data) => editor.updateData(node.id, data)} />
      )}
      {node.type !== 'trigger' && (
        <div className="node-actions">
          <button type="button" className="button small" onClick={() => editor.move(node.id, -1)} title="Run earlier · 위로">
            <Icon name="arrowUp" size={13} /> Up
          </button>
          <button type="button" className="button small" onClick={() => editor.move(node.id, 1)} title="Run later · 아래로">
            <Icon name="arrowDown" size={13} /> Down
          </button>
          <button type="button" className="button small danger" onClick={() => editor.remove(node.id)}>
            <Icon name="trash" size={13} /> Remove · 삭제
          </button>
        </div>
      )}
    </div>
  );
}
