/** Setting the intake type: one enabled intake type of the service. */
import { CategorySelect } from '../../../pickers';
import { Field } from '../fields';
import type { ResultFormProps } from '../kind';

export function SetIntakeTypePanel({ result, patch, invalid }: ResultFormProps<'setIntakeType'>) {
  return (
    <Field label="Intake type · 접수유형">
      <CategorySelect kind="intake" requireEnabled value={result.intakeTypeId} invalid={invalid('intakeTypeId')} onChange={(intakeTypeId) => patch({ intakeTypeId })} />
    </Field>
  );
}
