/**
 * Attachments: types recognised by content, size and count limits, storage under DATA_DIR with checksums, downloads
 * only for readers of the ticket, and files sent with the customer's email reply; refusals store nothing.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness';
import { settledSideEffects } from '../support/rules';
import { startSmtpPeer, type SmtpPeer } from '../support/smtp-peer';

let h: Harness;
let smtp: SmtpPeer;
let dataDir: string;
let service: { id: string; name: string; groupIds: string[] };
let agent: { id: string; token: string };

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('png body')]);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64, 0x90)]);

beforeAll(async () => {
  smtp = await startSmtpPeer();
  dataDir = await mkdtemp(path.join(tmpdir(), 'contactflow-attachments-'));
  h = await startHarness({ env: { SMTP_URL: smtp.url, DATA_DIR: dataDir } });
  service = await h.createService();
  agent = await h.createAgent({ groupIds: [service.groupIds[0]] });
});

afterAll(async () => {
  await h?.stop();
  await smtp?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

async function createTicket() {
  const response = await h.request('POST', '/tickets', {
    token: h.admin.token,
    body: { serviceId: service.id, subject: '영수증 요청', content: '영수증 보내주세요', customer: { name: '홍길동', email: 'customer@example.com' } },
  });
  expect(response.status).toBe(201);
  return response.body as { id: string };
}

function form(files: [Uint8Array, string][]) {
  const data = new FormData();
  for (const [bytes, name] of files) data.append('files', new Blob([bytes]), name);
  return data;
}

const upload = (ticketId: string, files: [Uint8Array, string][], token = agent.token) =>
  h.request('POST', `/tickets/${ticketId}/attachments`, { token, rawBody: form(files) });

async function storedFiles(): Promise<number> {
  const root = path.join(dataDir, 'attachments');
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).length;
}

async function stored() {
  const [row] = await h.sql`select count(*)::int as n from attachments`;
  return { rows: row.n as number, files: await storedFiles() };
}

describe('attachments', () => {
  it('stores files recognised by content with their checksum, downloadable by readers of the ticket only', async () => {
    const ticket = await createTicket();
    const uploaded = await upload(ticket.id, [
      [PNG, 'screen.png'],
      [PDF, '영수증.pdf'],
      [Buffer.from('주문번호,금액\nA-1,1000\n'), 'order.csv'],
    ]);
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    expect(uploaded.body.map((a: { filename: string; mediaType: string }) => [a.filename, a.mediaType])).toEqual([
      ['screen.png', 'image/png'],
      ['영수증.pdf', 'application/pdf'],
      ['order.csv', 'text/plain'],
    ]);
    const pdf = uploaded.body[1];
    expect(pdf).toMatchObject({ sizeBytes: PDF.length, sha256: createHash('sha256').update(PDF).digest('hex'), messageSeq: null });
    expect(await storedFiles()).toBe(3);

    const download = await h.request('GET', `/tickets/${ticket.id}/attachments/${pdf.id}`, { token: agent.token });
    expect(download.status).toBe(200);
    expect(Buffer.from(download.bytes!)).toEqual(PDF);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('x-checksum-sha256')).toBe(pdf.sha256);

    const outsider = await h.createAgent({ groupIds: [(await h.createService()).groupIds[0]] });
    expect((await h.request('GET', `/tickets/${ticket.id}/attachments/${pdf.id}`, { token: outsider.token })).status).toBe(403);
    expect((await h.request('GET', `/tickets/${ticket.id}/attachments`, { token: agent.token })).body).toHaveLength(3);
  });

  it('refuses oversized, disguised, unaccepted and too many files with nothing stored', async () => {
    const ticket = await createTicket();
    const before = await stored();
    const cases: [[Uint8Array, string][], number, string][] = [
      [[[PNG, 'ok.png'], [Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]), 'huge.pdf']], 413, 'attachment.too_large'],
      [[[PNG, 'ok.png'], [EXE, 'invoice.pdf']], 415, 'attachment.unsupported_type'],
      [[[PNG, 'invoice.pdf']], 422, 'attachment.type_mismatch'],
      [[[PDF, 'setup.exe']], 422, 'attachment.type_mismatch'],
      [[[Buffer.alloc(0), 'empty.txt']], 422, 'attachment.empty'],
      [Array.from({ length: 6 }, (_, i): [Uint8Array, string] => [PNG, `p${i}.png`]), 422, 'attachment.too_many'],
    ];
    for (const [files, status, code] of cases) {
      const refused = await upload(ticket.id, files);
      expect(refused.status, code).toBe(status);
      expect(refused.body.error.code).toBe(code);
    }
    const notMultipart = await h.request('POST', `/tickets/${ticket.id}/attachments`, { token: agent.token, body: { files: [] } });
    expect(notMultipart.status, JSON.stringify(notMultipart.body)).toBe(415);
    expect(await stored()).toEqual(before);
  });

  it('sends attachments with the email reply to the customer', async () => {
    const ticket = await createTicket();
    await h.request('POST', `/tickets/${ticket.id}/take`, { token: agent.token, body: {} });
    const [pdf] = (await upload(ticket.id, [[PDF, 'receipt.pdf']])).body;

    const unknown = await h.request('POST', `/tickets/${ticket.id}/resolve`, { token: agent.token, body: { body: '첨부합니다', attachmentIds: ['F0000nope'] } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.code).toBe('attachment.unknown');

    const already = smtp.messages.length;
    const resolved = await h.request('POST', `/tickets/${ticket.id}/resolve`, { token: agent.token, body: { body: '영수증을 첨부합니다.', attachmentIds: [pdf.id] } });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    await settledSideEffects(h, ticket.id);
    const mail = (await smtp.waitFor(already + 1)).filter((m) => m.messageId.includes(ticket.id));
    expect(mail).toHaveLength(1);
    expect(mail[0].raw).toMatch(/filename="?receipt\.pdf"?/);
    expect(mail[0].raw.replace(/\r?\n/g, '')).toContain(PDF.toString('base64').slice(0, 40));
    const [row] = await h.sql`select message_seq from attachments where id = ${pdf.id}`;
    expect(row.message_seq).toBeGreaterThan(1);
    // Sent once: it cannot be attached to another message.
    const again = await h.request('POST', `/tickets/${ticket.id}/comments`, { token: agent.token, body: { body: '다시', attachmentIds: [pdf.id] } });
    expect(again.body.error.code).toBe('attachment.unknown');
  });
});
