/** A customer's values as a form: only what changed is sent, an emptied value is cleared; refusals show under the input. */
import { useState } from 'react';
import { ApiError } from '../api/client';
import { customersApi, type CustomerEdit, type CustomerRecord } from '../api/search';
import { ErrorBanner, Spinner } from '../components/feedback';
import { useToast } from '../components/toasts';
import { useI18n } from '../i18n';
import { FieldError } from '../search/ConditionForm';
import { refusedInputs } from '../search/query';
import { CUSTOMER_MERGEABLE, type CustomerMergeable } from '../../../domain/search';

const INPUT_TYPES: Partial<Record<CustomerMergeable, string>> = { email: 'email', phone: 'tel' };
const valuesOf = (record: CustomerRecord) => Object.fromEntries(CUSTOMER_MERGEABLE.map((field) => [field, record[field] ?? ''])) as Record<CustomerMergeable, string>;

/** Where a refusal points: a taken member id at the member id, a malformed value at its input. */
function refusedOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  if (error.code === 'customer.member_taken') return { userId: error.code };
  return refusedInputs(error.code, error.details);
}

export function CustomerEditForm({ customer, onSaved }: { customer: CustomerRecord; onSaved: (record: CustomerRecord) => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const [draft, setDraft] = useState(() => valuesOf(customer));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const changes: CustomerEdit = Object.fromEntries(
    CUSTOMER_MERGEABLE.filter((field) => draft[field].trim() !== (customer[field] ?? '')).map((field) => [field, draft[field].trim() || null]),
  );
  const changed = Object.keys(changes).length > 0;
  const refused = refusedOf(error);

  const save = () => {
    setSaving(true);
    setError(null);
    customersApi
      .update(customer.id, changes)
      .then((record) => {
        // The server may normalise what was typed (an email's case); the form shows what was stored.
        setDraft(valuesOf(record));
        onSaved(record);
        toast(t('customers.detail.saved'));
      }, setError)
      .finally(() => setSaving(false));
  };

  return (
    <form
      className="customer-form"
      aria-label={t('customers.detail.editLabel')}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (changed) save();
      }}
    >
      {CUSTOMER_MERGEABLE.map((field) => (
        <label key={field} className="field compact">
          <span className="field-label">{t(`customers.field.${field}`)}</span>
          <input
            type={INPUT_TYPES[field] ?? 'text'}
            name={field}
            value={draft[field]}
            aria-invalid={Boolean(refused[field])}
            onChange={(event) => setDraft({ ...draft, [field]: event.target.value })}
          />
          <FieldError code={refused[field]} />
        </label>
      ))}
      {error !== null && Object.keys(refused).length === 0 && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={!changed || saving}>
          {saving && <Spinner size={14} />} {t('common.action.save')}
        </button>
        <button type="button" className="button" disabled={!changed || saving} onClick={() => setDraft(valuesOf(customer))}>
          {t('customers.detail.discard')}
        </button>
      </div>
    </form>
  );
}
