/** `결제 › Kim` for a named agent, `결제 · Round robin` otherwise. */
import type { RuleLookups } from '../../../context';
import { ASSIGN_STRATEGY_LABELS } from '../../../../vocabulary';
import type { Translate } from '../kind';
import type { ResultOf } from '../types';

export function summarizeAssign(result: ResultOf<'assign'>, lookups: RuleLookups, t: Translate): string {
  const group = result.groupId ? lookups.groupName(result.groupId) : '…';
  return result.strategy === 'agent'
    ? `${group} › ${result.agentId ? lookups.agentName(result.agentId) : '…'}`
    : `${group} · ${t(ASSIGN_STRATEGY_LABELS[result.strategy])}`;
}
