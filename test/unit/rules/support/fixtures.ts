/** Hand-written fixtures: a valid trigger and ticket to derive each test's case from. */
import type { TicketFacts, TicketSnapshot, Trigger } from '../../../../rules';

/** The bank-transfer example (docs/domain.md#example-bank-transfer): intake type = bank transfer → assign to agent 예시01 in group 결제. */
export function bankTransferTrigger(overrides: Partial<Trigger> = {}): Trigger {
  return {
    id: 'trg-bank-transfer',
    title: '계좌이체 문의는 결제 그룹 예시01에게',
    enabled: true,
    position: 0,
    events: ['created'],
    conditions: { all: [{ field: 'intakeType', operator: 'equals', value: 'it-bank-transfer' }], any: [] },
    results: [{ type: 'assign', groupId: 'grp-payment', strategy: 'agent', agentId: 'agt-example01' }],
    ...overrides,
  };
}

/** A ticket fresh from the help centre, unassigned. */
export function snapshot(overrides: Partial<TicketSnapshot> = {}): TicketSnapshot {
  return {
    id: 'T1603851004648zfnA',
    status: 'unassigned',
    channel: 'help_center_pc',
    priority: 'normal',
    intakeTypeId: 'it-bank-transfer',
    intakeTypePath: ['it-payment', 'it-bank-transfer'],
    resolutionTypeId: null,
    groupId: null,
    assigneeId: null,
    subject: '계좌이체 환불 요청',
    content: 'Refund please, order 1234',
    tags: ['vip'],
    customerEmail: 'kim@example.com',
    customerPhone: null,
    customerFields: { plan: 'premium', age: 41 },
    agentFields: {},
    withinBusinessHours: true,
    createdAt: '2024-03-01T09:00:00+09:00',
    updatedAt: '2024-03-01T09:00:00+09:00',
    ...overrides,
  };
}

/** A creation event for the given ticket. */
export function created(ticket: TicketSnapshot = snapshot()): TicketFacts {
  return { event: 'created', ticket, previous: null };
}

/** An update event from `previous` to `ticket`. */
export function updated(previous: TicketSnapshot, ticket: TicketSnapshot): TicketFacts {
  return { event: 'updated', ticket, previous };
}
