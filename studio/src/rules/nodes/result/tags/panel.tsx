/** Adding or removing tags: the tags, typed as a comma-separated list. */
import { ListInput } from '../../../pickers';
import { Field } from '../fields';
import type { ResultFormProps } from '../kind';

export function TagsPanel({ result, patch, invalid }: ResultFormProps<'addTags'> | ResultFormProps<'removeTags'>) {
  return (
    <Field label="Tags · 태그" hint="Separate tags with commas. · 쉼표로 구분합니다.">
      <ListInput values={result.tags} invalid={invalid('tags')} placeholder="vip, 환불" onChange={(tags) => patch({ tags })} />
    </Field>
  );
}
