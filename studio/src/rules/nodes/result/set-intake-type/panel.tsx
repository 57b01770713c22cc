/** Setting the intake type: one enabled intake type of the service. */
import { useI18n } from '../../../../i18n';
import { CategorySelect } from '../../../pickers';
import { Field } from '../fields';
import type { ResultFormProps } from '../kind';

export function SetIntakeTypePanel({ result, patch, invalid }: ResultFormProps<'setIntakeType'>) {
  const { t } = useI18n();
  return (
    <Field label={t('rules.result.setIntakeType.intakeType')}>
      <CategorySelect kind="intake" requireEnabled value={result.intakeTypeId} invalid={invalid('intakeTypeId')} onChange={(intakeTypeId) => patch({ intakeTypeId })} />
    </Field>
  );
}
