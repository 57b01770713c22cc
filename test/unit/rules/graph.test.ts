import { describe, expect, it } from 'vitest';
import {
  addNode,
  graphToTrigger,
  InvalidGraphError,
  issueTarget,
  moveNode,
  readGraph,
  relayout,
  removeNode,
  triggerToGraph,
  TRIGGER_NODE_ID,
  type GraphIssue,
  type GraphLike,
  type TriggerGraph,
} from '../../../rules/graph';
import { parseTrigger, type Trigger } from '../../../rules';
import { bankTransferTrigger } from './support/fixtures';
import { randomTrigger } from './support/generate';
import { createRandom } from './support/prng';

const baseOf = (trigger: Trigger) => ({ id: trigger.id, position: trigger.position });

/** Every kind of row and result, in an order that is not alphabetical, so a reordering bug shows. */
const everything: Trigger = bankTransferTrigger({
  id: 'R-everything',
  title: '긴급 결제 문의 · urgent payment',
  enabled: false,
  position: 4,
  events: ['updated', 'created'],
  conditions: {
    all: [
      { field: 'intakeType', operator: 'withinSubtree', value: 'it-payment' },
      { field: 'priority', operator: 'changedTo', value: 'urgent' },
      { field: 'customerField:vip', operator: 'changed', valueType: 'boolean' },
      { field: 'tags', operator: 'in', value: ['vip', 'refund'] },
    ],
    any: [
      { field: 'assignee', operator: 'isEmpty' },
      { field: 'agentField:score', operator: 'greaterThan', value: 80, valueType: 'number' },
      { field: 'channel', operator: 'equals', value: 'email' },
    ],
  },
  results: [
    { type: 'setPriority', priority: 'high' },
    { type: 'assign', groupId: 'grp-payment', strategy: 'agent', agentId: 'agt-example01' },
    { type: 'addTags', tags: ['auto', '결제'] },
    { type: 'removeTags', tags: ['new'] },
    { type: 'setIntakeType', intakeTypeId: 'it-bank-transfer' },
    { type: 'forwardToGroup', groupId: 'grp-vip' },
    {
      type: 'notifyEmail',
      to: 'assignee',
      messages: { ko: { subject: '[#{ticket.id}] 배정', body: '#{customer.name}님 문의' }, en: { subject: 'Assigned', body: 'Hi' } },
    },
    { type: 'forwardEmail', to: ['ops@example.com', 'pay@example.com'], thenComplete: true },
    { type: 'callbackUrl', url: 'https://hooks.example.com/t', payloadTemplate: '{"id":"#{ticket.id}"}' },
    { type: 'doorayNotify', hookUrl: 'https://hook.dooray.com/services/1/2/x', template: '#{ticket.subject}' },
  ],
});

const issueCodes = (issues: readonly GraphIssue[]) => issues.map((issue) => issue.code).sort();

function expectIssues(graph: GraphLike, trigger: Trigger): GraphIssue[] {
  const reading = readGraph(graph, baseOf(trigger));
  if (reading.ok) throw new Error('expected the graph to be refused');
  return reading.issues;
}

describe('triggerToGraph → graphToTrigger', () => {
  it('round-trips the bank-transfer example (docs/domain.md) and a trigger with every kind of row and result', () => {
    for (const trigger of [bankTransferTrigger(), everything]) {
      expect(graphToTrigger(triggerToGraph(trigger), baseOf(trigger))).toStrictEqual(trigger);
    }
  });

  it('round-trips 2,000 random valid triggers', () => {
    const random = createRandom(20_240_611);
    for (let case_ = 0; case_ < 2_000; case_++) {
      const trigger = randomTrigger(random, `R${case_}`);
      const graph = triggerToGraph(trigger);
      expect(graphToTrigger(graph, baseOf(trigger)), `case ${case_}`).toStrictEqual(trigger);
    }
  });

  it('draws one trigger node, one node per row and per result, each joined to the trigger node', () => {
    const graph = triggerToGraph(everything);
    const kinds = graph.nodes.map((node) => node.type);
    expect(kinds.filter((kind) => kind === 'trigger')).toHaveLength(1);
    expect(kinds.filter((kind) => kind === 'condition')).toHaveLength(7);
    expect(kinds.filter((kind) => kind === 'result')).toHaveLength(10);
    expect(graph.edges).toHaveLength(17);
    for (const edge of graph.edges) expect([edge.source, edge.target]).toContain(TRIGGER_NODE_ID);
  });

  it('keeps node data plain JSON and shares no objects with the trigger', () => {
    const trigger = structuredClone(everything);
    const graph = triggerToGraph(trigger);
    expect(JSON.parse(JSON.stringify(graph))).toStrictEqual(graph);
    const row = graph.nodes.find((node) => node.id === 'condition-all-3');
    if (row?.type !== 'condition') throw new Error('expected condition-all-3');
    (row.data.row.value as string[]).push('changed');
    expect(trigger).toStrictEqual(everything);
  });

  it('lays conditions left, the trigger in the middle and results right, top to bottom in order', () => {
    const graph = triggerToGraph(everything);
    const x = (type: string) => new Set(graph.nodes.filter((node) => node.type === type).map((node) => node.position.x));
    const [conditionX] = x('condition');
    const [triggerX] = x('trigger');
    const [resultX] = x('result');
    expect([x('condition').size, x('trigger').size, x('result').size]).toEqual([1, 1, 1]);
    expect(conditionX).toBeLessThan(triggerX);
    expect(triggerX).toBeLessThan(resultX);
    const resultYs = everything.results.map((_, index) => graph.nodes.find((node) => node.id === `result-${index}`)!.position.y);
    expect(resultYs).toStrictEqual([...resultYs].sort((a, b) => a - b));
    const lastAll = graph.nodes.find((node) => node.id === 'condition-all-3')!.position.y;
    const firstAny = graph.nodes.find((node) => node.id === 'condition-any-0')!.position.y;
    expect(firstAny).toBeGreaterThan(lastAll);
  });
});

describe('order is vertical order', () => {
  it('runs results in the order of their nodes, top first, whatever the edge order', () => {
    const trigger = bankTransferTrigger({
      results: [
        { type: 'setPriority', priority: 'urgent' },
        { type: 'addTags', tags: ['first'] },
      ],
    });
    const graph = triggerToGraph(trigger);
    const moved: TriggerGraph = {
      nodes: graph.nodes.map((node) => (node.id === 'result-1' ? { ...node, position: { ...node.position, y: -500 } } : node)),
      edges: [...graph.edges].reverse(),
    };
    expect(graphToTrigger(moved, baseOf(trigger)).results).toStrictEqual([trigger.results[1], trigger.results[0]]);
  });

  it('orders rows within their own group only, and takes the group from the node', () => {
    const trigger = bankTransferTrigger({
      conditions: {
        all: [{ field: 'priority', operator: 'equals', value: 'urgent' }],
        any: [
          { field: 'channel', operator: 'equals', value: 'email' },
          { field: 'channel', operator: 'equals', value: 'chat' },
        ],
      },
    });
    const graph = triggerToGraph(trigger);
    const nodes = graph.nodes.map((node) => {
      if (node.id === 'condition-any-1') return { ...node, position: { ...node.position, y: -1000 } };
      if (node.id === 'condition-all-0' && node.type === 'condition') return { ...node, data: { ...node.data, group: 'any' as const } };
      return node;
    });
    const read = graphToTrigger({ nodes, edges: graph.edges }, baseOf(trigger));
    expect(read.conditions).toStrictEqual({
      all: [],
      any: [trigger.conditions.any[1], trigger.conditions.all[0], trigger.conditions.any[0]],
    });
  });

  it('moveNode swaps a result with its neighbour and leaves the ends alone', () => {
    const trigger = bankTransferTrigger({
      results: [
        { type: 'setPriority', priority: 'urgent' },
        { type: 'addTags', tags: ['a'] },
        { type: 'addTags', tags: ['b'] },
      ],
    });
    const graph = triggerToGraph(trigger);
    const down = moveNode(graph.nodes, 'result-0', 1);
    expect(graphToTrigger({ nodes: down, edges: graph.edges }, baseOf(trigger)).results).toStrictEqual([
      trigger.results[1],
      trigger.results[0],
      trigger.results[2],
    ]);
    expect(moveNode(graph.nodes, 'result-0', -1)).toStrictEqual(graph.nodes);
    expect(moveNode(graph.nodes, 'result-2', 1)).toStrictEqual(graph.nodes);
  });

  it('relayout keeps the order and returns the automatic layout', () => {
    const graph = triggerToGraph(everything);
    const scrambled = graph.nodes.map((node, index) => ({ ...node, position: { x: node.position.x + index * 7, y: node.position.y * 3 + 11 } }));
    const tidy = relayout(scrambled);
    expect(tidy).toStrictEqual(graph.nodes);
  });
});

describe('editing helpers', () => {
  it('addNode appends a joined node at the end of its group and the trigger reads it last', () => {
    const trigger = bankTransferTrigger();
    const graph = triggerToGraph(trigger);
    const withRow = addNode(graph, {
      id: 'new-row',
      type: 'condition',
      position: { x: 0, y: 0 },
      data: { group: 'all', row: { field: 'priority', operator: 'equals', value: 'high' } },
    });
    const withResult = addNode(withRow, {
      id: 'new-result',
      type: 'result',
      position: { x: 0, y: 0 },
      data: { result: { type: 'setPriority', priority: 'low' } },
    });
    expect(graphToTrigger(withResult, baseOf(trigger))).toStrictEqual({
      ...trigger,
      conditions: { all: [...trigger.conditions.all, { field: 'priority', operator: 'equals', value: 'high' }], any: [] },
      results: [...trigger.results, { type: 'setPriority', priority: 'low' }],
    });
  });

  it('removeNode drops the node and its edges but never the trigger node', () => {
    const graph = triggerToGraph(everything);
    const without = removeNode(graph, 'result-3');
    expect(without.nodes.map((node) => node.id)).not.toContain('result-3');
    expect(without.edges.some((edge) => edge.source === 'result-3' || edge.target === 'result-3')).toBe(false);
    expect(graphToTrigger(without, baseOf(everything)).results).toStrictEqual(everything.results.filter((_, index) => index !== 3));
    expect(removeNode(graph, TRIGGER_NODE_ID)).toStrictEqual(graph);
  });
});

describe('graphs that are not triggers', () => {
  const trigger = bankTransferTrigger();

  it('refuses a graph without results, on the trigger node', () => {
    const graph = triggerToGraph({ ...trigger, results: [] });
    const issues = expectIssues(graph, trigger);
    expect(issues).toStrictEqual([{ code: 'graph.results_empty', nodeId: TRIGGER_NODE_ID, message: 'a trigger needs at least one result' }]);
    expect(() => graphToTrigger(graph, baseOf(trigger))).toThrow(InvalidGraphError);
  });

  it('refuses dangling condition and result nodes instead of dropping them', () => {
    const graph = triggerToGraph({
      ...trigger,
      results: [...trigger.results, { type: 'setPriority', priority: 'high' }],
    });
    const edges = graph.edges.filter((edge) => edge.source !== 'condition-all-0' && edge.target !== 'result-1');
    const issues = expectIssues({ nodes: graph.nodes, edges }, trigger);
    expect(issues.map(({ code, nodeId }) => ({ code, nodeId }))).toStrictEqual([
      { code: 'graph.condition_dangling', nodeId: 'condition-all-0' },
      { code: 'graph.result_dangling', nodeId: 'result-1' },
    ]);
    expect(issues[0].message).toMatch(/not connected to the trigger/);
  });

  it('reports an unjoined only result as dangling, and every unjoined node when there are no edges', () => {
    const graph = triggerToGraph(trigger);
    const issues = expectIssues({ nodes: graph.nodes, edges: graph.edges.filter((edge) => edge.target !== 'result-0') }, trigger);
    expect(issueCodes(issues)).toStrictEqual(['graph.result_dangling']);
    const error = (() => {
      try {
        graphToTrigger({ nodes: graph.nodes, edges: [] }, baseOf(trigger));
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(InvalidGraphError);
    expect(issueCodes((error as InvalidGraphError).issues)).toStrictEqual(['graph.condition_dangling', 'graph.result_dangling']);
  });

  it('refuses a missing or second trigger node, edges between the wrong kinds and edges to nowhere', () => {
    const graph = triggerToGraph(trigger);
    expect(issueCodes(expectIssues({ nodes: graph.nodes.filter((node) => node.type !== 'trigger'), edges: [] }, trigger))).toStrictEqual([
      'graph.condition_dangling',
      'graph.result_dangling',
      'graph.trigger_missing',
    ]);

    const second = { ...graph.nodes[0], id: 'trigger-2' };
    expect(expectIssues({ nodes: [...graph.nodes, second], edges: graph.edges }, trigger)).toContainEqual(
      expect.objectContaining({ code: 'graph.trigger_duplicate', nodeId: 'trigger-2' }),
    );

    const wrong = [...graph.edges, { id: 'x', source: 'result-0', target: 'condition-all-0' }, { id: 'y', source: 'ghost', target: TRIGGER_NODE_ID }];
    expect(expectIssues({ nodes: graph.nodes, edges: wrong }, trigger).map(({ code, edgeId }) => ({ code, edgeId }))).toStrictEqual([
      { code: 'graph.edge_invalid', edgeId: 'x' },
      { code: 'graph.edge_unknown_node', edgeId: 'y' },
    ]);
  });

  it('refuses nodes of unknown kind and repeated ids', () => {
    const graph = triggerToGraph(trigger);
    const nodes = [...graph.nodes, { ...graph.nodes[1] }, { id: 'odd', position: { x: 0, y: 0 }, data: { result: trigger.results[0] } }];
    expect(issueCodes(expectIssues({ nodes, edges: graph.edges }, trigger))).toStrictEqual(['graph.node_duplicate_id', 'graph.node_unknown_kind']);
  });
});

describe('issueTarget', () => {
  const graph = triggerToGraph(everything);
  const reading = readGraph(graph, baseOf(everything));
  if (!reading.ok) throw new Error('fixture graph must read');

  it('points row and result paths at their nodes, the rest at the trigger node', () => {
    expect(issueTarget(reading.placement, ['conditions', 'any', 1, 'value'])).toStrictEqual({ nodeId: 'condition-any-1', field: ['value'] });
    expect(issueTarget(reading.placement, ['results', 1, 'agentId'])).toStrictEqual({ nodeId: 'result-1', field: ['agentId'] });
    expect(issueTarget(reading.placement, ['results', 6, 'messages', 'ko', 'subject'])).toStrictEqual({
      nodeId: 'result-6',
      field: ['messages', 'ko', 'subject'],
    });
    expect(issueTarget(reading.placement, ['events'])).toStrictEqual({ nodeId: TRIGGER_NODE_ID, field: ['events'] });
    expect(issueTarget(reading.placement, ['results'])).toStrictEqual({ nodeId: TRIGGER_NODE_ID, field: ['results'] });
    expect(issueTarget(reading.placement, ['conditions', 'all', 99, 'field'])).toStrictEqual({
      nodeId: TRIGGER_NODE_ID,
      field: ['conditions', 'all', 99, 'field'],
    });
  });

  it("lands every issue of the model's own validator on the node that holds the bad value", () => {
    const broken = triggerToGraph(
      bankTransferTrigger({
        conditions: { all: [{ field: 'priority', operator: 'equals', value: 'urgent' }, { field: 'subject', operator: 'greaterThan', value: 3 }], any: [] },
        results: [{ type: 'assign', groupId: 'grp-payment', strategy: 'agent' }],
      }),
    );
    const read = readGraph(broken, { id: 'R1', position: 0 });
    if (!read.ok) throw new Error('structure is fine');
    const parsed = parseTrigger(read.trigger);
    if (parsed.ok) throw new Error('expected semantic issues');
    expect(parsed.issues.map((issue) => issueTarget(read.placement, issue.path))).toStrictEqual([
      { nodeId: 'condition-all-1', field: ['operator'] },
      { nodeId: 'result-0', field: ['agentId'] },
    ]);
  });
});
