/** The advanced search's query: kept in the URL hash, sent as the API's search, read back from saved defaults. */
import { describe, expect, it } from 'vitest';
import { EMPTY_QUERY, hashOfQuery, queryFromHash, queryOfDefaults, refusedInputs, searchOf, type TicketQuery } from '../../studio/src/search/query';

const full: TicketQuery = {
  serviceId: 'S1',
  createdFrom: '2026-03-01',
  createdTo: '2026-03-31',
  subject: '배송 지연',
  customerPhone: '010-1234-5678',
  priority: ['urgent', 'high'],
  tags: ['vip', 'a&b'],
  important: false,
  fields: { order_no: 'A-100' },
  sort: 'priority',
  direction: 'asc',
};

describe('the search query in the hash', () => {
  it('survives the round trip, Korean text, repeated values and field codes included', () => {
    expect(queryFromHash(hashOfQuery(full))).toEqual(full);
  });

  it('leaves out empty values and the default order', () => {
    expect(hashOfQuery({ ...EMPTY_QUERY, subject: '  ', priority: [], fields: { code: '' } })).toBe('');
    expect(queryFromHash('')).toEqual(EMPTY_QUERY);
  });

  it('ignores what it does not know: a bad sort, a malformed date, an empty field code', () => {
    expect(queryFromHash('sort=name&direction=up&createdFrom=yesterday&f.=x&important=maybe')).toEqual(EMPTY_QUERY);
  });
});

describe('the search the API reads', () => {
  it('turns inclusive days into the start of the first day and the start of the day after the last', () => {
    const search = searchOf(full);
    expect(search).toEqual({
      serviceId: 'S1',
      sort: 'priority',
      direction: 'asc',
      conditions: {
        createdFrom: new Date(2026, 2, 1).toISOString(),
        createdTo: new Date(2026, 3, 1).toISOString(),
        subject: '배송 지연',
        customerPhone: '010-1234-5678',
        priority: ['urgent', 'high'],
        tags: ['vip', 'a&b'],
        important: false,
        fields: { order_no: 'A-100' },
      },
    });
  });

  it('reads saved defaults back as the same query', () => {
    const { serviceId: _service, ...withoutService } = full;
    const saved = searchOf(withoutService);
    expect(queryOfDefaults({ conditions: saved.conditions, sort: saved.sort, direction: saved.direction })).toEqual(withoutService);
  });
});

describe('refusals named per input', () => {
  it('blames the end date for a reversed range', () => {
    expect(refusedInputs('search.invalid_range', { createdFrom: 'x', createdTo: 'y' })).toEqual({ createdTo: 'search.invalid_range' });
  });

  it('names unknown or encrypted fields and the paths of malformed values', () => {
    expect(refusedInputs('search.encrypted_field', { fields: ['fields.rrn'] })).toEqual({ 'fields.rrn': 'search.encrypted_field' });
    expect(refusedInputs('search.unknown_field', { fields: ['conditions.priorty'] })).toEqual({ priorty: 'search.unknown_field' });
    expect(
      refusedInputs('request.invalid', {
        issues: [
          { path: ['conditions', 'customerPhone'], code: 'invalid_format' },
          { path: ['conditions', 'tags', 0], code: 'too_big' },
        ],
      }),
    ).toEqual({ customerPhone: 'shape.invalid_format', tags: 'shape.too_big' });
  });

  it('names nothing for refusals that are not about an input', () => {
    expect(refusedInputs('ticket.forbidden', { serviceId: 'S1' })).toEqual({});
  });
});
