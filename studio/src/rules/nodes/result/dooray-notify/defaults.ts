/** A new Dooray! notification: the hook URL to finish and a one-line message about the ticket. */
import type { ResultOf } from '../types';

export const defaultDoorayNotify = (): ResultOf<'doorayNotify'> => ({
  type: 'doorayNotify',
  hookUrl: 'https://hook.dooray.com/services/',
  template: '[#{ticket.id}] #{ticket.subject} (#{ticket.priority})',
});
