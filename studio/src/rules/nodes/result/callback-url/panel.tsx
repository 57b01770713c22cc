/** Calling back a URL: where to POST and the JSON payload template. */
import { Field, SubstitutionCodes } from '../fields';
import type { ResultFormProps } from '../kind';

export function CallbackUrlPanel({ result, patch, invalid }: ResultFormProps<'callbackUrl'>) {
  return (
    <>
      <Field label="URL" hint="Called with HTTP POST. · HTTP POST로 호출합니다.">
        <input type="url" aria-invalid={invalid('url')} value={result.url} onChange={(event) => patch({ url: event.target.value.trim() })} />
      </Field>
      <Field label="JSON payload · 전송 내용" hint="JSON with substitution codes inside strings. · 문자열 안에 치환코드를 쓸 수 있습니다.">
        <textarea className="mono" rows={6} aria-invalid={invalid('payloadTemplate')} value={result.payloadTemplate} onChange={(event) => patch({ payloadTemplate: event.target.value })} />
      </Field>
      <SubstitutionCodes />
    </>
  );
}
