/**
 * The sample trigger the preview opens with, from the Online Contact manual: bank-transfer inquiries go
 * to agent 예시01 in group 결제, who is then told by email. Plain JSON, as it would be stored.
 */
import type { Edge } from '@xyflow/react';
import type { TriggerNode } from '../../nodes';

export const sampleNodes: TriggerNode[] = [
  {
    id: 'when',
    type: 'condition',
    position: { x: 0, y: 40 },
    data: {
      title: '결제 문의 자동 배정',
      events: ['created'],
      conditions: {
        all: [{ field: 'intakeType', operator: 'equals', value: '계좌이체 (bank transfer)' }],
        any: [
          { field: 'priority', operator: 'equals', value: 'high' },
          { field: 'priority', operator: 'equals', value: 'urgent' },
        ],
      },
    },
  },
  {
    id: 'assign',
    type: 'result',
    position: { x: 380, y: 0 },
    data: { order: 1, result: { type: 'assign', groupId: '결제', strategy: 'agent', agentId: '예시01' } },
  },
  {
    id: 'notify',
    type: 'result',
    position: { x: 380, y: 150 },
    data: {
      order: 2,
      result: {
        type: 'notifyEmail',
        to: 'assignee',
        messages: { ko: { subject: '[#{ticket.id}] 결제 문의가 배정되었습니다', body: '#{customer.name} 고객님의 문의를 확인해 주세요.' } },
      },
    },
  },
];

export const sampleEdges: Edge[] = [
  { id: 'when-assign', source: 'when', target: 'assign', animated: true },
  { id: 'when-notify', source: 'when', target: 'notify', animated: true },
];
