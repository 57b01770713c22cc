/** The side panel for the selected node: its problems first, then its kind's form, then moving and removing it. */
import { ConditionPanel, GroupPanel, ResultPanel, TriggerPanel } from './nodes';
import { EmptyState } from '../components/feedback';
import { Icon } from '../components/icons';
import { useI18n } from '../i18n';
import { useCanEditRules } from './context';
import { focusCanvasNode } from './canvas-focus';
import { issueSentence } from './issues';
import type { TriggerEditor } from './useTriggerEditor';

export function NodePanel({ editor }: { editor: TriggerEditor }) {
  const { t } = useI18n();
  const canEdit = useCanEditRules();
  const node = editor.selected;
  if (!node) {
    return (
      <EmptyState icon="flow" title={t('rules.panel.selectNode')}>
        <p>{t('rules.panel.selectNodeBody')}</p>
      </EmptyState>
    );
  }
  const issues = editor.issues[node.id] ?? [];
  const sentences = [...new Set(issues.map((issue) => issueSentence(t, issue)))];
  const heading =
    node.type === 'trigger'
      ? t('rules.panel.trigger')
      : node.type === 'condition'
        ? t('rules.panel.condition', { group: t(`rules.group.${editor.standsIn[node.id] ?? node.data.group}`) })
        : node.type === 'group'
          ? t('rules.panel.group', { kind: t(`rules.groupNode.kinds.${node.data.kind}`) })
          : t('rules.panel.result', { type: t(`rules.resultType.${node.data.result.type}`) });
  const nested = editor.standsIn[node.id] !== undefined;

  return (
    // A fieldset disables every control of the forms at once for those who may not change triggers.
    // Focus moving to another control ends the step being typed, so each field's typing is undone on its own.
    <fieldset
      className="stack node-panel"
      disabled={!canEdit}
      onFocus={editor.seal}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) focusCanvasNode(node.id);
      }}
    >
      <h3>{heading}</h3>
      {issues.length > 0 && (
        <div className="issue-list" role="alert">
          <strong>
            <Icon name="alert" size={14} /> {t('rules.panel.problems', { count: issues.length })}
          </strong>
          <ul>
            {sentences.map((sentence) => (
              <li key={sentence}>{sentence}</li>
            ))}
          </ul>
        </div>
      )}
      {node.type === 'trigger' && <TriggerPanel data={node.data} issues={issues} onChange={(data) => editor.updateData(node.id, data)} />}
      {node.type === 'condition' && <ConditionPanel data={node.data} nested={nested} issues={issues} onChange={(data) => editor.updateData(node.id, data)} />}
      {node.type === 'group' && (
        <GroupPanel
          data={node.data}
          nested={nested}
          onChange={(data) => editor.updateData(node.id, data)}
          onAddCondition={() => editor.addCondition(node.data.group, node.id)}
          onAddGroup={() => editor.addGroup('all', node.id)}
        />
      )}
      {node.type === 'result' && (
        <ResultPanel data={node.data} order={editor.resultOrder[node.id]} issues={issues} onChange={(data) => editor.updateData(node.id, data)} />
      )}
      {node.type !== 'trigger' && canEdit && (
        <div className="node-actions">
          <button type="button" className="button small" onClick={() => editor.move(node.id, -1)} title={t('rules.panel.upHint')}>
            <Icon name="arrowUp" size={13} /> {t('rules.panel.up')}
          </button>
          <button type="button" className="button small" onClick={() => editor.move(node.id, 1)} title={t('rules.panel.downHint')}>
            <Icon name="arrowDown" size={13} /> {t('rules.panel.down')}
          </button>
          <button type="button" className="button small danger" onClick={() => editor.remove(node.id)}>
            <Icon name="trash" size={13} /> {t('rules.panel.remove')}
          </button>
        </div>
      )}
    </fieldset>
  );
}
