/** A new result node and how each result type is named and summarised on the canvas. */
import type { Result, ResultNodeData } from './types';

export const defaultResultData = (order: number): ResultNodeData => ({
  order,
  result: { type: 'assign', groupId: '', strategy: 'roundRobin' },
});

export const RESULT_LABELS: Record<Result['type'], string> = {
  assign: 'Assign · 배정',
  setIntakeType: 'Set intake type · 접수유형 지정',
  setPriority: 'Set priority · 우선순위 지정',
  addTags: 'Add tags · 태그 추가',
  removeTags: 'Remove tags · 태그 삭제',
  forwardToGroup: 'Forward to group · 그룹 전달',
  notifyEmail: 'Notify by email · 메일 알림',
  forwardEmail: 'Forward by email · 외부 전달',
  callbackUrl: 'Callback URL · 콜백 URL',
  doorayNotify: 'Dooray! message · 두레이 알림',
};

const STRATEGIES = { random: 'random (임의배분)', roundRobin: 'round-robin (순차배분)', agent: 'named agent', leastLoaded: 'least loaded' } as const;

/** One line describing what the result does. */
export function summarize(result: Result): string {
  switch (result.type) {
    case 'assign':
      return result.strategy === 'agent' && result.agentId
        ? `to ${result.agentId} in ${result.groupId || '…'}`
        : `in ${result.groupId || '…'}, ${STRATEGIES[result.strategy]}`;
    case 'setIntakeType':
      return result.intakeTypeId;
    case 'setPriority':
      return result.priority;
    case 'addTags':
    case 'removeTags':
      return result.tags.map((tag) => `#${tag}`).join(' ');
    case 'forwardToGroup':
      return result.groupId;
    case 'notifyEmail':
      return `to the ${result.to} · ${Object.keys(result.messages).join(', ')}`;
    case 'forwardEmail':
      return `${result.to.join(', ')}${result.thenComplete ? ', then complete' : ''}`;
    case 'callbackUrl':
      return result.url;
    case 'doorayNotify':
      return result.hookUrl;
  }
}

export { STRATEGIES };
