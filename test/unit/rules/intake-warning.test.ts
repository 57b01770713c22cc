import { describe, expect, it } from 'vitest';
import { parentTypesNamedExactly } from '../../../studio/src/rules/nodes/condition/intake-warning';
import { conditionTarget } from '../../../rules/targets';

const types = [
  { id: 'pay', name: '결제', path: '결제', depth: 0, enabled: true },
  { id: 'card', name: '카드결제', path: '결제 › 카드결제', depth: 1, enabled: true },
  { id: 'ship', name: '배송', path: '배송', depth: 0, enabled: true },
];

describe('intake type conditions in the studio', () => {
  it('offers "is within" first, so a new intake-type row matches the sub-types tickets carry', () => {
    expect(conditionTarget('intakeType')?.operators[0]).toBe('withinSubtree');
  });

  it('warns when a row names a type with sub-types exactly', () => {
    expect(parentTypesNamedExactly({ field: 'intakeType', operator: 'equals', value: 'pay' }, types).map((type) => type.id)).toEqual(['pay']);
    expect(parentTypesNamedExactly({ field: 'intakeType', operator: 'in', value: ['card', 'pay', 'ship'] }, types).map((type) => type.id)).toEqual(['pay']);
  });

  it('stays quiet for leaves, for "is within" and for other fields', () => {
    expect(parentTypesNamedExactly({ field: 'intakeType', operator: 'equals', value: 'card' }, types)).toEqual([]);
    expect(parentTypesNamedExactly({ field: 'intakeType', operator: 'withinSubtree', value: 'pay' }, types)).toEqual([]);
    expect(parentTypesNamedExactly({ field: 'resolutionType', operator: 'equals', value: 'pay' }, types)).toEqual([]);
  });
});
