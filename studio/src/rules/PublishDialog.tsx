/** Publishing the saved drafts as the service's next rule-set version, with an optional note for the history. */
import { useState } from 'react';
import { ruleVersionsApi } from '../api/rules';
import type { RuleSetVersion } from '../api/types';
import { Dialog } from '../components/dialog';
import { ErrorBanner, Spinner } from '../components/feedback';
import { Icon } from '../components/icons';
import { useI18n } from '../i18n';

export function PublishDialog({
  open,
  serviceId,
  triggerCount,
  enabledCount,
  nextNumber,
  unsavedEdits,
  onClose,
  onPublished,
}: {
  open: boolean;
  serviceId: string;
  triggerCount: number;
  enabledCount: number;
  nextNumber: number;
  unsavedEdits: boolean;
  onClose: () => void;
  onPublished: (version: RuleSetVersion) => void;
}) {
  const { t } = useI18n();
  return (
    <Dialog open={open} title={t('rules.publish.title', { number: nextNumber })} subtitle={t('rules.publish.subtitle')} onClose={onClose} width={500}>
      {open && (
        <PublishForm
          serviceId={serviceId}
          triggerCount={triggerCount}
          enabledCount={enabledCount}
          unsavedEdits={unsavedEdits}
          onClose={onClose}
          onPublished={onPublished}
        />
      )}
    </Dialog>
  );
}

function PublishForm({
  serviceId,
  triggerCount,
  enabledCount,
  unsavedEdits,
  onClose,
  onPublished,
}: {
  serviceId: string;
  triggerCount: number;
  enabledCount: number;
  unsavedEdits: boolean;
  onClose: () => void;
  onPublished: (version: RuleSetVersion) => void;
}) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function publish() {
    setBusy(true);
    setError(null);
    try {
      onPublished(await ruleVersionsApi.publish(serviceId, note.trim() || undefined));
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        void publish();
      }}
    >
      <p>
        {triggerCount === 0 ? t('rules.publish.none') : t('rules.publish.count', { count: triggerCount, enabled: enabledCount })}
      </p>
      {unsavedEdits && (
        <p className="field-hint warn">
          <Icon name="alert" size={12} /> {t('rules.publish.unsaved')}
        </p>
      )}
      <label className="field">
        <span className="field-label">{t('rules.publish.note')}</span>
        <textarea rows={3} maxLength={500} value={note} onChange={(event) => setNote(event.target.value)} placeholder={t('rules.publish.notePlaceholder')} autoFocus />
        <span className="field-hint">{t('rules.publish.noteHint')}</span>
      </label>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} disabled={busy}>
          {t('common.action.cancel')}
        </button>
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? <Spinner size={14} /> : <Icon name="upload" size={13} />}
          {busy ? t('rules.publish.publishing') : t('rules.publish.publish')}
        </button>
      </div>
    </form>
  );
}
