/**
 * Publishing the saved drafts as the service's next rule-set version, with an optional note for the history; before
 * that, a preview of what the drafts would have done to past tickets.
 */
import { useState } from 'react';
import { ruleVersionsApi } from '../api/rules';
import type { RuleSetVersion, Trigger } from '../api/types';
import { Dialog } from '../components/dialog';
import { ErrorBanner, Spinner } from '../components/feedback';
import { Icon } from '../components/icons';
import { useI18n } from '../i18n';
import { ImpactPreview } from './ImpactPreview';

export function PublishDialog({
  open,
  serviceId,
  drafts,
  enabledCount,
  nextNumber,
  unsavedEdits,
  onClose,
  onPublished,
}: {
  open: boolean;
  serviceId: string;
  drafts: readonly Trigger[];
  enabledCount: number;
  nextNumber: number;
  unsavedEdits: boolean;
  onClose: () => void;
  onPublished: (version: RuleSetVersion) => void;
}) {
  const { t } = useI18n();
  return (
    <Dialog open={open} title={t('rules.publish.title', { number: nextNumber })} subtitle={t('rules.publish.subtitle')} onClose={onClose} width={720}>
      {open && (
        <PublishForm
          serviceId={serviceId}
          drafts={drafts}
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
  drafts,
  enabledCount,
  unsavedEdits,
  onClose,
  onPublished,
}: {
  serviceId: string;
  drafts: readonly Trigger[];
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
        {drafts.length === 0 ? t('rules.publish.none') : t('rules.publish.count', { count: drafts.length, enabled: enabledCount })}
      </p>
      {unsavedEdits && (
        <p className="field-hint warn">
          <Icon name="alert" size={12} /> {t('rules.publish.unsaved')}
        </p>
      )}
      <ImpactPreview serviceId={serviceId} drafts={drafts} />
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
