/** A new forward-to-group result: the service's first group. */
import type { NewResultLookups } from '../kind';
import type { ResultOf } from '../types';

export const defaultForwardToGroup = (lookups: NewResultLookups): ResultOf<'forwardToGroup'> => ({
  type: 'forwardToGroup',
  groupId: lookups.groups?.[0]?.id ?? '',
});
