/** The studio's pure helpers for fields and reply templates: order, inheritance by intake type, codes, sizes. */
import { describe, expect, it } from 'vitest';
import { customerFieldsFor, formatBytes, intakeTypeLineage, labelOf, moveChanges } from '../../studio/src/fields/model';
import { fieldCodes, insertCode, REPLY_TEMPLATE_CODES } from '../../studio/src/templates/codes';

describe('field order', () => {
  it('renumbers fields that all sit at position 0 when one moves', () => {
    const fields = [
      { id: 'a', position: 0 },
      { id: 'b', position: 0 },
      { id: 'c', position: 0 },
    ];
    expect(moveChanges(fields, 2, -1)).toEqual([
      { id: 'c', position: 1 },
      { id: 'b', position: 2 },
    ]);
  });

  it('swaps neighbours and changes nothing else when positions are already in order', () => {
    const fields = [
      { id: 'a', position: 0 },
      { id: 'b', position: 1 },
      { id: 'c', position: 2 },
    ];
    expect(moveChanges(fields, 0, 1)).toEqual([
      { id: 'b', position: 0 },
      { id: 'a', position: 1 },
    ]);
  });

  it('does nothing past either end', () => {
    const fields = [{ id: 'a', position: 0 }];
    expect(moveChanges(fields, 0, -1)).toEqual([]);
    expect(moveChanges(fields, 0, 1)).toEqual([]);
  });
});

describe('customer fields by intake type', () => {
  // 결제 › 카드결제 › 환불, and 배송 beside it, flattened depth-first as the category tree lists them.
  const types = [
    { id: 'pay', depth: 1 },
    { id: 'card', depth: 2 },
    { id: 'refund', depth: 3 },
    { id: 'delivery', depth: 1 },
  ];

  it('finds an intake type’s ancestors from the flattened tree', () => {
    expect(intakeTypeLineage(types, 'refund')).toEqual(['refund', 'card', 'pay']);
    expect(intakeTypeLineage(types, 'delivery')).toEqual(['delivery']);
    expect(intakeTypeLineage(types, '')).toEqual([]);
  });

  it('asks for fields of every type, of the type and inherited from its ancestors', () => {
    const fields = [
      { code: 'always', scope: 'customer', intakeTypeId: null },
      { code: 'payment', scope: 'customer', intakeTypeId: 'pay' },
      { code: 'shipping', scope: 'customer', intakeTypeId: 'delivery' },
      { code: 'followUp', scope: 'agent', intakeTypeId: null },
    ];
    expect(customerFieldsFor(fields, intakeTypeLineage(types, 'refund')).map((field) => field.code)).toEqual(['always', 'payment']);
    expect(customerFieldsFor(fields, []).map((field) => field.code)).toEqual(['always']);
  });
});

describe('labels and sizes', () => {
  it('shows the reader’s language, else English, else any', () => {
    expect(labelOf({ en: 'Order', ko: '주문' }, 'ko')).toBe('주문');
    expect(labelOf({ en: 'Order' }, 'ko')).toBe('Order');
    expect(labelOf({ ja: '注文' }, 'ko')).toBe('注文');
  });

  it('formats file sizes', () => {
    expect(formatBytes(512, 'en')).toBe('512 B');
    expect(formatBytes(1536, 'en')).toBe('1.5 KB');
    expect(formatBytes(10 * 1024 * 1024, 'en')).toBe('10 MB');
  });
});

describe('reply template codes', () => {
  it('offers the fixed codes, the agent’s name and the service’s fields', () => {
    expect(REPLY_TEMPLATE_CODES).toContain('customer.name');
    expect(REPLY_TEMPLATE_CODES).toContain('agent.name');
    expect(fieldCodes([{ scope: 'customer', code: 'orderNo' }, { scope: 'agent', code: 'followUp' }])).toEqual([
      'customerField.orderNo',
      'agentField.followUp',
    ]);
  });

  it('inserts a code in place of the selection and puts the cursor after it', () => {
    expect(insertCode('Hello , thanks', 6, 6, 'customer.name')).toEqual({ text: 'Hello #{customer.name}, thanks', cursor: 22 });
    expect(insertCode('Dear NAME', 5, 9, 'customer.name')).toEqual({ text: 'Dear #{customer.name}', cursor: 21 });
  });
});
