/** Results: a new one of each type, and how each reads on the canvas. */
// The zod-only modules of rules/, not its index: the index also exports the json-rules-engine evaluator.
import { RESULT_KIND } from '../../../../../rules/model';
import { SUBSTITUTION_CODES } from '../../../../../rules/substitution';
import type { RuleLookups } from '../../context';
import { ASSIGN_STRATEGY_LABELS, NOTIFY_RECIPIENT_LABELS, PRIORITY_LABELS, RESULT_LABELS, type Label } from '../../../vocabulary';
import type { Result, ResultNodeData, ResultType } from './types';

/** Result types in the order the type picker offers them: state changes first, then side effects. */
export const RESULT_TYPES = Object.keys(RESULT_LABELS) as ResultType[];

export { RESULT_KIND, SUBSTITUTION_CODES };

/** A new result of a type, filled with the service's first group or intake type where one is needed. */
export function defaultResult(type: ResultType, lookups: Pick<RuleLookups, 'groups' | 'intakeTypes'>): Result {
  const groupId = lookups.groups?.[0]?.id ?? '';
  switch (type) {
    case 'assign':
      return { type, groupId, strategy: 'roundRobin' };
    case 'setIntakeType':
      return { type, intakeTypeId: lookups.intakeTypes?.find((option) => option.enabled)?.id ?? '' };
    case 'setPriority':
      return { type, priority: 'urgent' };
    case 'addTags':
    case 'removeTags':
      return { type, tags: [] };
    case 'forwardToGroup':
      return { type, groupId };
    case 'notifyEmail':
      return {
        type,
        to: 'assignee',
        messages: {
          ko: { subject: '[#{ticket.id}] #{ticket.subject}', body: '#{customer.name} 고객님의 문의가 배정되었습니다.\n#{ticket.url}' },
        },
      };
    case 'forwardEmail':
      return { type, to: [], thenComplete: false };
    case 'callbackUrl':
      return { type, url: 'https://', payloadTemplate: '{\n  "ticketId": "#{ticket.id}",\n  "subject": "#{ticket.subject}"\n}' };
    case 'doorayNotify':
      return { type, hookUrl: 'https://hook.dooray.com/services/', template: '[#{ticket.id}] #{ticket.subject} (#{ticket.priority})' };
  }
}

export const defaultResultData = (type: ResultType, lookups: Pick<RuleLookups, 'groups' | 'intakeTypes'>): ResultNodeData => ({
  result: defaultResult(type, lookups),
});

/** One line saying what the result does, with names for ids. */
export function summarize(result: Result, lookups: RuleLookups, t: (label: Label) => string): string {
  const group = (id: string) => (id ? lookups.groupName(id) : '…');
  switch (result.type) {
    case 'assign':
      return result.strategy === 'agent'
        ? `${group(result.groupId)} › ${result.agentId ? lookups.agentName(result.agentId) : '…'}`
        : `${group(result.groupId)} · ${t(ASSIGN_STRATEGY_LABELS[result.strategy])}`;
    case 'setIntakeType':
      return result.intakeTypeId ? lookups.categoryName(result.intakeTypeId) : '…';
    case 'setPriority':
      return t(PRIORITY_LABELS[result.priority]);
    case 'addTags':
    case 'removeTags':
      return result.tags.length ? result.tags.map((tag) => `#${tag}`).join(' ') : '…';
    case 'forwardToGroup':
      return group(result.groupId);
    case 'notifyEmail':
      return `→ ${t(NOTIFY_RECIPIENT_LABELS[result.to])} · ${Object.keys(result.messages).join(', ') || '…'}`;
    case 'forwardEmail':
      return `${result.to.join(', ') || '…'}${result.thenComplete ? ` · ${t({ en: 'then complete', ko: '전달 후 완료' })}` : ''}`;
    case 'callbackUrl':
      return `POST ${result.url}`;
    case 'doorayNotify':
      return result.hookUrl;
  }
}
