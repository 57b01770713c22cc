import { describe, it, expect } from 'vitest';
import {
  InvalidTriggerError,
  compileTrigger,
  createEvaluator,
  type EvaluatorKind,
  type Trigger,
} from '../../../rules';
import { createRandom } from './support/prng';
import { randomFacts, randomTrigger } from './support/generate';
import { bankTransferTrigger, created, snapshot, updated } from './support/fixtures';

const assignTo = (groupId: string) => [{ type: 'assign', groupId, strategy: 'roundRobin' }] satisfies Trigger['results'];

describe.each<EvaluatorKind>(['reference', 'fast'])('the %s evaluator', (kind) => {
  it('runs the bank-transfer example (docs/domain.md): the ticket goes to 예시01 in 결제', async () => {
    const evaluator = createEvaluator([compileTrigger(bankTransferTrigger())], kind);
    expect(evaluator.kind).toBe(kind);
    expect(await evaluator.matches(created())).toEqual([
      {
        triggerId: 'trg-bank-transfer',
        title: bankTransferTrigger().title,
        position: 0,
        results: [{ type: 'assign', groupId: 'grp-payment', strategy: 'agent', agentId: 'agt-example01' }],
      },
    ]);
    expect(await evaluator.matches(created(snapshot({ intakeTypeId: 'it-login' })))).toEqual([]);
  });

  it('orders triggers by position, then id, whatever the order of definitions', async () => {
    const definitions = [
      bankTransferTrigger({ id: 'c', position: 2, results: assignTo('g-c') }),
      bankTransferTrigger({ id: 'b', position: 1, results: assignTo('g-b') }),
      bankTransferTrigger({ id: 'a', position: 2, results: assignTo('g-a') }),
    ].map(compileTrigger);
    const evaluator = createEvaluator(definitions, kind);
    expect((await evaluator.matches(created())).map((fired) => fired.triggerId)).toEqual(['b', 'a', 'c']);
    expect((await evaluator.evaluate(created())).map((evaluation) => evaluation.triggerId)).toEqual(['b', 'a', 'c']);
  });

  it('leaves out disabled triggers and triggers not listening to the event', async () => {
    const definitions = [
      bankTransferTrigger({ id: 'on-create' }),
      bankTransferTrigger({ id: 'on-update', events: ['updated'] }),
      bankTransferTrigger({ id: 'disabled', enabled: false, events: ['created', 'updated'] }),
    ].map(compileTrigger);
    const evaluator = createEvaluator(definitions, kind);
    expect((await evaluator.evaluate(created())).map((evaluation) => evaluation.triggerId)).toEqual(['on-create']);
    const update = updated(snapshot(), snapshot({ subject: 'edited' }));
    expect((await evaluator.evaluate(update)).map((evaluation) => evaluation.triggerId)).toEqual(['on-update']);
  });

  it('requires every must-match row and, when there are optional rows, one of them', async () => {
    const trigger = bankTransferTrigger({
      conditions: {
        all: [{ field: 'status', operator: 'equals', value: 'unassigned' }],
        any: [
          { field: 'tags', operator: 'contains', value: 'vip' },
          { field: 'subject', operator: 'contains', value: 'urgent' },
        ],
      },
    });
    const evaluator = createEvaluator([compileTrigger(trigger)], kind);
    const firesOn = async (ticket = snapshot()) => (await evaluator.matches(created(ticket))).length === 1;
    expect(await firesOn()).toBe(true);
    expect(await firesOn(snapshot({ tags: [] }))).toBe(false);
    expect(await firesOn(snapshot({ tags: [], subject: 'URGENT: refund' }))).toBe(true);
    expect(await firesOn(snapshot({ status: 'on_hold' }))).toBe(false);
  });

  it('reports every row of a trigger that does not fire, not just the first failing one', async () => {
    const trigger = bankTransferTrigger({
      conditions: {
        all: [
          { field: 'channel', operator: 'equals', value: 'phone' },
          { field: 'priority', operator: 'equals', value: 'normal' },
          { field: 'customerField:age', operator: 'greaterThan', value: 40, valueType: 'number' },
          { field: 'customerField:missing', operator: 'isEmpty', valueType: 'string' },
        ],
        any: [],
      },
    });
    const [evaluation] = await createEvaluator([compileTrigger(trigger)], kind).evaluate(created());
    expect(evaluation.fired).toBe(false);
    expect(evaluation.conditions.map(({ field, actual, held }) => ({ field, actual, held }))).toEqual([
      { field: 'channel', actual: 'help_center_pc', held: false },
      { field: 'priority', actual: 'normal', held: true },
      { field: 'customerField:age', actual: 41, held: true },
      { field: 'customerField:missing', actual: null, held: true },
    ]);
  });

  it('answers overlapping evaluations each with its own ticket', async () => {
    const definitions = ['unassigned', 'in_progress', 'on_hold'].map((status, position) =>
      compileTrigger(
        bankTransferTrigger({
          id: status,
          position,
          conditions: { all: [{ field: 'status', operator: 'equals', value: status }], any: [] },
        }),
      ),
    );
    const evaluator = createEvaluator(definitions, kind);
    const statuses = ['on_hold', 'unassigned', 'in_progress', 'resolved'] as const;
    // Staggered starts make later calls begin while earlier ones are at every stage of their run.
    const answers = await Promise.all(
      Array.from({ length: 60 }, async (_, call) => {
        for (let tick = 0; tick < call; tick += 1) await null;
        return evaluator.matches(created(snapshot({ status: statuses[call % statuses.length] })));
      }),
    );
    answers.forEach((fired, call) => {
      const status = statuses[call % statuses.length];
      expect(fired.map((trigger) => trigger.triggerId)).toEqual(status === 'resolved' ? [] : [status]);
    });
  });

  it('fires a subtree trigger once even when the ancestor chain repeats an id', async () => {
    const trigger = bankTransferTrigger({
      conditions: { all: [{ field: 'intakeType', operator: 'withinSubtree', value: 'it-payment' }], any: [] },
    });
    const evaluator = createEvaluator([compileTrigger(trigger)], kind);
    const ticket = snapshot({ intakeTypePath: ['it-payment', 'it-payment', 'it-bank-transfer'] });
    expect((await evaluator.matches(created(ticket))).map((fired) => fired.triggerId)).toEqual(['trg-bank-transfer']);
  });

  it('refuses a rule set with a repeated trigger id', () => {
    const rule = compileTrigger(bankTransferTrigger());
    expect(() => createEvaluator([rule, rule], kind)).toThrowError(/duplicate trigger id/);
  });

  it('refuses a stored rule that does not validate', () => {
    const rule = compileTrigger(bankTransferTrigger());
    const broken = { ...rule, event: { ...rule.event, params: { ...rule.event.params, events: [] } } };
    expect(() => createEvaluator([broken], kind)).toThrowError(InvalidTriggerError);
  });

  it('evaluates an empty rule set to nothing', async () => {
    const evaluator = createEvaluator([], kind);
    expect(await evaluator.evaluate(created())).toEqual([]);
    expect(await evaluator.matches(created())).toEqual([]);
  });
});

describe('the fast evaluator on a large rule set', () => {
  it('finds through its index exactly the triggers json-rules-engine fires', async () => {
    const random = createRandom(7);
    const definitions = Array.from({ length: 400 }, (_, index) => compileTrigger(randomTrigger(random, `t${index}`)));
    const fast = createEvaluator(definitions, 'fast');
    const reference = createEvaluator(definitions, 'reference');
    for (let n = 0; n < 10; n += 1) {
      const facts = randomFacts(random, n % 2 === 0 ? 'created' : 'updated');
      const expected = await reference.evaluate(facts);
      expect(await fast.evaluate(facts)).toEqual(expected);
      expect(await fast.matches(facts)).toEqual(await reference.matches(facts));
    }
  });
});
