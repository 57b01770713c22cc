/**
 * API errors as sentences in the reader's language: the code's own sentence (`errors.<code>`) when the catalogue
 * has one, else the generic sentence of the HTTP status. Never the raw code or the server's English text.
 */
import { ApiError } from '../api/client';
import type { MessageParams } from './catalogue';
import { isMessageKey, type MessageKey } from './messages';

export type Translate = (key: MessageKey, params?: MessageParams) => string;

const STATUS_SENTENCES: Record<number, MessageKey> = {
  0: 'errors.network',
  400: 'errors.http.badRequest',
  401: 'errors.http.unauthorized',
  403: 'errors.http.forbidden',
  404: 'errors.http.notFound',
  409: 'errors.http.conflict',
  413: 'errors.http.tooLarge',
  422: 'errors.http.unprocessable',
  429: 'errors.http.tooMany',
  500: 'errors.http.server',
  503: 'errors.http.unavailable',
};

/** The string and number fields of an error's details, usable as `{name}` params. */
function detailParams(details: unknown): MessageParams {
  if (!details || typeof details !== 'object') return {};
  return Object.fromEntries(
    Object.entries(details).filter((entry): entry is [string, string | number] => typeof entry[1] === 'string' || typeof entry[1] === 'number'),
  );
}

/** The sentence of a stable code (`ticket.not_assignable`, `condition.value_required`), if the catalogue has one. */
export function codeMessage(t: Translate, code: string, details?: unknown): string | undefined {
  const key = `errors.${code}`;
  return isMessageKey(key) ? t(key, detailParams(details)) : undefined;
}

/** An issue of a refused definition (`details.issues[].code`) as a sentence; unknown codes get a generic one. */
export function issueMessage(t: Translate, code: string): string {
  return codeMessage(t, code) ?? t('errors.issue');
}

/** Any error a screen caught, as one sentence for the user. */
export function errorMessage(t: Translate, error: unknown): string {
  if (error instanceof ApiError) {
    const known = codeMessage(t, error.code, error.details);
    if (known) return known;
    const byStatus = STATUS_SENTENCES[error.status] ?? (error.status >= 500 ? 'errors.http.server' : undefined);
    return t(byStatus ?? 'errors.unknown');
  }
  return t('errors.unknown');
}
