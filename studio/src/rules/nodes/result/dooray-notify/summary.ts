/** The hook URL the message goes to. */
import type { ResultOf } from '../types';

export function summarizeDoorayNotify(result: ResultOf<'doorayNotify'>): string {
  return result.hookUrl;
}
