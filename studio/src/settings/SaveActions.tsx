/** The Cancel and submit buttons at the foot of a settings dialog's form; the submit shows a spinner while saving. */
import { Spinner } from '../components/feedback';
import { useI18n } from '../i18n';

export function SaveActions({ busy, label, onCancel }: { busy: boolean; label: string; onCancel: () => void }) {
  const { t } = useI18n();
  return (
    <div className="dialog-actions">
      <button type="button" className="button" onClick={onCancel}>
        {t('settings.cancel')}
      </button>
      <button type="submit" className="button primary" disabled={busy}>
        {busy && <Spinner size={14} />}
        {busy ? t('settings.saving') : label}
      </button>
    </div>
  );
}
