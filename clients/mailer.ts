/**
 * Outgoing mail over SMTP (nodemailer). Message ids are deterministic per side effect so that a resend
 * after a crash between "sent" and "recorded" can be recognised as the same message by receivers.
 */
import { ApplicationFailure } from '@temporalio/common';
import nodemailer from 'nodemailer';

export interface OutgoingMail {
  to: string[];
  subject: string;
  text: string;
  messageId: string;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export function createMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      try {
        await transport.sendMail({
          from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          messageId: mail.messageId,
          attachments: mail.attachments,
        });
      } catch (error) {
        throw classifySmtpFailure(error);
      }
    },
    close: () => transport.close(),
  };
}

/**
 * A 5xx reply (mailbox unavailable, relaying denied, message refused) is the server's final word: the same mail
 * would be refused again, so it fails for good as `mail.rejected` and an operator retries it once the cause is
 * fixed. A 4xx reply, a refused connection or a timeout can heal and is left to the retry policy.
 */
export function classifySmtpFailure(error: unknown): unknown {
  const responseCode = (error as { responseCode?: unknown } | null)?.responseCode;
  if (typeof responseCode !== 'number' || responseCode < 500) return error;
  return ApplicationFailure.nonRetryable(`The mail server refused the message: ${(error as Error).message}`, 'mail.rejected', { responseCode });
}
