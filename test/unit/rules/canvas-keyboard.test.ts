import { describe, expect, it } from 'vitest';
import { triggerToGraph } from '../../../rules/graph';
import type { Trigger } from '../../../rules';
import { neighbourOf, type NavigationKey } from '../../../studio/src/rules/navigation';
import { insertPlace } from '../../../studio/src/rules/palette/place';
import { PALETTE_ITEMS, searchPalette, type PaletteItem } from '../../../studio/src/rules/palette/items';

const high = { field: 'priority', operator: 'equals', value: 'high' } as const;
const email = { field: 'channel', operator: 'equals', value: 'email' } as const;
const vip = { field: 'tags', operator: 'contains', value: 'vip' } as const;

/** all[ high, any[ email, not[ vip ] ] ], any[ vip ] → two results. */
const nested: Trigger = {
  id: 'R-keys',
  title: 'Keys',
  enabled: true,
  position: 0,
  events: ['created'],
  conditions: { all: [high, { any: [email, { not: vip }] }], any: [vip] },
  results: [
    { type: 'addTags', tags: ['a'] },
    { type: 'setPriority', priority: 'urgent' },
  ],
};
const graph = triggerToGraph(nested);

describe('moving between nodes with the keyboard', () => {
  const walk = (from: string, ...keys: NavigationKey[]) =>
    keys.reduce<string | undefined>((at, key) => (at === undefined ? undefined : neighbourOf(graph.nodes, graph.edges, at, key)), from);

  it('goes right where a node flows, left back to what flows in, up and down among its siblings', () => {
    expect(walk('condition-all-1-any-1-not', 'right')).toBe('group-all-1-any-1');
    expect(walk('condition-all-1-any-1-not', 'right', 'right', 'right')).toBe('trigger');
    expect(walk('trigger', 'right')).toBe('result-0');
    expect(walk('result-0', 'down')).toBe('result-1');
    expect(walk('result-1', 'down')).toBeUndefined();
    expect(walk('result-1', 'left')).toBe('trigger');
    expect(walk('trigger', 'left')).toBe('condition-all-0');
    expect(walk('condition-all-0', 'down', 'down')).toBe('condition-any-0');
    expect(walk('condition-all-0', 'up')).toBeUndefined();
    expect(walk('group-all-1', 'left', 'down', 'left')).toBe('condition-all-1-any-1-not');
    expect(walk('condition-all-0', 'left')).toBeUndefined();
  });

  it('tabs through every node once: conditions top to bottom (each group before its entries), the trigger, the results', () => {
    const order = ['condition-all-0'];
    for (let at = neighbourOf(graph.nodes, graph.edges, 'condition-all-0', 'next'); at; at = neighbourOf(graph.nodes, graph.edges, at, 'next')) order.push(at);
    expect(order).toEqual([
      'condition-all-0',
      'group-all-1',
      'condition-all-1-any-0',
      'group-all-1-any-1',
      'condition-all-1-any-1-not',
      'condition-any-0',
      'trigger',
      'result-0',
      'result-1',
    ]);
    expect(neighbourOf(graph.nodes, graph.edges, 'trigger', 'previous')).toBe('condition-any-0');
  });
});

describe('where the palette inserts', () => {
  const place = (aimedAt: string | null) => insertPlace(graph.nodes, graph.edges, aimedAt);

  it('into the group aimed at, beside the row aimed at, and at the top level otherwise', () => {
    expect(place('group-all-1')).toEqual({ parentId: 'group-all-1', list: 'all' });
    expect(place('condition-all-1-any-0')).toEqual({ parentId: 'group-all-1', list: 'all' });
    expect(place('condition-any-0')).toEqual({ list: 'any' });
    expect(place('condition-all-0')).toEqual({ list: 'all' });
    expect(place('trigger')).toEqual({ list: 'all' });
    expect(place('result-1')).toEqual({ list: 'all' });
    expect(place(null)).toEqual({ list: 'all' });
  });

  it('beside a Not group that already negates something, never into it', () => {
    expect(place('group-all-1-any-1')).toEqual({ parentId: 'group-all-1', list: 'all' });
    expect(place('condition-all-1-any-1-not')).toEqual({ parentId: 'group-all-1', list: 'all' });
    const emptied = { nodes: graph.nodes.filter((node) => node.id !== 'condition-all-1-any-1-not'), edges: graph.edges.filter((edge) => edge.source !== 'condition-all-1-any-1-not') };
    expect(insertPlace(emptied.nodes, emptied.edges, 'group-all-1-any-1')).toEqual({ parentId: 'group-all-1-any-1', list: 'all' });
  });
});

describe('the palette', () => {
  const names: Record<string, readonly string[]> = {
    'field:status': ['Status', '상태', 'Ticket fields', '티켓 필드'],
    'field:customerEmail': ['Customer email', '고객 이메일', 'Customer', '고객'],
    'group:any': ['Any of these', '하나 이상 만족', 'Groups', '조건 묶음'],
    'result:addTags': ['Add tags', '태그 추가', 'Results: changes', '결과: 변경'],
  };
  const namesOf = (item: PaletteItem) => names[item.id] ?? [item.id];
  const ids = (query: string) => searchPalette(PALETTE_ITEMS, query, namesOf).map((item) => item.id);

  it('offers every field, group kind and result type, fields first', () => {
    expect(PALETTE_ITEMS.filter((item) => item.kind === 'group').map((item) => item.id)).toEqual(['group:all', 'group:any', 'group:not']);
    expect(PALETTE_ITEMS.filter((item) => item.kind === 'result')).toHaveLength(10);
    expect(PALETTE_ITEMS.map((item) => item.id)).toContain('field:customerField');
    expect(PALETTE_ITEMS.findIndex((item) => item.kind === 'result')).toBeGreaterThan(PALETTE_ITEMS.findIndex((item) => item.kind === 'group'));
    expect(new Set(PALETTE_ITEMS.map((item) => item.id)).size).toBe(PALETTE_ITEMS.length);
  });

  it('finds entries by any of their names, in English or Korean, every word of the query', () => {
    expect(ids('상태')).toEqual(['field:status']);
    expect(ids('  STATUS ')).toEqual(['field:status']);
    expect(ids('고객')).toEqual(['field:customerEmail']);
    expect(ids('any of')).toEqual(['group:any']);
    expect(ids('태그 추가')).toEqual(['result:addTags']);
    expect(ids('add nothing')).toEqual([]);
    expect(ids('')).toHaveLength(PALETTE_ITEMS.length);
  });
});
