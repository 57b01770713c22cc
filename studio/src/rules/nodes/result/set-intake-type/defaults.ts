/** A new intake-type result: the service's first enabled intake type. */
import type { NewResultLookups } from '../kind';
import type { ResultOf } from '../types';

export const defaultSetIntakeType = (lookups: NewResultLookups): ResultOf<'setIntakeType'> => ({
  type: 'setIntakeType',
  intakeTypeId: lookups.intakeTypes?.find((option) => option.enabled)?.id ?? '',
});
