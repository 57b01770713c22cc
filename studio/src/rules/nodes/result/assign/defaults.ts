/** A new assignment: round robin in the service's first group. */
import type { NewResultLookups } from '../kind';
import type { ResultOf } from '../types';

export const defaultAssign = (lookups: NewResultLookups): ResultOf<'assign'> => ({
  type: 'assign',
  groupId: lookups.groups?.[0]?.id ?? '',
  strategy: 'roundRobin',
});
