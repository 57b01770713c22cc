/**
 * A simulation on the open trigger's graph: the trace of a real trigger cycle (the fast evaluator, two triggers, three
 * passes) mapped onto the nodes of the nested trigger, pass by pass.
 */
import { describe, expect, it } from 'vitest';
import { compileTrigger, createEvaluator, type Trigger } from '../../../rules';
import { runTriggerCycle, type PassTrace } from '../../../rules/cycle';
import { readGraph, triggerToGraph, type GraphNodeLike, type GraphPlacement } from '../../../rules/graph';
import { simulationOverlay } from '../../../studio/src/rules/simulation-overlay';
import { bankTransferTrigger, snapshot } from './support/fixtures';

const refundIsHigh: Trigger = bankTransferTrigger({
  id: 'trg-refund',
  title: 'Refunds are high',
  position: 0,
  conditions: { all: [{ field: 'subject', operator: 'contains', value: '환불' }], any: [] },
  results: [{ type: 'setPriority', priority: 'high' }],
});
/** all[ priority is high, any[ channel is email, not[ tags contain vip ] ] ] → add the tag escalate */
const escalate: Trigger = bankTransferTrigger({
  id: 'trg-escalate',
  title: 'Urgent unless VIP',
  position: 1,
  conditions: {
    all: [
      { field: 'priority', operator: 'equals', value: 'high' },
      { any: [{ field: 'channel', operator: 'equals', value: 'email' }, { not: { field: 'tags', operator: 'contains', value: 'vip' } }] },
    ],
    any: [],
  },
  results: [{ type: 'addTags', tags: ['escalate'] }],
});

async function passesFor(triggers: Trigger[]): Promise<PassTrace[]> {
  const outcome = await runTriggerCycle(
    { event: 'created', ticket: snapshot({ subject: '환불 요청', priority: 'normal', channel: 'email', tags: [] }), previous: null },
    {
      evaluator: createEvaluator(triggers.map(compileTrigger), 'fast'),
      triggers: new Map(triggers.map((trigger) => [trigger.id, { title: trigger.title, results: trigger.results }])),
      assign: async () => ({ agentId: null }),
      intakeTypePath: async (id) => [id],
    },
  );
  return outcome.passes;
}

function drawn(trigger: Trigger): { nodes: GraphNodeLike[]; placement: GraphPlacement } {
  const graph = triggerToGraph(trigger);
  const reading = readGraph(graph, trigger);
  if (!reading.ok) throw new Error('the fixture draws a valid graph');
  return { nodes: graph.nodes, placement: reading.placement };
}

describe('a simulation on the graph', () => {
  it('marks each condition held or not with the value it saw, each group with its verdict, and dims results that would not run', async () => {
    const passes = await passesFor([refundIsHigh, escalate]);
    expect(passes.map((pass) => pass.pass)).toEqual([1, 2, 3]);
    const { nodes, placement } = drawn(escalate);

    const first = simulationOverlay(passes, 0, escalate.id, nodes, placement);
    expect(first).toMatchObject({ pass: 1, passCount: 3, verdict: 'notFired', firedInPass: 2, unmatched: 0 });
    expect(first.marks).toEqual({
      'condition-all-0': { kind: 'condition', held: false, field: 'priority', seen: 'normal' },
      'group-all-1': { kind: 'group', held: true },
      'condition-all-1-any-0': { kind: 'condition', held: true, field: 'channel', seen: 'email' },
      'group-all-1-any-1': { kind: 'group', held: true },
      'condition-all-1-any-1-not': { kind: 'condition', held: false, field: 'tags', seen: [] },
      trigger: { kind: 'trigger', verdict: 'notFired', firedInPass: 2 },
      'result-0': { kind: 'result', runs: 'no', firedInPass: 2 },
    });
  });

  it('steps through the passes: the change made by another trigger is seen in the next one, and results run once', async () => {
    const passes = await passesFor([refundIsHigh, escalate]);
    const { nodes, placement } = drawn(escalate);

    const second = simulationOverlay(passes, 1, escalate.id, nodes, placement);
    expect(second.verdict).toBe('fired');
    expect(second.marks['condition-all-0']).toEqual({ kind: 'condition', held: true, field: 'priority', seen: 'high' });
    expect(second.marks['result-0']).toEqual({ kind: 'result', runs: 'now', firedInPass: 2 });

    const third = simulationOverlay(passes, 2, escalate.id, nodes, placement);
    expect(third.verdict).toBe('alreadyFired');
    expect(third.marks['result-0']).toEqual({ kind: 'result', runs: 'earlier', firedInPass: 2 });
    expect(simulationOverlay(passes, 99, escalate.id, nodes, placement).pass).toBe(3);
    expect(simulationOverlay(passes, -1, escalate.id, nodes, placement).pass).toBe(1);
  });

  it('leaves unmarked, and counts, what the canvas no longer holds as it was simulated', async () => {
    const passes = await passesFor([refundIsHigh, escalate]);
    const { nodes, placement } = drawn(escalate);
    const edited = nodes.map((node) =>
      node.id === 'condition-all-1-any-0' && node.type === 'condition' ? { ...node, data: { ...node.data, row: { ...node.data.row, value: 'web' } } } : node,
    );
    const overlay = simulationOverlay(passes, 0, escalate.id, edited, placement);
    expect(overlay.unmatched).toBe(1);
    expect(overlay.marks['condition-all-1-any-0']).toBeUndefined();
    expect(overlay.marks['condition-all-0']).toMatchObject({ held: false });
  });

  it('says so when the open trigger was not run at all, and dims its results', async () => {
    const passes = await passesFor([refundIsHigh]);
    const { nodes, placement } = drawn(escalate);
    const overlay = simulationOverlay(passes, 0, escalate.id, nodes, placement);
    expect(overlay).toMatchObject({ verdict: 'absent', firedInPass: null, unmatched: 0 });
    expect(overlay.marks['condition-all-0']).toBeUndefined();
    expect(overlay.marks['result-0']).toEqual({ kind: 'result', runs: 'no', firedInPass: null });
  });
});
