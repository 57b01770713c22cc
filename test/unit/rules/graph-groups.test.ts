/** Condition groups on the canvas: drawn as nodes joined by edges, read back nested, edited as the studio does. */
import { describe, expect, it } from 'vitest';
import {
  addNode,
  graphToTrigger,
  issueTarget,
  moveNode,
  readGraph,
  removeNode,
  triggerToGraph,
  TRIGGER_NODE_ID,
  type GraphLike,
} from '../../../rules/graph';
import { parseTrigger, type ConditionEntry, type Trigger } from '../../../rules';
import { bankTransferTrigger } from './support/fixtures';

const baseOf = (trigger: Trigger) => ({ id: trigger.id, position: trigger.position });
const high: ConditionEntry = { field: 'priority', operator: 'equals', value: 'high' };
const email: ConditionEntry = { field: 'channel', operator: 'equals', value: 'email' };
const vip: ConditionEntry = { field: 'tags', operator: 'contains', value: 'vip' };
/** all[ priority is high, any[ channel is email, not[ tags contain vip ] ] ] */
const nested = bankTransferTrigger({ conditions: { all: [high, { any: [email, { not: vip }] }], any: [] } });

const issueCodes = (graph: GraphLike) => {
  const reading = readGraph(graph, baseOf(nested));
  return reading.ok ? [] : reading.issues.map(({ code, nodeId }) => ({ code, nodeId }));
};

describe('groups on the canvas', () => {
  it('draws each group as a node its entries are joined to, left of it', () => {
    const graph = triggerToGraph(nested);
    expect(graph.nodes.map(({ id, type }) => `${type}:${id}`)).toEqual([
      'trigger:trigger',
      'condition:condition-all-0',
      'group:group-all-1',
      'condition:condition-all-1-any-0',
      'group:group-all-1-any-1',
      'condition:condition-all-1-any-1-not',
      'result:result-0',
    ]);
    expect(graph.edges.map(({ source, target }) => `${source}->${target}`)).toContain('condition-all-1-any-1-not->group-all-1-any-1');
    const x = (id: string) => graph.nodes.find((node) => node.id === id)!.position.x;
    expect(x('condition-all-1-any-1-not')).toBeLessThan(x('group-all-1-any-1'));
    expect(x('group-all-1-any-1')).toBeLessThan(x('group-all-1'));
    expect(graphToTrigger(graph, baseOf(nested))).toStrictEqual(nested);
  });

  it('points issues at the innermost node their path names', () => {
    const reading = readGraph(triggerToGraph(nested), baseOf(nested));
    if (!reading.ok) throw new Error('expected the graph to read');
    expect(issueTarget(reading.placement, ['conditions', 'all', 1, 'any', 1, 'not', 'value'])).toStrictEqual({
      nodeId: 'condition-all-1-any-1-not',
      field: ['value'],
    });
    expect(issueTarget(reading.placement, ['conditions', 'all', 1])).toStrictEqual({ nodeId: 'group-all-1', field: [] });
    const emptied = parseTrigger({ ...nested, conditions: { all: [high, { any: [] }], any: [] } });
    if (emptied.ok) throw new Error('expected an empty group to be refused');
    expect(issueTarget(reading.placement, emptied.issues[0].path)).toStrictEqual({ nodeId: 'group-all-1', field: [] });
  });

  it('adds a row or a group inside a group, at its end', () => {
    const graph = triggerToGraph(nested);
    const withRow = addNode(graph, { id: 'row-new', type: 'condition', position: { x: 0, y: 0 }, data: { group: 'all', row: high } }, 'group-all-1');
    const withGroup = addNode(withRow, { id: 'group-new', type: 'group', position: { x: 0, y: 0 }, data: { group: 'all', kind: 'all' } }, 'group-all-1');
    const filled = addNode(withGroup, { id: 'row-inner', type: 'condition', position: { x: 0, y: 0 }, data: { group: 'all', row: email } }, 'group-new');
    expect(graphToTrigger(filled, baseOf(nested)).conditions).toStrictEqual({
      all: [high, { any: [email, { not: vip }, high, { all: [email] }] }],
      any: [],
    });
  });

  it('changes a group by its data, moves entries within their group, and removes a group with its contents', () => {
    const graph = triggerToGraph(nested);
    const asAll = { ...graph, nodes: graph.nodes.map((node) => (node.type === 'group' && node.id === 'group-all-1' ? { ...node, data: { ...node.data, kind: 'all' as const } } : node)) };
    expect(graphToTrigger(asAll, baseOf(nested)).conditions.all[1]).toStrictEqual({ all: [email, { not: vip }] });

    const moved = moveNode(graph.nodes, 'group-all-1-any-1', -1, graph.edges);
    expect(graphToTrigger({ nodes: moved, edges: graph.edges }, baseOf(nested)).conditions.all[1]).toStrictEqual({ any: [{ not: vip }, email] });

    const without = removeNode(graph, 'group-all-1');
    expect(without.nodes.map((node) => node.id)).toEqual(['trigger', 'condition-all-0', 'result-0']);
    expect(graphToTrigger(without, baseOf(nested)).conditions).toStrictEqual({ all: [high], any: [] });
  });

  it('refuses a Not group of two entries, an entry joined twice, and a group inside itself', () => {
    const graph = triggerToGraph(nested);
    const twoUnderNot = { ...graph, edges: graph.edges.map((edge) => (edge.source === 'condition-all-1-any-0' ? { ...edge, target: 'group-all-1-any-1' } : edge)) };
    expect(issueCodes(twoUnderNot)).toEqual([{ code: 'graph.not_single', nodeId: 'group-all-1-any-1' }]);

    const joinedTwice = { ...graph, edges: [...graph.edges, { id: 'again', source: 'condition-all-0', target: 'group-all-1' }] };
    expect(issueCodes(joinedTwice)).toEqual([{ code: 'graph.condition_joined_twice', nodeId: 'condition-all-0' }]);

    const cycle = {
      ...graph,
      edges: graph.edges.map((edge) => (edge.source === 'group-all-1' ? { ...edge, id: 'loop', target: 'group-all-1-any-1' } : edge)),
    };
    expect(issueCodes(cycle)).toEqual([
      { code: 'graph.group_cycle', nodeId: 'group-all-1' },
      { code: 'graph.group_cycle', nodeId: 'group-all-1-any-1' },
      // The Not group now also holds the Any group joined into it.
      { code: 'graph.not_single', nodeId: 'group-all-1-any-1' },
    ]);
    expect(issueCodes({ ...graph, edges: graph.edges.filter((edge) => edge.source !== 'group-all-1') })).toEqual([
      { code: 'graph.condition_dangling', nodeId: 'group-all-1' },
    ]);
    expect(graph.nodes.find((node) => node.id === TRIGGER_NODE_ID)).toBeDefined();
  });
});
