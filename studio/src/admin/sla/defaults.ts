/**
 * A new action of an SLA policy: the rule studio's default for that kind of result, except that a message (email or
 * Dooray!) starts by saying what happened — the target is at risk or was breached — rather than what a trigger's
 * default says (that the ticket was assigned). Messages are in Korean, the help centre's default language.
 */
import type { SlaPolicy } from '../../api/admin';
import { defaultResult } from '../../rules/nodes/result/defaults';
import type { NewResultLookups } from '../../rules/nodes/result/kind';

type Result = SlaPolicy['onBreach'][number];
export type ResultList = 'onAtRisk' | 'onBreach';

const HEADLINE: Record<ResultList, string> = {
  onAtRisk: 'SLA 목표 시간 임박',
  onBreach: 'SLA 목표 시간 초과',
};

export function newSlaResult(kind: Result['type'], list: ResultList, lookups: NewResultLookups): Result {
  const headline = HEADLINE[list];
  if (kind === 'notifyEmail') {
    return {
      type: 'notifyEmail',
      to: 'assignee',
      messages: { ko: { subject: `[#{ticket.id}] ${headline}: #{ticket.subject}`, body: `${headline}\n#{ticket.subject} (#{ticket.priority})\n#{ticket.url}` } },
    };
  }
  if (kind === 'doorayNotify') return { ...defaultResult('doorayNotify', lookups), template: `[#{ticket.id}] ${headline}: #{ticket.subject} (#{ticket.assignee})` };
  return defaultResult(kind, lookups) as Result;
}
