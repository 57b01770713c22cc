/**
 * The canvas's editing buttons: undo and redo, and copy, paste and duplicate of the selected node, each with its
 * keys in the tooltip (the keys themselves are bound by `useEditorKeys`).
 */
import { Panel } from '@xyflow/react';
import { Icon, type IconName } from '../components/icons';
import { useI18n, type MessageKey } from '../i18n';
import { useClipboardFilled } from './clipboard';
import { MOD_KEY, type EditActions } from './useEditorKeys';
import './edit.css';

export function EditToolbar({ actions }: { actions: EditActions }) {
  const { t } = useI18n();
  const canPaste = useClipboardFilled();
  const button = (icon: IconName, label: MessageKey, keys: string[], onClick: () => void, enabled: boolean) => {
    const name = t(label);
    return (
      <button
        type="button"
        className="icon-button"
        onClick={onClick}
        disabled={!enabled}
        aria-label={name}
        aria-keyshortcuts={keys.map((combo) => combo.replace('⌘', 'Meta').replace('Ctrl', 'Control')).join(' ')}
        title={t('rules.edit.hint', { action: name, keys: keys.join(', ') })}
      >
        <Icon name={icon} size={15} />
      </button>
    );
  };
  return (
    <Panel position="top-right" className="edit-toolbar" aria-label={t('rules.edit.toolbar')}>
      {button('undo', 'rules.edit.undo', [`${MOD_KEY}+Z`], actions.undo, actions.canUndo)}
      {button('redo', 'rules.edit.redo', [`${MOD_KEY}+Shift+Z`, ...(MOD_KEY === 'Ctrl' ? ['Ctrl+Y'] : [])], actions.redo, actions.canRedo)}
      <span className="toolbar-divider" aria-hidden="true" />
      {button('copy', 'rules.edit.copy', [`${MOD_KEY}+C`], actions.copy, actions.canCopy)}
      {button('clipboard', 'rules.edit.paste', [`${MOD_KEY}+V`], actions.paste, canPaste)}
      {button('duplicate', 'rules.edit.duplicate', [`${MOD_KEY}+D`], actions.duplicate, actions.canCopy)}
    </Panel>
  );
}
