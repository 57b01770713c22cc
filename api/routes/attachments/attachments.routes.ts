import { createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_FILES } from '../../../domain/attachments';
import { errorBody, errorResponses } from '../../errors';
import { json } from '../../openapi';
import { TicketIdParams } from '../../params';
import { Attachment, AttachmentParams } from './attachments.schemas';

const tags = ['Attachments'];

/** The whole upload: the most files at the largest size, and room for the multipart framing. */
const MAX_UPLOAD_BYTES = MAX_ATTACHMENT_FILES * MAX_ATTACHMENT_BYTES + 64 * 1024;

export const uploadAttachments = createRoute({
  method: 'post',
  path: '/tickets/{id}/attachments',
  tags,
  summary: 'Upload up to 5 files (10 MB each) to a ticket, as multipart/form-data fields named `files`',
  description:
    'Types are recognised by content (PDF, PNG, JPEG, GIF, WebP, ZIP and Office documents, plain text) and must agree ' +
    'with the file name: too large is 413 `attachment.too_large`, an unaccepted type 415 `attachment.unsupported_type`, ' +
    'a name disguising another type 422 `attachment.type_mismatch`; then nothing is stored.',
  request: { params: TicketIdParams },
  responses: { 201: { description: 'The stored files', content: json(z.array(Attachment)) }, ...errorResponses(400, 401, 403, 404, 413, 415, 422) },
});

export const listAttachments = createRoute({
  method: 'get',
  path: '/tickets/{id}/attachments',
  tags,
  summary: 'A ticket’s attachments',
  request: { params: TicketIdParams },
  responses: { 200: { description: 'Oldest first', content: json(z.array(Attachment)) }, ...errorResponses(401, 403, 404) },
});

export const downloadAttachment = createRoute({
  method: 'get',
  path: '/tickets/{id}/attachments/{attachmentId}',
  tags,
  summary: 'Download an attachment (readers of the ticket only); `x-checksum-sha256` carries its checksum',
  request: { params: AttachmentParams },
  responses: { 200: { description: 'The file', content: { 'application/octet-stream': { schema: z.string() } } }, ...errorResponses(401, 403, 404) },
});

/** The body limit of an upload, applied by createApp() in place of the API's general one. */
export const attachmentBodyLimit = bodyLimit({
  maxSize: MAX_UPLOAD_BYTES,
  onError: (c) =>
    c.json(errorBody('attachment.too_large', `An upload takes at most ${MAX_ATTACHMENT_FILES} files of ${MAX_ATTACHMENT_BYTES} bytes.`), 413, {
      connection: 'close',
    }),
});

/** Whether a request is an upload, which carries its own body limit instead of the API's general one. */
export const isAttachmentUpload = (method: string, path: string) => method === 'POST' && /^\/tickets\/[^/]+\/attachments$/.test(path);
