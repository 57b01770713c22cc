/**
 * Emails a reply or interim answer to the customer once the command that wrote it has been recorded.
 * The message row carries the delivery status, so a retried or replayed activity never mails it twice.
 */
import { createHash } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import type { AttachmentStorage } from '../clients/attachment-storage';
import type { Mailer } from '../clients/mailer';
import { findMessageAttachments } from '../store/attachments';
import type { Sql } from '../store/db';
import { findCustomerReply, recordCustomerReplyDelivery } from '../store/messages';
import { deliver, sendMail, type DeliveryStatus } from './side-effects';

export interface CustomerReplyRef {
  ticketId: string;
  seq: number;
}

/** The files a message carries, read back from storage and checked against the checksum taken at upload. */
async function messageAttachments(sql: Sql, storage: AttachmentStorage, ticketId: string, seq: number) {
  const attachments = await findMessageAttachments(sql, ticketId, seq);
  return Promise.all(
    attachments.map(async (attachment) => {
      const content = await storage.get(attachment.storageKey);
      if (!content || createHash('sha256').update(content).digest('hex') !== attachment.sha256) {
        // Retrying cannot bring the bytes back: the delivery is recorded as failed, naming the file.
        throw ApplicationFailure.nonRetryable(`attachment ${attachment.id} is missing or damaged in storage`, 'data.invalid');
      }
      return { filename: attachment.filename, content, contentType: attachment.mediaType };
    }),
  );
}

export function customerReplyActivities({ sql, mailer, attachments }: { sql: Sql; mailer: Mailer | null; attachments: AttachmentStorage }) {
  return {
    async emailCustomerReply(ref: CustomerReplyRef): Promise<DeliveryStatus | 'none'> {
      const message = await findCustomerReply(sql, ref.ticketId, ref.seq);
      if (!message || message.email_status === null) return 'none';
      if (message.email_status !== 'pending') return message.email_status as DeliveryStatus;
      return deliver(
        async () =>
          sendMail(mailer, {
            attachments: await messageAttachments(sql, attachments, ref.ticketId, ref.seq),
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
