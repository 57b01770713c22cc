/** PII masking schemas (개인정보 마스킹): a span of a message, in Unicode characters, end exclusive. */
import { z } from '@hono/zod-openapi';
import { pathId } from '../../params';

export const MaskParams = z.object({
  id: pathId('id', 'T1603851004648zfnA'),
  seq: z.coerce.number().int().min(1).openapi({ param: { name: 'seq', in: 'path' }, example: 2 }),
});
export const UnmaskParams = z.object({ id: pathId('id', 'T1603851004648zfnA'), maskId: pathId('maskId', 'M1603851004648zfnA') });

export const MaskBody = z
  .strictObject({ start: z.number().int().min(0), end: z.number().int().min(1) })
  .refine((span) => span.end > span.start, { message: 'end must be after start', path: ['end'] })
  .openapi('MaskSpan');

export const Mask = z
  .object({ id: z.string(), seq: z.number().int(), start: z.number().int(), end: z.number().int(), maskedBy: z.string(), maskedAt: z.string() })
  .openapi('Mask');

export const Unmasked = z.object({ id: z.string(), original: z.string() }).openapi('Unmasked');
