/** `결제 › Kim` for a named agent, `결제 · Round robin` otherwise. */
import type { RuleLookups } from '../../../context';
import type { Translate } from '../../../../i18n';
import type { ResultOf } from '../types';

export function summarizeAssign(result: ResultOf<'assign'>, lookups: RuleLookups, t: Translate): string {
  const group = result.groupId ? lookups.groupName(result.groupId) : '…';
  return result.strategy === 'agent'
    ? `${group} › ${result.agentId ? lookups.agentName(result.agentId) : '…'}`
    : `${group} · ${t(`rules.strategy.${result.strategy}`)}`;
}
