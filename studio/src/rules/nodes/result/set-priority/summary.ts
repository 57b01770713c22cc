/** The priority's name. */
import type { RuleLookups } from '../../../context';
import type { Translate } from '../../../../i18n';
import type { ResultOf } from '../types';

export function summarizeSetPriority(result: ResultOf<'setPriority'>, _lookups: RuleLookups, t: Translate): string {
  return t(`ticket.priority.${result.priority}`);
}
