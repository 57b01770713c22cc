/**
 * PII masking schemas (개인정보 마스킹): a span of a message, of the ticket's content or of a text field value, in Unicode characters, end
 * exclusive.
 */
import { z } from '@hono/zod-openapi';
import { FIELD_CODE_PATTERN, FIELD_SCOPES } from '../../../domain/fields';
import { pathId } from '../../params';

const ticketId = pathId('id', 'T1603851004648zfnA');

export const MaskParams = z.object({
  id: ticketId,
  seq: z.coerce.number().int().min(1).openapi({ param: { name: 'seq', in: 'path' }, example: 2 }),
});
export const FieldMaskParams = z.object({
  id: ticketId,
  scope: z.enum(FIELD_SCOPES).openapi({ param: { name: 'scope', in: 'path' }, example: 'customer' }),
  code: z.string().regex(FIELD_CODE_PATTERN).openapi({ param: { name: 'code', in: 'path' }, example: 'phone' }),
});
export const UnmaskParams = z.object({ id: ticketId, maskId: pathId('maskId', 'M1603851004648zfnA') });

export const MaskBody = z
  .strictObject({ start: z.number().int().min(0), end: z.number().int().min(1) })
  .refine((span) => span.end > span.start, { message: 'end must be after start', path: ['end'] })
  .openapi('MaskSpan');

export const MaskTarget = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('message'), seq: z.number().int() }),
    z.object({ kind: z.literal('content') }),
    z.object({ kind: z.literal('field'), scope: z.enum(FIELD_SCOPES), code: z.string() }),
  ])
  .openapi('MaskTarget');

export const Mask = z
  .object({ id: z.string(), target: MaskTarget, start: z.number().int(), end: z.number().int(), maskedBy: z.string(), maskedAt: z.string() })
  .openapi('Mask');

export const Unmasked = z.object({ id: z.string(), original: z.string() }).openapi('Unmasked');
