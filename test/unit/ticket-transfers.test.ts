import { describe, expect, it } from 'vitest';
import type { Actor } from '../../domain/people';
import type { TicketState } from '../../domain/ticket';
import { decide } from '../../workflows/ticket-machine';
import { doorayTaskCreated, doorayTaskMoved, doorayTransferFailed, issueAnswered } from '../../workflows/ticket-transfers';

const agent: Actor = { id: 'A1', role: 'agent', permissions: ['ticket'], groupIds: ['G1'] };
const base: TicketState = {
  id: 'T1',
  serviceId: 'S1',
  channel: 'created',
  status: 'in_progress',
  priority: 'normal',
  subject: 's',
  groupId: 'G1',
  assigneeId: 'A1',
  resolutionTypeId: null,
  intakeTypeId: null,
  tags: [],
  evaluations: 0,
  seq: 3,
  deleted: false,
};
const request = { transferId: 'DT1', projectId: 'DP1', createdAsMemberId: 'm', subject: 's', body: 'b', mimeType: 'text/x-markdown' as const, tagIds: [], assignees: [], callTimeoutMs: 1000 };

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { type?: string }).type;
  }
  return null;
};

describe('the transfer part of the ticket machine', () => {
  it('keeps the ticket working until the task exists, then follows the task forward only', () => {
    const requested = decide(base, agent, { kind: 'transfer_dooray', request }).next;
    expect(requested.status).toBe('in_progress');
    expect(refusal(() => decide(requested, agent, { kind: 'transfer_dooray', request: { ...request, transferId: 'DT2' } }))).toBe('ticket.transfer_pending');

    // A `working` delivered before Dooray's answer reached us is remembered and applied on creation.
    const early = doorayTaskMoved(requested, { transferId: 'DT1', taskClass: 'working', name: '진행 중' })!.next;
    expect(early.status).toBe('in_progress');
    const created = doorayTaskCreated(early, { transferId: 'DT1', postId: 'p1', taskNumber: 1 })!.next;
    expect(created.status).toBe('dooray_in_progress');
    expect(doorayTaskCreated(created, { transferId: 'DT1', postId: 'p1', taskNumber: 1 })).toBeNull();

    const closed = doorayTaskMoved(created, { transferId: 'DT1', taskClass: 'closed', name: null })!.next;
    expect(closed.status).toBe('dooray_answered');
    expect(doorayTaskMoved(closed, { transferId: 'DT1', taskClass: 'working', name: null })).toBeNull();
    expect(doorayTaskMoved(closed, { transferId: 'DT1', taskClass: 'closed', name: null })).toBeNull();
    expect(doorayTaskMoved(closed, { transferId: 'DT-other', taskClass: 'closed', name: null })).toBeNull();

    // Answered, it may be transferred again.
    expect(decide(closed, agent, { kind: 'transfer_dooray', request: { ...request, transferId: 'DT2' } }).next.transfer).toMatchObject({ id: 'DT2', postId: null });
  });

  it('ends a refused transfer without touching the status, and ignores failures of a transfer that has a task', () => {
    const requested = decide(base, agent, { kind: 'transfer_dooray', request }).next;
    const failed = doorayTransferFailed(requested, { transferId: 'DT1', reason: '403' })!;
    expect(failed.next).toMatchObject({ status: 'in_progress', transfer: null });
    const created = doorayTaskCreated(requested, { transferId: 'DT1', postId: 'p', taskNumber: null })!.next;
    expect(doorayTransferFailed(created, { transferId: 'DT1', reason: 'late' })).toBeNull();
  });

  it('refuses transfers of tickets that are not being worked by the actor', () => {
    expect(refusal(() => decide({ ...base, assigneeId: null, status: 'unassigned' }, agent, { kind: 'transfer_dooray', request }))).toBe('ticket.not_assigned');
    expect(refusal(() => decide({ ...base, status: 'resolved' }, agent, { kind: 'transfer_dooray', request }))).toBe('ticket.invalid_transition');
    expect(refusal(() => decide({ ...base, assigneeId: 'A2' }, agent, { kind: 'transfer_dooray', request }))).toBe('ticket.not_assignee');
    expect(refusal(() => decide({ ...base, status: 'closed' }, agent, { kind: 'transfer_dooray', request }))).toBe('ticket.closed');
    expect(refusal(() => decide(base, { ...agent, kind: 'api_client' }, { kind: 'transfer_dooray', request }))).toBe('ticket.api_client_forbidden');
  });

  it('answers an issue transfer once the issue side resolves, and only for the current transfer', () => {
    const issueRequest = {
      transferId: 'IT1', issueTicketId: 'T2', serviceId: 'S2', intakeTypeId: null, subject: 's', content: 'c', fields: {}, creatorId: 'A1',
      customer: { id: 'U1', name: null, email: null, phone: null, userId: null }, at: '2026-01-01T00:00:00Z',
    };
    const transferred = decide(base, agent, { kind: 'transfer_issue', request: issueRequest }).next;
    expect(transferred.status).toBe('issue_transferred');
    expect(issueAnswered(transferred, { transferId: 'IT-other', issueTicketId: 'T9', status: 'resolved', body: null })).toBeNull();
    const answered = issueAnswered(transferred, { transferId: 'IT1', issueTicketId: 'T2', status: 'on_hold', body: '확인 중' })!;
    expect(answered.next.status).toBe('issue_answered');
    expect(answered.message).toEqual({ kind: 'internal_note', body: '[T2 · on_hold]\n확인 중' });
    // A later answer (held, then resolved) is shown without another status change.
    expect(issueAnswered(answered.next, { transferId: 'IT1', issueTicketId: 'T2', status: 'resolved', body: null })!.changes.status).toBeUndefined();
  });
});
