/**
 * Emails a reply or interim answer to the customer once the command that wrote it has been recorded.
 * The message row carries the delivery status, so a retried or replayed activity never mails it twice.
 */
import type { Mailer } from '../clients/mailer';
import type { Sql } from '../store/db';
import { findCustomerReply, recordCustomerReplyDelivery } from '../store/messages';
import { deliver, sendMail, type DeliveryStatus } from './side-effects';

export interface CustomerReplyRef {
  ticketId: string;
  seq: number;
}

export function customerReplyActivities({ sql, mailer }: { sql: Sql; mailer: Mailer | null }) {
  return {
    async emailCustomerReply(ref: CustomerReplyRef): Promise<DeliveryStatus | 'none'> {
      const message = await findCustomerReply(sql, ref.ticketId, ref.seq);
      if (!message || message.email_status === null) return 'none';
      if (message.email_status !== 'pending') return message.email_status as DeliveryStatus;
      return deliver(
        () =>
          sendMail(mailer, {
            to: message.customer_email ? [message.customer_email] : [],
            subject: `[${message.service_name}] Re: ${message.subject} (${ref.ticketId})`,
            text: message.body,
            messageId: `<${ref.ticketId}.reply.${ref.seq}@contactflow>`,
          }),
        (status, error) => recordCustomerReplyDelivery(sql, ref.ticketId, ref.seq, status, error),
      );
    },
  };
}
