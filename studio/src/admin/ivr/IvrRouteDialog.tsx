/**
 * Add or edit an IVR route: the code the phone system sends, the name agents see, the intake type its requests get,
 * and the reminder thresholds (business time). A value the API refuses, a code another route holds included, is
 * marked under its input.
 */
import { useId, useState, type FormEvent } from 'react';
import { ivrRoutesApi, type IvrRoute } from '../../api/admin';
import type { CategoryOption } from '../../categories';
import { Dialog } from '../../components/dialog';
import { ErrorBanner, Spinner } from '../../components/feedback';
import { useToast } from '../../components/toasts';
import { useI18n } from '../../i18n';
import { concerns, FieldMessage } from '../FieldError';
import { SaveActions } from '../../settings/SaveActions';

const THRESHOLDS = ['unassignedAfter', 'dueAfter', 'escalateAfter'] as const;
type Threshold = (typeof THRESHOLDS)[number];
/** The API's defaults, shown filled in on a new route. */
const DEFAULT_THRESHOLDS: Record<Threshold, string> = { unassignedAfter: '30m', dueAfter: '4h', escalateAfter: '4h' };
const CODE_TAKEN = 'ivr_route.code_taken';

export function IvrRouteDialog({
  serviceId,
  route,
  intakeTypes,
  onClose,
}: {
  serviceId: string;
  route: IvrRoute | null;
  intakeTypes: CategoryOption[];
  onClose: (saved: IvrRoute | null) => void;
}) {
  const { t } = useI18n();
  const toast = useToast();
  const id = useId();
  const [code, setCode] = useState(route?.code ?? '');
  const [name, setName] = useState(route?.name ?? '');
  const [intakeTypeId, setIntakeTypeId] = useState(route?.intakeTypeId ?? '');
  const [thresholds, setThresholds] = useState<Record<Threshold, string>>(
    route ? { unassignedAfter: route.unassignedAfter, dueAfter: route.dueAfter, escalateAfter: route.escalateAfter } : DEFAULT_THRESHOLDS,
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const codeError = concerns(error, 'code', [CODE_TAKEN]) ? error : null;
  const nameError = concerns(error, 'name') ? error : null;
  const intakeError = concerns(error, 'intakeTypeId') ? error : null;
  const thresholdError = (threshold: Threshold) => (concerns(error, threshold) ? error : null);
  const inPlace = codeError ?? nameError ?? intakeError ?? THRESHOLDS.some((threshold) => thresholdError(threshold));
  // A malformed code gets words that say how to write one; a code already in use keeps its own sentence.
  const codeRefusal = codeError && codeError.code !== CODE_TAKEN ? t('admin.ivr.dialog.codeRefused') : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const changes = {
      code: code.trim(),
      name: name.trim(),
      intakeTypeId: intakeTypeId || null,
      unassignedAfter: thresholds.unassignedAfter.trim(),
      dueAfter: thresholds.dueAfter.trim(),
      escalateAfter: thresholds.escalateAfter.trim(),
    };
    try {
      const saved = route ? await ivrRoutesApi.replace(route.id, changes) : await ivrRoutesApi.create({ serviceId, ...changes });
      toast(t(route ? 'admin.ivr.dialog.saved' : 'admin.ivr.dialog.created', { name: `${saved.code} ${saved.name}` }));
      onClose(saved);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <Dialog open title={t(route ? 'admin.ivr.dialog.edit' : 'admin.ivr.dialog.new')} subtitle={t('admin.ivr.dialog.subtitle')} onClose={() => onClose(null)} width={600}>
      <form className="stack" onSubmit={submit}>
        <div className="grid-2 ivr-route-names">
          <div className="field">
            <label className="field-label" htmlFor={`${id}-code`}>
              {t('admin.ivr.dialog.code')}
            </label>
            <input
              id={`${id}-code`}
              className="mono"
              value={code}
              onChange={(event) => {
                setCode(event.target.value);
                if (codeError) setError(null);
              }}
              placeholder="1001"
              spellCheck={false}
              required
              maxLength={64}
              autoFocus
              aria-invalid={codeError !== null}
              aria-describedby={`${id}-code-message`}
            />
            <FieldMessage id={`${id}-code-message`} error={codeError} hint={t('admin.ivr.dialog.codeHint')} refused={codeRefusal} />
          </div>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-name`}>
              {t('admin.ivr.dialog.name')}
            </label>
            <input
              id={`${id}-name`}
              value={name}
              onChange={(event) => {
                setName(event.target.value);
                if (nameError) setError(null);
              }}
              required
              maxLength={200}
              aria-invalid={nameError !== null}
              aria-describedby={`${id}-name-message`}
            />
            <FieldMessage id={`${id}-name-message`} error={nameError} hint={t('admin.ivr.dialog.nameHint')} />
          </div>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-intake`}>
            {t('admin.ivr.dialog.intakeType')}
          </label>
          <select
            id={`${id}-intake`}
            value={intakeTypeId}
            onChange={(event) => {
              setIntakeTypeId(event.target.value);
              if (intakeError) setError(null);
            }}
            aria-invalid={intakeError !== null}
            aria-describedby={`${id}-intake-message`}
          >
            <option value="">{t('admin.ivr.noIntakeType')}</option>
            {intakeTypes.map((type) => (
              <option key={type.id} value={type.id}>
                {type.path}
              </option>
            ))}
          </select>
          <FieldMessage id={`${id}-intake-message`} error={intakeError} hint={t('admin.ivr.dialog.intakeTypeHint')} />
        </div>
        <div className="grid-3 ivr-route-thresholds">
          {THRESHOLDS.map((threshold) => {
            const refusal = thresholdError(threshold);
            return (
              <div key={threshold} className="field">
                <label className="field-label" htmlFor={`${id}-${threshold}`}>
                  {t(`admin.ivr.dialog.${threshold}`)}
                </label>
                <input
                  id={`${id}-${threshold}`}
                  value={thresholds[threshold]}
                  onChange={(event) => {
                    setThresholds((current) => ({ ...current, [threshold]: event.target.value }));
                    if (refusal) setError(null);
                  }}
                  placeholder={DEFAULT_THRESHOLDS[threshold]}
                  spellCheck={false}
                  required
                  aria-invalid={refusal !== null}
                  aria-describedby={`${id}-${threshold}-message`}
                />
                <FieldMessage
                  id={`${id}-${threshold}-message`}
                  error={refusal}
                  hint={t(`admin.ivr.dialog.${threshold}Hint`)}
                  refused={refusal ? t('admin.ivr.dialog.durationRefused') : undefined}
                />
              </div>
            );
          })}
        </div>
        {!inPlace && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
        <SaveActions busy={busy} label={t(route ? 'admin.ivr.dialog.save' : 'admin.ivr.dialog.create')} onCancel={() => onClose(null)} />
      </form>
    </Dialog>
  );
}
