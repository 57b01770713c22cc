/** The recipients, and whether the ticket is completed afterwards. */
import type { RuleLookups } from '../../../context';
import type { Translate } from '../../../../i18n';
import type { ResultOf } from '../types';

export function summarizeForwardEmail(result: ResultOf<'forwardEmail'>, _lookups: RuleLookups, t: Translate): string {
  return `${result.to.join(', ') || '…'}${result.thenComplete ? ` · ${t('rules.result.forwardEmail.thenCompleteShort')}` : ''}`;
}
