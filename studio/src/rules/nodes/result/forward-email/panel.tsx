/** Forwarding by email: outside addresses, and whether to complete the ticket afterwards. */
import { ListInput } from '../../../pickers';
import { Field } from '../fields';
import type { ResultFormProps } from '../kind';

export function ForwardEmailPanel({ result, patch, invalid }: ResultFormProps<'forwardEmail'>) {
  return (
    <>
      <Field label="Recipients · 받는 사람" hint="Email addresses, separated by commas. · 쉼표로 구분합니다.">
        <ListInput values={result.to} invalid={invalid('to')} placeholder="ops@example.com" onChange={(to) => patch({ to })} />
      </Field>
      <label className="check-row">
        <input type="checkbox" checked={result.thenComplete} onChange={(event) => patch({ thenComplete: event.target.checked })} />
        Then complete the ticket · 전달 후 완료 처리
      </label>
    </>
  );
}
