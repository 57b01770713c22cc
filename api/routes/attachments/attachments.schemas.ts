/** Attachment schemas: files on a ticket, checked by content, with their SHA-256. */
import { z } from '@hono/zod-openapi';
import { pathId } from '../../params';

export const Attachment = z
  .object({
    id: z.string(),
    ticketId: z.string(),
    messageSeq: z.number().int().nullable().openapi({ description: 'The message that carried it; null until one does.' }),
    filename: z.string(),
    mediaType: z.string().openapi({ description: 'The type recognised from the content.' }),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    createdAt: z.string(),
  })
  .openapi('Attachment');

export const AttachmentParams = z.object({
  id: pathId('id', 'T1603851004648zfnA'),
  attachmentId: pathId('attachmentId', 'F1603851004648zfnA'),
});
