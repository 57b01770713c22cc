/**
 * The studio checks a drawing before saving with the API's own gate, so the browser shows the codes the API would
 * answer, each on the node it is about.
 */
import { describe, expect, it } from 'vitest';
import { CONDITION_LIMITS, parseTrigger, type ConditionEntry, type Trigger } from '../../../rules';
import { readGraph, removeNode, triggerToGraph, type GraphLike } from '../../../rules/graph';
import { placeTriggerIssues } from '../../../studio/src/rules/issue-placement';
import { bankTransferTrigger } from './support/fixtures';

const high: ConditionEntry = { field: 'priority', operator: 'equals', value: 'high' };
const email: ConditionEntry = { field: 'channel', operator: 'equals', value: 'email' };

function issuesOf(graph: GraphLike, trigger: Trigger) {
  const reading = readGraph(graph, trigger);
  if (!reading.ok) throw new Error(`the graph does not read: ${reading.issues.map((issue) => issue.code).join(', ')}`);
  return placeTriggerIssues(reading.trigger, reading.placement);
}

describe('checking a drawing in the browser', () => {
  it('finds nothing in a valid trigger', () => {
    const trigger = bankTransferTrigger({ conditions: { all: [high, { any: [email, { not: high }] }], any: [] } });
    expect(issuesOf(triggerToGraph(trigger), trigger)).toEqual({});
  });

  it('puts an emptied group on the group node, with the code the API answers', () => {
    const trigger = bankTransferTrigger({ conditions: { all: [high, { any: [email] }], any: [] } });
    const emptied = removeNode(triggerToGraph(trigger), 'condition-all-1-any-0');
    expect(issuesOf(emptied, trigger)).toEqual({ 'group-all-1': [{ field: [], code: 'condition.group_empty' }] });
    const reading = readGraph(emptied, trigger);
    expect(reading.ok && parseTrigger(reading.trigger)).toMatchObject({ ok: false, issues: [{ code: 'condition.group_empty', path: ['conditions', 'all', 1] }] });
  });

  it('puts groups nested too deep on the first group past the limit', () => {
    let entry: ConditionEntry = high;
    for (let depth = 0; depth <= CONDITION_LIMITS.groupDepth; depth++) entry = { all: [entry] };
    const trigger = bankTransferTrigger({ conditions: { all: [entry], any: [] } });
    const tooDeep = `group-all-0${'-all-0'.repeat(CONDITION_LIMITS.groupDepth)}`;
    expect(issuesOf(triggerToGraph(trigger), trigger)).toEqual({ [tooDeep]: [{ field: [], code: 'condition.too_deep' }] });
  });

  it('puts a value that does not fit on its row, naming the field inside it', () => {
    const trigger = bankTransferTrigger({ conditions: { all: [{ field: 'priority', operator: 'equals', value: 'soon' }, { field: 'subject', operator: 'contains' }], any: [] } });
    expect(issuesOf(triggerToGraph(trigger), trigger)).toEqual({
      'condition-all-0': [{ field: ['value'], code: 'condition.value_not_in_vocabulary' }],
      'condition-all-1': [{ field: ['value'], code: 'condition.value_required' }],
    });
  });

  it('puts a trigger without a title on the trigger node', () => {
    const trigger = bankTransferTrigger({ title: '' });
    expect(issuesOf(triggerToGraph(trigger), trigger)).toEqual({ trigger: [{ field: ['title'], code: 'shape.too_small' }] });
  });
});
