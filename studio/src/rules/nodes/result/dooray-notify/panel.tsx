/** Notifying on Dooray! Messenger: the incoming hook URL and the message template. */
import { useI18n } from '../../../../i18n';
import { Field, SubstitutionCodes } from '../fields';
import type { ResultFormProps } from '../kind';

export function DoorayNotifyPanel({ result, patch, invalid }: ResultFormProps<'doorayNotify'>) {
  const { t } = useI18n();
  return (
    <>
      <Field label={t('rules.result.doorayNotify.hookUrl')}>
        <input type="url" aria-invalid={invalid('hookUrl')} value={result.hookUrl} onChange={(event) => patch({ hookUrl: event.target.value.trim() })} />
      </Field>
      <Field label={t('rules.result.doorayNotify.template')}>
        <textarea rows={4} aria-invalid={invalid('template')} value={result.template} onChange={(event) => patch({ template: event.target.value })} />
      </Field>
      <SubstitutionCodes />
    </>
  );
}
