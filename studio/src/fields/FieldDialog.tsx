/**
 * Create or edit a field: code and control type are fixed once created (the API takes no change to them), labels
 * in English and Korean, required, who fills it in (agent fields) or which intake type asks for it (customer
 * fields), encryption, and a dropdown's options. A code already used shows the API's refusal under the code.
 */
import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { fieldSettingsApi, type Field } from '../api/settings';
import type { CategoryOption } from '../categories';
import { Dialog } from '../components/dialog';
import { ErrorBanner, Spinner } from '../components/feedback';
import { Icon } from '../components/icons';
import { useToast } from '../components/toasts';
import { errorMessage } from '../i18n/errors';
import { useI18n } from '../i18n';
import { FIELD_CONTROLS } from '../../../domain/fields';
import { SaveActions } from '../settings/SaveActions';

type Control = Field['control'];
interface OptionDraft {
  code: string;
  en: string;
  ko: string;
}

/** Labels as the API takes them: the languages filled in. */
const labelsOf = (draft: { en: string; ko: string }) =>
  Object.fromEntries(Object.entries({ en: draft.en.trim(), ko: draft.ko.trim() }).filter(([, label]) => label !== ''));

/** Encryption suits values that are text; a checkbox or an option code is not personal data. */
const encryptable = (control: Control) => control !== 'checkbox' && control !== 'dropdown';

export function FieldDialog({
  serviceId,
  scope,
  field,
  nextPosition,
  intakeTypes,
  onClose,
}: {
  serviceId: string;
  scope: Field['scope'];
  field: Field | null;
  nextPosition: number;
  intakeTypes: CategoryOption[];
  onClose: (saved: Field | null) => void;
}) {
  const { t } = useI18n();
  const toast = useToast();
  const id = useId();
  const [code, setCode] = useState(field?.code ?? '');
  const [control, setControl] = useState<Control>(field?.control ?? 'text');
  const [labels, setLabels] = useState({ en: field?.labels.en ?? '', ko: field?.labels.ko ?? '' });
  const [required, setRequired] = useState(field?.required ?? false);
  const [intakeTypeId, setIntakeTypeId] = useState(field?.intakeTypeId ?? '');
  const [editableBy, setEditableBy] = useState<Field['editableBy']>(field?.editableBy ?? 'all');
  const [encrypted, setEncrypted] = useState(field?.encrypted ?? false);
  const [options, setOptions] = useState<OptionDraft[]>(
    field?.options.map((option) => ({ code: option.code, en: option.labels.en ?? '', ko: option.labels.ko ?? '' })) ?? [],
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const codeError = error instanceof ApiError && error.code === 'field.code_taken' ? error : null;
  const setOption = (index: number, change: Partial<OptionDraft>) =>
    setOptions((current) => current.map((option, at) => (at === index ? { ...option, ...change } : option)));
  const chooseControl = (next: Control) => {
    setControl(next);
    if (next === 'dropdown' && options.length === 0) setOptions([{ code: '', en: '', ko: '' }]);
    if (!encryptable(next)) setEncrypted(false);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const shared = {
      labels: labelsOf(labels),
      options: control === 'dropdown' ? options.map((option) => ({ code: option.code.trim(), labels: labelsOf(option) })) : [],
      required,
      ...(scope === 'customer' ? { intakeTypeId: intakeTypeId || null } : { editableBy }),
    };
    try {
      const saved = field
        ? await fieldSettingsApi.update(field.id, shared)
        : await fieldSettingsApi.create(serviceId, { ...shared, scope, code: code.trim(), control, encrypted, position: nextPosition });
      toast(t(field ? 'settings.fields.dialog.saved' : 'settings.fields.dialog.created', { code: saved.code }));
      onClose(saved);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  const title = field
    ? t('settings.fields.dialog.edit', { code: field.code })
    : t(scope === 'customer' ? 'settings.fields.dialog.newCustomer' : 'settings.fields.dialog.newAgent');
  return (
    <Dialog open title={title} subtitle={t('settings.fields.dialog.subtitle')} onClose={() => onClose(null)} width={640}>
      <form className="stack field-form" onSubmit={submit}>
        <div className="grid-2">
          <div className="field">
            <label className="field-label" htmlFor={`${id}-code-input`}>
              {t('settings.fields.dialog.code')}
            </label>
            <input
              id={`${id}-code-input`}
              value={code}
              onChange={(event) => setCode(event.target.value)}
              disabled={field !== null}
              required
              maxLength={64}
              pattern="[A-Za-z][A-Za-z0-9_]*"
              spellCheck={false}
              autoComplete="off"
              autoFocus={field === null}
              aria-invalid={codeError !== null}
              aria-describedby={`${id}-code`}
            />
            {codeError ? (
              <span id={`${id}-code`} className="field-error" role="alert">
                {errorMessage(t, codeError)}
              </span>
            ) : (
              <span id={`${id}-code`} className="field-hint">
                {field ? t('settings.fields.dialog.codeFixed') : t('settings.fields.dialog.codeHint')}
              </span>
            )}
          </div>
          <label className="field">
            <span className="field-label">{t('settings.fields.dialog.control')}</span>
            <select value={control} onChange={(event) => chooseControl(event.target.value as Control)} disabled={field !== null}>
              {FIELD_CONTROLS.map((candidate) => (
                <option key={candidate} value={candidate}>
                  {t(`settings.fields.control.${candidate}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="grid-2">
          <label className="field">
            <span className="field-label">{t('settings.fields.dialog.labelKo')}</span>
            <input value={labels.ko} onChange={(event) => setLabels({ ...labels, ko: event.target.value })} maxLength={200} lang="ko" autoFocus={field !== null} />
          </label>
          <label className="field">
            <span className="field-label">{t('settings.fields.dialog.labelEn')}</span>
            <input value={labels.en} onChange={(event) => setLabels({ ...labels, en: event.target.value })} maxLength={200} lang="en" />
          </label>
        </div>
        {scope === 'customer' ? (
          <div className="field">
            <label className="field-label" htmlFor={`${id}-intake`}>
              {t('settings.fields.dialog.intakeType')}
            </label>
            <select id={`${id}-intake`} value={intakeTypeId} onChange={(event) => setIntakeTypeId(event.target.value)} aria-describedby={`${id}-intake-hint`}>
              <option value="">{t('settings.fields.allIntakeTypes')}</option>
              {intakeTypes.map((type) => (
                <option key={type.id} value={type.id}>
                  {type.path}
                </option>
              ))}
            </select>
            <span id={`${id}-intake-hint`} className="field-hint">
              {t('settings.fields.dialog.intakeTypeHint')}
            </span>
          </div>
        ) : (
          <label className="field">
            <span className="field-label">{t('settings.fields.dialog.editableBy')}</span>
            <select value={editableBy} onChange={(event) => setEditableBy(event.target.value as Field['editableBy'])}>
              <option value="all">{t('settings.fields.allAgents')}</option>
              <option value="admin">{t('settings.fields.adminsOnly')}</option>
            </select>
          </label>
        )}
        <div className="field-checks">
          <label className="choice">
            <input type="checkbox" checked={required} onChange={(event) => setRequired(event.target.checked)} />
            <span>{t('settings.fields.dialog.required')}</span>
          </label>
          <label className="choice">
            <input
              type="checkbox"
              checked={encrypted}
              disabled={field !== null || !encryptable(control)}
              onChange={(event) => setEncrypted(event.target.checked)}
              aria-describedby={`${id}-encrypted`}
            />
            <span>{t('settings.fields.dialog.encrypted')}</span>
          </label>
          <span id={`${id}-encrypted`} className="field-hint">
            {t('settings.fields.dialog.encryptedHint')}
          </span>
        </div>
        {control === 'dropdown' && (
          <fieldset className="fieldset option-list">
            <legend className="field-label">{t('settings.fields.dialog.options')}</legend>
            <div className="option-row option-head" aria-hidden="true">
              <span className="field-sub">{t('settings.fields.dialog.optionCode')}</span>
              <span className="field-sub">{t('settings.fields.dialog.optionKo')}</span>
              <span className="field-sub">{t('settings.fields.dialog.optionEn')}</span>
              <span />
            </div>
            {options.map((option, index) => (
              <div key={index} className="option-row">
                <input
                  aria-label={`${t('settings.fields.dialog.optionCode')} ${index + 1}`}
                  value={option.code}
                  onChange={(event) => setOption(index, { code: event.target.value })}
                  required
                  maxLength={64}
                  pattern="[A-Za-z][A-Za-z0-9_]*"
                  spellCheck={false}
                />
                <input
                  aria-label={`${t('settings.fields.dialog.optionKo')} ${index + 1}`}
                  value={option.ko}
                  onChange={(event) => setOption(index, { ko: event.target.value })}
                  maxLength={200}
                  lang="ko"
                />
                <input
                  aria-label={`${t('settings.fields.dialog.optionEn')} ${index + 1}`}
                  value={option.en}
                  onChange={(event) => setOption(index, { en: event.target.value })}
                  maxLength={200}
                  lang="en"
                />
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t('settings.fields.dialog.removeOption', { index: index + 1 })}
                  title={t('settings.fields.dialog.removeOption', { index: index + 1 })}
                  disabled={options.length === 1}
                  onClick={() => setOptions((current) => current.filter((_, at) => at !== index))}
                >
                  <Icon name="x" size={14} />
                </button>
              </div>
            ))}
            <button type="button" className="button small" onClick={() => setOptions([...options, { code: '', en: '', ko: '' }])}>
              <Icon name="plus" size={13} /> {t('settings.fields.dialog.addOption')}
            </button>
          </fieldset>
        )}
        {!codeError && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
        <SaveActions busy={busy} label={t(field ? 'settings.fields.dialog.save' : 'settings.fields.dialog.create')} onCancel={() => onClose(null)} />
      </form>
    </Dialog>
  );
}
