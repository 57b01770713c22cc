/** `→ Assignee · ko, en`: who receives it, in which languages it is written. */
import type { RuleLookups } from '../../../context';
import type { Translate } from '../../../../i18n';
import type { ResultOf } from '../types';

export function summarizeNotifyEmail(result: ResultOf<'notifyEmail'>, _lookups: RuleLookups, t: Translate): string {
  return `→ ${t(`rules.recipient.${result.to}`)} · ${Object.keys(result.messages).join(', ') || '…'}`;
}
