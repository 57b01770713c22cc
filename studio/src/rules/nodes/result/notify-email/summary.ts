/** `→ Assignee · ko, en`: who receives it, in which languages it is written. */
import type { RuleLookups } from '../../../context';
import { NOTIFY_RECIPIENT_LABELS } from '../../../../vocabulary';
import type { Translate } from '../kind';
import type { ResultOf } from '../types';

export function summarizeNotifyEmail(result: ResultOf<'notifyEmail'>, _lookups: RuleLookups, t: Translate): string {
  return `→ ${t(NOTIFY_RECIPIENT_LABELS[result.to])} · ${Object.keys(result.messages).join(', ') || '…'}`;
}
