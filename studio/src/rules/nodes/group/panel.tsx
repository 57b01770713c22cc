/**
 * Editing a group node: its kind (all / any / not), its list when it is joined to the trigger, and adding a row or
 * a group inside it. Every change replaces the node's plain-JSON data; adding goes through the editor.
 */
import { useId } from 'react';
import { Icon } from '../../../components/icons';
import { useI18n } from '../../../i18n';
import { ListField } from '../list-field';
import { GROUP_KINDS } from './defaults';
import type { GroupNodeData } from './types';

export function GroupPanel({
  data,
  nested,
  onChange,
  onAddCondition,
  onAddGroup,
}: {
  data: GroupNodeData;
  /** Whether the group stands inside another group (its list is then the outer group's kind). */
  nested: boolean;
  onChange: (data: GroupNodeData) => void;
  onAddCondition: () => void;
  onAddGroup: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="stack">
      <div className="field">
        <span className="field-label" id={id}>
          {t('rules.groupNode.kindLabel')}
        </span>
        <div className="segmented" role="radiogroup" aria-labelledby={id}>
          {GROUP_KINDS.map((kind) => (
            <button key={kind} type="button" role="radio" aria-checked={data.kind === kind} aria-pressed={data.kind === kind} onClick={() => onChange({ ...data, kind })}>
              {t(`rules.groupNode.kinds.${kind}`)}
            </button>
          ))}
        </div>
        <span className="field-hint">{t(`rules.groupNode.hints.${data.kind}`)}</span>
      </div>
      {!nested && <ListField value={data.group} onChange={(group) => onChange({ ...data, group })} />}
      <div className="node-actions">
        <button type="button" className="button small" onClick={onAddCondition}>
          <Icon name="plus" size={13} /> {t('rules.groupNode.addCondition')}
        </button>
        <button type="button" className="button small" onClick={onAddGroup}>
          <Icon name="plus" size={13} /> {t('rules.groupNode.addGroup')}
        </button>
      </div>
    </div>
  );
}
