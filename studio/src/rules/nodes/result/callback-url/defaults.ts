/** A new callback: an https URL to finish and a payload naming the ticket. */
import type { ResultOf } from '../types';

export const defaultCallbackUrl = (): ResultOf<'callbackUrl'> => ({
  type: 'callbackUrl',
  url: 'https://',
  payloadTemplate: '{\n  "ticketId": "#{ticket.id}",\n  "subject": "#{ticket.subject}"\n}',
});
