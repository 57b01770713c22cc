/**
 * A real SMTP server on loopback (the smtp-server package) that keeps every message it accepts.
 */
import { SMTPServer } from 'smtp-server';
import { findFreePort } from '../../infra/free-port';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
  subject: string;
  messageId: string;
  body: string;
}

export interface SmtpPeer {
  url: string;
  messages: ReceivedMail[];
  /** Refuses every recipient with this SMTP reply code (e.g. 550) until {@link accept} is called. */
  refuse(code: number): void;
  accept(): void;
  /** Resolves once `count` messages have arrived in total. */
  waitFor(count: number): Promise<ReceivedMail[]>;
  stop(): Promise<void>;
}

function header(raw: string, name: string): string {
  const match = new RegExp(`^${name}:\\s*(.*(?:\\r?\\n[ \\t].*)*)`, 'im').exec(raw);
  return match ? match[1].replace(/\r?\n[ \t]+/g, ' ').trim() : '';
}

function decodeSubject(value: string): string {
  return value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, encoding: string, text: string) =>
    encoding.toLowerCase() === 'b'
      ? Buffer.from(text, 'base64').toString('utf8')
      : decodeURIComponent(text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, '%$1')),
  );
}

function decodeBody(raw: string): string {
  const [, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/content-transfer-encoding:\s*base64/i.test(raw)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/content-transfer-encoding:\s*quoted-printable/i.test(raw)) {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => `%${hex}`);
    return decodeURIComponent(bytes);
  }
  return body;
}

export async function startSmtpPeer(): Promise<SmtpPeer> {
  const messages: ReceivedMail[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  let refusal: number | null = null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onRcptTo(_address, _session, callback) {
      if (refusal === null) return callback();
      callback(Object.assign(new Error('Requested action not taken: mailbox unavailable'), { responseCode: refusal }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw,
          subject: decodeSubject(header(raw, 'Subject')),
          messageId: header(raw, 'Message-ID'),
          body: decodeBody(raw),
        });
        for (const waiter of waiters.filter((w) => messages.length >= w.count)) waiter.resolve();
        callback();
      });
    },
  });
  const port = await findFreePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    refuse: (code) => void (refusal = code),
    accept: () => void (refusal = null),
    waitFor: (count) =>
      messages.length >= count
        ? Promise.resolve(messages)
        : new Promise((resolve) => waiters.push({ count, resolve: () => resolve(messages) })),
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
