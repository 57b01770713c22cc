import { describe, expect, it } from 'vitest';
import { SLA_RESULT_TYPES, SlaResult, matchPolicy } from '../../../rules/sla-policies';

const policy = (id: string, priority: string | null, intakeTypeId: string | null) => ({ id, priority, intakeTypeId });

describe('matchPolicy', () => {
  const policies = [
    policy('urgent-refund', 'urgent', 'billing.refund'),
    policy('any-billing', null, 'billing'),
    policy('urgent', 'urgent', null),
    policy('fallback', null, null),
  ];

  it('takes the first policy whose priority and intake subtree both match', () => {
    const match = (priority: string, intakeTypePath: string[]) => matchPolicy(policies, { priority, intakeTypePath })?.id;
    expect(match('urgent', ['billing', 'billing.refund'])).toBe('urgent-refund');
    expect(match('high', ['billing', 'billing.refund'])).toBe('any-billing');
    expect(match('urgent', ['billing'])).toBe('any-billing');
    expect(match('urgent', ['account'])).toBe('urgent');
    expect(match('low', [])).toBe('fallback');
  });

  it('matches none when no policy fits', () => {
    expect(matchPolicy(policies.slice(0, 2), { priority: 'low', intakeTypePath: ['account'] })).toBeNull();
    expect(matchPolicy([], { priority: 'low', intakeTypePath: [] })).toBeNull();
  });
});

describe('SlaResult', () => {
  it('accepts the results a policy may run and names them when refusing another', () => {
    expect(SLA_RESULT_TYPES).toEqual([
      'notifyEmail',
      'assign',
      'forwardToGroup',
      'setPriority',
      'addTags',
      'callbackUrl',
      'doorayNotify',
    ]);
    expect(SlaResult.safeParse({ type: 'setPriority', priority: 'urgent' }).success).toBe(true);
    const refused = SlaResult.safeParse({ type: 'removeTags', tags: ['vip'] });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0].message).toBe(
      'an SLA policy result must be one of notifyEmail, assign, forwardToGroup, setPriority, addTags, callbackUrl, doorayNotify',
    );
  });
});
