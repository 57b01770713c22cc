/** The customer list's search in the URL hash, and the merge preview the customer page shows before a merge. */
import { describe, expect, it } from 'vitest';
import { customerQueryFromHash, hashOfCustomerQuery, mergePreview } from '../../studio/src/customers/query';

describe('the customer search in the hash', () => {
  it('survives the round trip and leaves out empty and unknown values', () => {
    const query = { name: '김민지', phone: '010-1234-5678', email: 'a+b@example.com' };
    expect(customerQueryFromHash(hashOfCustomerQuery(query))).toEqual(query);
    expect(hashOfCustomerQuery({ name: '  ' })).toBe('');
    expect(customerQueryFromHash('nickname=x&userKey=')).toEqual({});
  });
});

describe('the merge preview', () => {
  const kept = { name: '김민지', email: 'MINJI@example.com', phone: '010-1234-5678', userId: null, userKey: 'k1' };

  it('fills what the kept customer lacks, keeps differing values beside its own, and ignores equal or absent ones', () => {
    const merged = { name: '김민지', email: 'minji@example.com', phone: '01099998888', userId: 'minji', userKey: null };
    expect(mergePreview(kept, merged).map((row) => [row.field, row.outcome])).toEqual([
      ['name', 'same'],
      ['email', 'same'],
      ['phone', 'add'],
      ['userId', 'fill'],
      ['userKey', 'none'],
    ]);
  });

  it('compares phones by digits', () => {
    const merged = { name: null, email: null, phone: '01012345678', userId: null, userKey: null };
    expect(mergePreview(kept, merged).find((row) => row.field === 'phone')?.outcome).toBe('same');
  });
});
