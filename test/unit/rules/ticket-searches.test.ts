/** What a text typed into the simulator's ticket picker is searched as. */
import { describe, expect, it } from 'vitest';
import { ticketSearches } from '../../../studio/src/rules/ticket-searches';

describe('searching for a ticket to simulate on', () => {
  it('looks a text up as a subject or content and as a customer name', () => {
    expect(ticketSearches('  환불 ')).toEqual([{ text: '환불' }, { customerName: '환불' }]);
  });

  it('also as a customer email when it has an @, and first as a ticket id when it looks like one', () => {
    expect(ticketSearches('hong@example.com')).toEqual([{ text: 'hong@example.com' }, { customerName: 'hong@example.com' }, { customerEmail: 'hong@example.com' }]);
    expect(ticketSearches('T1603851004648zfnA')).toEqual([{ ticketId: 'T1603851004648zfnA' }, { text: 'T1603851004648zfnA' }, { customerName: 'T1603851004648zfnA' }]);
  });

  it('asks nothing for blank text', () => {
    expect(ticketSearches('   ')).toEqual([]);
  });
});
