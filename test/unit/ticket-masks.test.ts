/** The masking part of the ticket machine (개인정보 마스킹): what the update validator refuses before history. */
import { describe, expect, it } from 'vitest';
import type { MaskRequest } from '../../domain/masks';
import type { Actor } from '../../domain/people';
import type { TicketState } from '../../domain/ticket';
import { decide } from '../../workflows/ticket-machine';

const agent: Actor = { id: 'A1', role: 'agent', permissions: ['ticket'], groupIds: ['G1'] };
const base: TicketState = {
  id: 'T1',
  serviceId: 'S1',
  channel: 'created',
  status: 'resolved',
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
  customerFields: { note: '연락처 김민수 010', tier: 'gold', age: 40, resident_no: 'enc:v1:k1:abc' },
};
const note = (start: number, end: number, maskId = 'M1'): MaskRequest => ({ maskId, target: { kind: 'field', scope: 'customer', code: 'note' }, start, end });

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { type?: string }).type;
  }
  return null;
};

describe('masking in the ticket machine', () => {
  it('masks a field span in characters, records where and never what, and refuses it a second time', () => {
    const masked = decide(base, agent, { kind: 'mask', mask: note(4, 7) });
    expect(masked.next.customerFields?.note).toBe('연락처 *** 010');
    expect(masked.event).toBe('masked');
    expect(masked.changes).toEqual({ masked: [null, { maskId: 'M1', scope: 'customer', code: 'note', start: 4, end: 7 }] });
    expect(JSON.stringify(masked.changes)).not.toContain('김민수');
    expect(refusal(() => decide(masked.next, agent, { kind: 'mask', mask: note(6, 9, 'M2') }))).toBe('mask.already_masked');
    expect(decide(masked.next, agent, { kind: 'mask', mask: note(7, 8, 'M2') }).next.customerFields?.note).toBe('연락처 ****010');
  });

  it('refuses spans outside the value, values that are not plain text, and closed tickets', () => {
    expect(refusal(() => decide(base, agent, { kind: 'mask', mask: note(4, 12) }))).toBe('mask.out_of_range');
    expect(refusal(() => decide(base, agent, { kind: 'mask', mask: { ...note(0, 1), target: { kind: 'field', scope: 'agent', code: 'missing' } } }))).toBe(
      'mask.out_of_range',
    );
    for (const code of ['age', 'resident_no']) {
      expect(refusal(() => decide(base, agent, { kind: 'mask', mask: { ...note(0, 1), target: { kind: 'field', scope: 'customer', code } } }))).toBe('mask.not_text');
    }
    expect(refusal(() => decide({ ...base, status: 'closed' }, agent, { kind: 'mask', mask: note(0, 1) }))).toBe('ticket.closed');
  });

  it('refuses a message span it masked before, and forgets a field’s masks when an edit replaces the value', () => {
    const message = { maskId: 'M1', target: { kind: 'message' as const, seq: 2 }, start: 0, end: 4 };
    const masked = decide(base, agent, { kind: 'mask', mask: message }).next;
    expect(refusal(() => decide(masked, agent, { kind: 'mask', mask: { ...message, maskId: 'M2', start: 3 } }))).toBe('mask.already_masked');

    const noted = decide(base, agent, { kind: 'mask', mask: note(4, 7) }).next;
    const edited = decide(noted, agent, { kind: 'edit', edit: { customerFields: { note: '연락처 이지우 010' } } }).next;
    expect(decide(edited, agent, { kind: 'mask', mask: note(4, 7, 'M3') }).next.customerFields?.note).toBe('연락처 *** 010');
  });
});
