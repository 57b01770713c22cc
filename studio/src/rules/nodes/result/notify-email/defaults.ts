/** A new email notification: to the assignee, in Korean, saying the ticket was assigned. */
import type { ResultOf } from '../types';

/** The subject a language starts with when it is ticked in the form. */
export const DEFAULT_SUBJECT = '[#{ticket.id}] #{ticket.subject}';

export const defaultNotifyEmail = (): ResultOf<'notifyEmail'> => ({
  type: 'notifyEmail',
  to: 'assignee',
  messages: {
    ko: { subject: DEFAULT_SUBJECT, body: '#{customer.name} 고객님의 문의가 배정되었습니다.\n#{ticket.url}' },
  },
});
