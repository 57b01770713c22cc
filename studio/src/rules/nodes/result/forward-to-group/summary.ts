/** The group's name. */
import type { RuleLookups } from '../../../context';
import type { ResultOf } from '../types';

export function summarizeForwardToGroup(result: ResultOf<'forwardToGroup'>, lookups: RuleLookups): string {
  return result.groupId ? lookups.groupName(result.groupId) : '…';
}
