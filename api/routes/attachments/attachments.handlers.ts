import { createHash } from 'node:crypto';
import { attachmentStorageUnder } from '../../../clients/attachment-storage';
import { ACCEPTED_EXTENSIONS, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_FILES, extensionFits, sniffMediaType } from '../../../domain/attachments';
import { businessId } from '../../../domain/ids';
import { findTicketAttachment, insertAttachments, listTicketAttachments, type Attachment } from '../../../store/attachments';
import { requireTicketAccess } from '../../access';
import { actorIdOf } from '../../auth/agent';
import type { AppRouteHandler } from '../../context';
import { ApiError, notFound } from '../../errors';
import { requirePermission } from '../../permissions';
import type * as routes from './attachments.routes';

const view = ({ storageKey: _key, uploadedBy: _by, ...attachment }: Attachment) => attachment;

/** A file name safe to store and to send back in a header: no path, no control characters, at most 200 characters. */
const cleanName = (name: string) =>
  (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(-200) || 'attachment';

export const uploadAttachments: AppRouteHandler<typeof routes.uploadAttachments> = async (c) => {
  const { sql, config } = c.get('deps');
  const agent = c.get('agent');
  const ticket = await requireTicketAccess(sql, agent, c.req.valid('param').id);
  requirePermission(agent, 'ticket', 'Attaching files');
  if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/form-data')) {
    throw new ApiError(415, 'request.unsupported_media_type', 'Upload files as multipart/form-data fields named files.');
  }
  const form = await c.req.parseBody({ all: true });
  const files = [form.files ?? []].flat().filter((value): value is File => value instanceof File);
  if (files.length === 0) throw new ApiError(422, 'attachment.empty', 'Send at least one file in a field named files.');
  if (files.length > MAX_ATTACHMENT_FILES) {
    throw new ApiError(422, 'attachment.too_many', `At most ${MAX_ATTACHMENT_FILES} files at a time.`, { files: files.length, max: MAX_ATTACHMENT_FILES });
  }

  // Every file is checked before any is stored, so a refusal stores nothing.
  const checked = await Promise.all(
    files.map(async (file) => {
      const filename = cleanName(file.name);
      if (file.size > MAX_ATTACHMENT_BYTES) {
        throw new ApiError(413, 'attachment.too_large', `${filename} is larger than ${MAX_ATTACHMENT_BYTES} bytes.`, { filename, size: file.size });
      }
      if (file.size === 0) throw new ApiError(422, 'attachment.empty', `${filename} is empty.`, { filename });
      const bytes = new Uint8Array(await file.arrayBuffer());
      const mediaType = sniffMediaType(bytes);
      if (!mediaType) {
        throw new ApiError(415, 'attachment.unsupported_type', `${filename} is not a file type accepted here.`, { filename, accepted: ACCEPTED_EXTENSIONS });
      }
      if (!extensionFits(filename, mediaType)) {
        throw new ApiError(422, 'attachment.type_mismatch', `${filename} holds ${mediaType}, which its name does not say.`, { filename, mediaType });
      }
      return { filename, mediaType, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
    }),
  );

  const storage = attachmentStorageUnder(config.DATA_DIR);
  const stored = checked.map((file) => {
    const id = businessId('F');
    return { ...file, id, storageKey: `${ticket.id}/${id}` };
  });
  try {
    for (const file of stored) await storage.put(file.storageKey, file.bytes);
    await insertAttachments(
      sql,
      stored.map(({ bytes, ...file }) => ({ ...file, ticketId: ticket.id, sizeBytes: bytes.length, uploadedBy: actorIdOf(agent) })),
    );
  } catch (error) {
    await Promise.all(stored.map((file) => storage.delete(file.storageKey)));
    throw error;
  }
  const byId = new Map((await listTicketAttachments(sql, ticket.id)).map((attachment) => [attachment.id, attachment]));
  return c.json(stored.map((file) => view(byId.get(file.id)!)), 201);
};

export const listAttachments: AppRouteHandler<typeof routes.listAttachments> = async (c) => {
  const { sql } = c.get('deps');
  const ticket = await requireTicketAccess(sql, c.get('agent'), c.req.valid('param').id);
  return c.json((await listTicketAttachments(sql, ticket.id)).map(view), 200);
};

export const downloadAttachment: AppRouteHandler<typeof routes.downloadAttachment> = async (c) => {
  const { sql, config } = c.get('deps');
  const { id, attachmentId } = c.req.valid('param');
  const ticket = await requireTicketAccess(sql, c.get('agent'), id);
  const attachment = await findTicketAttachment(sql, ticket.id, attachmentId);
  if (!attachment) throw notFound('attachment', attachmentId);
  const bytes = await attachmentStorageUnder(config.DATA_DIR).get(attachment.storageKey);
  if (!bytes) throw notFound('attachment', attachmentId);
  return c.body(new Uint8Array(bytes), 200, {
    'content-type': attachment.mediaType,
    'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`,
    'x-checksum-sha256': attachment.sha256,
    'x-content-type-options': 'nosniff',
  }) as never;
};
