/**
 * Emails a reply or interim answer to the customer once the command that wrote it has been recorded.
 * The message row carries the delivery status, so a retried or replayed activity never mails it twice.
 */
import type { Sql } from 'postgres';
import type { Mailer } from './mailer';
import { deliver, sendMail, type DeliveryStatus } from './side-effects';

export interface CustomerReplyRef {
  ticketId: string;
  seq: number;
}

export function customerReplyActivities({ sql, mailer }: { sql: Sql; mailer: Mailer | null }) {
  return {
    async emailCustomerReply(ref: CustomerReplyRef): Promise<DeliveryStatus | 'none'> {
      const [message] = await sql<{ email_status: string | null; body: string; subject: string; service_name: string; customer_email: string | null }[]>`
        select m.email_status, m.body, t.subject, s.name as service_name, c.email as customer_email
        from ticket_messages m join tickets t on t.id = m.ticket_id join services s on s.id = t.service_id
          left join customers c on c.id = t.customer_id
        where m.ticket_id = ${ref.ticketId} and m.seq = ${ref.seq}`;
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
        async (status, error) => {
          await sql`
            update ticket_messages set email_status = ${status}, email_attempts = email_attempts + 1, email_error = ${error}
            where ticket_id = ${ref.ticketId} and seq = ${ref.seq}`;
        },
      );
    },
  };
}
