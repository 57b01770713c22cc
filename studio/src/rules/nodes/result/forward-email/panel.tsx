/** Forwarding by email: outside addresses, and whether to complete the ticket afterwards. */
import { useI18n } from '../../../../i18n';
import { ListInput } from '../../../pickers';
import { Field } from '../fields';
import type { ResultFormProps } from '../kind';

export function ForwardEmailPanel({ result, patch, invalid }: ResultFormProps<'forwardEmail'>) {
  const { t } = useI18n();
  return (
    <>
      <Field label={t('rules.result.forwardEmail.to')} hint={t('rules.result.forwardEmail.hint')}>
        <ListInput values={result.to} invalid={invalid('to')} placeholder="ops@example.com" onChange={(to) => patch({ to })} />
      </Field>
      <label className="check-row">
        <input type="checkbox" checked={result.thenComplete} onChange={(event) => patch({ thenComplete: event.target.checked })} />
        {t('rules.result.forwardEmail.thenComplete')}
      </label>
    </>
  );
}
