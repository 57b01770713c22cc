/** The priority's name. */
import { PRIORITY_LABELS } from '../../../../vocabulary';
import type { RuleLookups } from '../../../context';
import type { Translate } from '../kind';
import type { ResultOf } from '../types';

export function summarizeSetPriority(result: ResultOf<'setPriority'>, _lookups: RuleLookups, t: Translate): string {
  return t(PRIORITY_LABELS[result.priority]);
}
