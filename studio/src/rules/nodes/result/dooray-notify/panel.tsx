/** Notifying on Dooray! Messenger: the incoming hook URL and the message template. */
import { Field, SubstitutionCodes } from '../fields';
import type { ResultFormProps } from '../kind';

export function DoorayNotifyPanel({ result, patch, invalid }: ResultFormProps<'doorayNotify'>) {
  return (
    <>
      <Field label="Messenger hook URL · 메신저 훅 URL">
        <input type="url" aria-invalid={invalid('hookUrl')} value={result.hookUrl} onChange={(event) => patch({ hookUrl: event.target.value.trim() })} />
      </Field>
      <Field label="Message · 메시지">
        <textarea rows={4} aria-invalid={invalid('template')} value={result.template} onChange={(event) => patch({ template: event.target.value })} />
      </Field>
      <SubstitutionCodes />
    </>
  );
}
