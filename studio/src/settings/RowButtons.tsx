/** The edit and delete buttons of a settings list's row, named after the row for screen readers and tooltips. */
import { Icon } from '../components/icons';
import { useI18n } from '../i18n';

export function EditButton({ name, onEdit }: { name: string; onEdit: () => void }) {
  const { t } = useI18n();
  const label = t('settings.edit', { name });
  return (
    <button type="button" className="icon-button" aria-label={label} title={label} onClick={onEdit}>
      <Icon name="pencil" size={15} />
    </button>
  );
}

export function DeleteButton({ name, onDelete }: { name: string; onDelete: () => void }) {
  const { t } = useI18n();
  const label = t('settings.delete', { name });
  return (
    <button type="button" className="icon-button danger" aria-label={label} title={label} onClick={onDelete}>
      <Icon name="trash" size={15} />
    </button>
  );
}
