/**
 * Add or edit an automation: what it does (its kind), after how long in the status (calendar time), and whether it
 * runs. A duration the API refuses is marked under its input.
 */
import { useId, useState, type FormEvent } from 'react';
import { automationsApi, type Automation } from '../../api/admin';
import { Dialog } from '../../components/dialog';
import { ErrorBanner, Spinner } from '../../components/feedback';
import { useToast } from '../../components/toasts';
import { useI18n } from '../../i18n';
import { AUTOMATION_KINDS } from '../../../../rules/time-rules';
import { concerns, FieldMessage } from '../FieldError';
import { SaveActions } from '../../settings/SaveActions';

type Kind = Automation['kind'];

export function AutomationDialog({ serviceId, automation, onClose }: { serviceId: string; automation: Automation | null; onClose: (saved: Automation | null) => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const id = useId();
  const [kind, setKind] = useState<Kind>(automation?.kind ?? 'complete_resolved');
  const [after, setAfter] = useState(automation?.after ?? '');
  const [enabled, setEnabled] = useState(automation?.enabled ?? true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const kindError = concerns(error, 'kind') ? error : null;
  const afterError = concerns(error, 'after') ? error : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const body = { kind, after: after.trim(), enabled };
    try {
      const saved = automation ? await automationsApi.replace(automation.id, body) : await automationsApi.create(serviceId, body);
      const name = t(`admin.automations.rule.${saved.kind}`, { after: saved.after });
      toast(t(automation ? 'admin.automations.dialog.saved' : 'admin.automations.dialog.created', { name }));
      onClose(saved);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <Dialog open title={t(automation ? 'admin.automations.dialog.edit' : 'admin.automations.dialog.new')} subtitle={t('admin.automations.dialog.subtitle')} onClose={() => onClose(null)} width={520}>
      <form className="stack" onSubmit={submit}>
        <fieldset className="fieldset" aria-describedby={`${id}-kind-message`}>
          <legend className="field-label">{t('admin.automations.dialog.kind')}</legend>
          {AUTOMATION_KINDS.map((candidate) => (
            <label key={candidate} className="choice">
              <input type="radio" name={`${id}-kind`} checked={kind === candidate} onChange={() => setKind(candidate)} />
              <span className="member-picker-name">
                {t(`admin.automations.kind.${candidate}`)}
                <span className="muted">{t(`admin.automations.dialog.kindHint.${candidate}`)}</span>
              </span>
            </label>
          ))}
          <FieldMessage id={`${id}-kind-message`} error={kindError} />
        </fieldset>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-after`}>
            {t(`admin.automations.dialog.after.${kind}`)}
          </label>
          <input
            id={`${id}-after`}
            value={after}
            onChange={(event) => {
              setAfter(event.target.value);
              if (afterError) setError(null);
            }}
            placeholder="3d"
            spellCheck={false}
            required
            autoFocus
            aria-invalid={afterError !== null}
            aria-describedby={`${id}-after-message`}
          />
          <FieldMessage id={`${id}-after-message`} error={afterError} hint={t('admin.automations.dialog.afterHint')} refused={afterError ? t('admin.automations.dialog.afterRefused') : undefined} />
        </div>
        <label className="choice">
          <input type="checkbox" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} />
          <span>{t('admin.automations.dialog.enabled')}</span>
        </label>
        {!kindError && !afterError && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
        <SaveActions busy={busy} label={t(automation ? 'admin.automations.dialog.save' : 'admin.automations.dialog.create')} onCancel={() => onClose(null)} />
      </form>
    </Dialog>
  );
}
