/**
 * PII masking (개인정보 마스킹): an agent masks a span of a message, of the ticket's first inquiry or of a text field
 * value; the span is stored as
 * `*` per character and the original is kept sealed beside it. Spans count Unicode code points, end exclusive, so a
 * span means the same characters in the API, the database and the studio.
 *
 * Plain types and functions only, no zod, so that workflow code may import this module.
 *
 * @module
 */
import type { FieldScope } from './fields';

/**
 * What a mask covers part of: a message (by the seq of the event that wrote it), the ticket's content (the first
 * inquiry, where customers most often write what should not be kept) or a field value.
 */
export type MaskTarget = { kind: 'message'; seq: number } | { kind: 'content' } | { kind: 'field'; scope: FieldScope; code: string };

/** A masking command: the span of the target to mask, under the mask id the API chose. No text, masked or not. */
export interface MaskRequest {
  maskId: string;
  target: MaskTarget;
  start: number;
  end: number;
}

/** A masked span as the ticket workflow remembers it, so a second mask of the same characters is refused. */
export interface MaskedSpan {
  target: string;
  start: number;
  end: number;
}

/** Why a span cannot be masked. */
export type MaskRefusal = 'out_of_range' | 'already_masked';

/** A stable name of a mask's target: `message:<seq>`, `content` or `<scope>:<code>`. */
export const maskTargetKey = (target: MaskTarget): string =>
  target.kind === 'message' ? `message:${target.seq}` : target.kind === 'content' ? 'content' : `${target.scope}:${target.code}`;

type Span = { start: number; end: number };

/** Whether the span covers characters of one already masked. */
export const overlapsMasked = (span: Span, masked: readonly Span[]): boolean =>
  masked.some((other) => other.start < span.end && other.end > span.start);

/** Why the span of the text cannot be masked given the spans already masked in it, or null when it can. */
export function maskRefusal(text: string, span: Span, masked: readonly Span[]): MaskRefusal | null {
  if (span.start < 0 || span.end <= span.start || span.end > Array.from(text).length) return 'out_of_range';
  return overlapsMasked(span, masked) ? 'already_masked' : null;
}

/** The text with the span replaced by `*` per character, and the characters it replaced. */
export function maskText(text: string, span: Span): { masked: string; original: string } {
  const characters = Array.from(text);
  return {
    masked: [...characters.slice(0, span.start), '*'.repeat(span.end - span.start), ...characters.slice(span.end)].join(''),
    original: characters.slice(span.start, span.end).join(''),
  };
}

/** Where a mask is, never its text: what its event and audit row record. */
export function maskPlace(mask: MaskRequest): Record<string, string | number> {
  const { target } = mask;
  const where: Record<string, string | number> =
    target.kind === 'message' ? { seq: target.seq } : target.kind === 'content' ? { part: 'content' } : { scope: target.scope, code: target.code };
  return { maskId: mask.maskId, ...where, start: mask.start, end: mask.end };
}

/** The changes of a `masked` event. */
export const maskedChange = (mask: MaskRequest): Record<string, [null, Record<string, string | number>]> => ({ masked: [null, maskPlace(mask)] });
