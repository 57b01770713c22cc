/** Adding or removing tags: the tags, typed as a comma-separated list. */
import { useI18n } from '../../../../i18n';
import { ListInput } from '../../../pickers';
import { Field } from '../fields';
import type { ResultFormProps } from '../kind';

export function TagsPanel({ result, patch, invalid }: ResultFormProps<'addTags'> | ResultFormProps<'removeTags'>) {
  const { t } = useI18n();
  return (
    <Field label={t('rules.result.tags.tags')} hint={t('rules.result.tags.hint')}>
      <ListInput values={result.tags} invalid={invalid('tags')} placeholder={t('rules.result.tags.placeholder')} onChange={(tags) => patch({ tags })} />
    </Field>
  );
}
