/** The recipients, and whether the ticket is completed afterwards. */
import type { RuleLookups } from '../../../context';
import type { Translate } from '../kind';
import type { ResultOf } from '../types';

export function summarizeForwardEmail(result: ResultOf<'forwardEmail'>, _lookups: RuleLookups, t: Translate): string {
  return `${result.to.join(', ') || '…'}${result.thenComplete ? ` · ${t({ en: 'then complete', ko: '전달 후 완료' })}` : ''}`;
}
