/** A new forward-by-email result: no recipient yet, the ticket stays open. */
import type { ResultOf } from '../types';

export const defaultForwardEmail = (): ResultOf<'forwardEmail'> => ({ type: 'forwardEmail', to: [], thenComplete: false });
