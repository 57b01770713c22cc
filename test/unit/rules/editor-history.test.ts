/** The rule studio's undo history and its copy and paste of nodes: pure logic, on plain graphs. */
import { describe, expect, it } from 'vitest';
import { copyFragment, pasteFragment, pasteTarget } from '../../../studio/src/rules/fragment';
import { emptyHistory, recordEdit, redoEdit, sealHistory, typingKey, undoEdit, type History } from '../../../studio/src/rules/history';
import { readGraph, triggerToGraph } from '../../../rules/graph';
import type { Trigger } from '../../../rules/model';

/** Applies edits to a counter the way the editor does: record the state left, then move on. */
function edits(values: { to: number; key?: string }[], start = 0, limit?: number) {
  let history: History<number> = emptyHistory();
  let present = start;
  for (const { to, key } of values) {
    history = recordEdit(history, present, key ?? null, limit);
    present = to;
  }
  return { history, present };
}

describe('undo history', () => {
  it('undoes and redoes every step, in order, and stops at either end', () => {
    let { history, present } = edits([{ to: 1 }, { to: 2 }, { to: 3 }]);
    const back: number[] = [];
    for (let undone = undoEdit(history, present); undone; undone = undoEdit(history, present)) {
      ({ history, state: present } = undone);
      back.push(present);
    }
    expect(back).toEqual([2, 1, 0]);
    const forward: number[] = [];
    for (let redone = redoEdit(history, present); redone; redone = redoEdit(history, present)) {
      ({ history, state: present } = redone);
      forward.push(present);
    }
    expect(forward).toEqual([1, 2, 3]);
    expect(redoEdit(history, present)).toBeNull();
  });

  it('drops what was undone when a new edit is made', () => {
    const { history, present } = edits([{ to: 1 }, { to: 2 }]);
    const undone = undoEdit(history, present)!;
    const after = recordEdit(undone.history, undone.state);
    expect(after.future).toEqual([]);
    expect(after.past).toEqual([0, 1]);
  });

  it('makes one step of edits under the same key until sealed', () => {
    const typed = edits([{ to: 1, key: 'title' }, { to: 2, key: 'title' }, { to: 3, key: 'title' }]);
    expect(typed.history.past).toEqual([0]);
    expect(undoEdit(typed.history, typed.present)?.state).toBe(0);

    const sealed = sealHistory(typed.history);
    const again = recordEdit(sealed, typed.present, 'title');
    expect(again.past).toEqual([0, 3]);

    const otherField = recordEdit(typed.history, typed.present, 'value');
    expect(otherField.past).toEqual([0, 3]);
  });

  it('keeps only the last steps when the limit is reached', () => {
    const { history } = edits(Array.from({ length: 8 }, (_, index) => ({ to: index + 1 })), 0, 5);
    expect(history.past).toEqual([3, 4, 5, 6, 7]);
  });

  it('keys typing into one text or number value, and nothing else', () => {
    const row = (value: unknown, operator = 'equals') => ({ group: 'all', row: { field: 'subject', operator, value } });
    expect(typingKey('c1', row('refu'), row('refun'))).toBe('data:c1:row.value');
    expect(typingKey('c1', row(3), row(30))).toBe('data:c1:row.value');
    expect(typingKey('c1', row('a'), row('a', 'contains'))).toBe('data:c1:row.operator');
    expect(typingKey('c1', row('a'), row('b', 'contains'))).toBeNull();
    expect(typingKey('c1', row(['x']), row(['x', 'y']))).toBeNull();
    expect(typingKey('t', { title: 'a', enabled: true }, { title: 'a', enabled: false })).toBeNull();
  });
});

const trigger: Trigger = {
  id: 'tr',
  title: 'Refunds',
  enabled: true,
  position: 0,
  events: ['created'],
  conditions: {
    all: [
      { field: 'priority', operator: 'equals', value: 'high' },
      { any: [{ field: 'channel', operator: 'equals', value: 'email' }, { not: { field: 'tags', operator: 'contains', value: 'vip' } }] },
    ],
    any: [{ field: 'subject', operator: 'contains', value: '환불' }],
  },
  results: [{ type: 'addTags', tags: ['refund'] }],
};

let counter = 0;
const freshId = (kind: string) => `${kind}-copy-${counter++}`;

function pasted(graph: ReturnType<typeof triggerToGraph>, copiedId: string, selectedId: string | null, mode: 'into' | 'beside') {
  const fragment = copyFragment(graph, copiedId)!;
  const target = pasteTarget(graph, fragment, selectedId, mode)!;
  const result = pasteFragment(graph, fragment, target, freshId);
  const reading = readGraph(result, { id: 'tr', position: 0 });
  if (!reading.ok) throw new Error(JSON.stringify(reading.issues));
  return { ...result, trigger: reading.trigger };
}

describe('copy and paste of nodes', () => {
  const graph = triggerToGraph(trigger);
  const anyGroup = 'group-all-1';
  const notGroup = 'group-all-1-any-1';

  it('copies a group with everything inside it, and nothing of the trigger', () => {
    const fragment = copyFragment(graph, anyGroup)!;
    expect(fragment.nodes.map((node) => node.id)).toEqual([anyGroup, 'condition-all-1-any-0', notGroup, 'condition-all-1-any-1-not']);
    expect(copyFragment(graph, 'trigger')).toBeNull();
  });

  it('duplicates a group beside itself with new ids, so the drawing reads with the copy', () => {
    const { trigger: read, nodes, rootId } = pasted(graph, anyGroup, anyGroup, 'beside');
    expect(read.conditions.all).toEqual([...trigger.conditions.all, trigger.conditions.all[1]]);
    expect(new Set(nodes.map((node) => node.id)).size).toBe(nodes.length);
    expect(graph.nodes.some((node) => node.id === rootId)).toBe(false);
  });

  it('pastes a row into the selected group, and beside a selected row in the list it stands in', () => {
    const into = pasted(graph, 'condition-all-0', anyGroup, 'into').trigger;
    expect(into.conditions.all[1]).toEqual({ any: [...(trigger.conditions.all[1] as { any: unknown[] }).any, trigger.conditions.all[0]] });

    const beside = pasted(graph, 'condition-all-0', 'condition-any-0', 'into').trigger;
    expect(beside.conditions.any).toEqual([trigger.conditions.any[0], trigger.conditions.all[0]]);
  });

  it('passes a paste into a full Not group on to where the Not group stands', () => {
    const read = pasted(graph, 'condition-all-0', 'condition-all-1-any-1-not', 'into').trigger;
    expect((read.conditions.all[1] as { any: unknown[] }).any).toHaveLength(3);
  });

  it('joins a pasted result to the trigger, last', () => {
    const read = pasted(graph, 'result-0', 'condition-all-0', 'into').trigger;
    expect(read.results).toEqual([trigger.results[0], trigger.results[0]]);
  });

  it('pastes onto the trigger when nothing is selected, in the list the row was copied from', () => {
    const read = pasted(graph, 'condition-any-0', null, 'into').trigger;
    expect(read.conditions.any).toEqual([trigger.conditions.any[0], trigger.conditions.any[0]]);
    expect(read.conditions.all).toEqual(trigger.conditions.all);
  });
});
