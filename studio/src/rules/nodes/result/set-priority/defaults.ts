/** A new priority result: urgent, the usual reason to set one. */
import type { ResultOf } from '../types';

export const defaultSetPriority = (): ResultOf<'setPriority'> => ({ type: 'setPriority', priority: 'urgent' });
