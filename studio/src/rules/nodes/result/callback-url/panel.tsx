/** Calling back a URL: where to POST and the JSON payload template. */
import { useI18n } from '../../../../i18n';
import { Field, SubstitutionCodes } from '../fields';
import type { ResultFormProps } from '../kind';

export function CallbackUrlPanel({ result, patch, invalid }: ResultFormProps<'callbackUrl'>) {
  const { t } = useI18n();
  return (
    <>
      <Field label={t('rules.result.callbackUrl.url')} hint={t('rules.result.callbackUrl.urlHint')}>
        <input type="url" aria-invalid={invalid('url')} value={result.url} onChange={(event) => patch({ url: event.target.value.trim() })} />
      </Field>
      <Field label={t('rules.result.callbackUrl.payload')} hint={t('rules.result.callbackUrl.payloadHint')}>
        <textarea className="mono" rows={6} aria-invalid={invalid('payloadTemplate')} value={result.payloadTemplate} onChange={(event) => patch({ payloadTemplate: event.target.value })} />
      </Field>
      <SubstitutionCodes />
    </>
  );
}
