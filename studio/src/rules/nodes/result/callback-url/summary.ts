/** `POST https://…`. */
import type { ResultOf } from '../types';

export function summarizeCallbackUrl(result: ResultOf<'callbackUrl'>): string {
  return `POST ${result.url}`;
}
