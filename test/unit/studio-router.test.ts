import { describe, expect, it } from 'vitest';
import { hrefFor, parseRoute } from '../../studio/src/router';

describe('studio routes', () => {
  it('opens the ticket a mailed #{ticket.url} link names, beside the list of all tickets', () => {
    expect(parseRoute('#/tickets/T1603851004648zfnA')).toEqual({ name: 'inbox', list: 'all', ticketId: 'T1603851004648zfnA' });
  });

  it('reads back every link it writes', () => {
    const route = { name: 'inbox', list: 'unassigned', ticketId: 'T1' } as const;
    expect(parseRoute(hrefFor(route))).toEqual(route);
  });

  it('falls back to the default list for an unknown address', () => {
    expect(parseRoute('#/nowhere')).toEqual({ name: 'inbox', list: 'mine_in_progress' });
  });
});
