/** Typed calls to the PII masking routes (api/routes/masks, 개인정보 마스킹). */
import type { z } from 'zod';
import type { Mask as MaskSchema, Unmasked } from '../../../api/routes/masks/masks.schemas';
import type { FieldScope } from '../../../domain/fields';
import { api } from './client';

export type Mask = z.infer<typeof MaskSchema>;
/** A span of text in Unicode characters, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

const masksPath = (ticketId: string, suffix: string) => `/tickets/${encodeURIComponent(ticketId)}${suffix}`;
// The API takes exactly the span, nothing a caller keeps beside it.
const spanOf = ({ start, end }: Span): Span => ({ start, end });

export const masksApi = {
  list: (ticketId: string) => api.get<Mask[]>(masksPath(ticketId, '/masks')),
  maskMessage: (ticketId: string, seq: number, span: Span) => api.post<Mask>(masksPath(ticketId, `/messages/${seq}/masks`), spanOf(span)),
  maskContent: (ticketId: string, span: Span) => api.post<Mask>(masksPath(ticketId, '/content/masks'), spanOf(span)),
  maskField: (ticketId: string, scope: FieldScope, code: string, span: Span) =>
    api.post<Mask>(masksPath(ticketId, `/fields/${scope}/${encodeURIComponent(code)}/masks`), spanOf(span)),
  unmask: (ticketId: string, maskId: string) => api.post<z.infer<typeof Unmasked>>(masksPath(ticketId, `/masks/${encodeURIComponent(maskId)}/unmask`)),
};
