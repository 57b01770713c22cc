/** The intake type's path, `결제 › 계좌이체`. */
import type { RuleLookups } from '../../../context';
import type { ResultOf } from '../types';

export function summarizeSetIntakeType(result: ResultOf<'setIntakeType'>, lookups: RuleLookups): string {
  return result.intakeTypeId ? lookups.categoryName(result.intakeTypeId) : '…';
}
