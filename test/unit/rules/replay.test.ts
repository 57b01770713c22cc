/**
 * Deciding through the index, and explaining on demand: the cycle decided with `matches` does what the fully traced
 * cycle does, and the trace recomputed from its record (read back as JSON) is the trace the traced cycle produced.
 */
import { describe, expect, it } from 'vitest';
import { compileTrigger, type EvaluatorKind, type TicketSnapshot, type Trigger } from '../../../rules';
import type { AssignResult, CycleInput, CycleOutcome } from '../../../rules/cycle';
import { cycleRecord, explainCycle, recordingLookups, type CycleRecord } from '../../../rules/replay';
import { decideRuleSet, runRuleSet, type RuleSetSource } from '../../../rules/runner';
import { snapshot } from './support/fixtures';

const trigger = (id: string, position: number, rest: Pick<Trigger, 'conditions' | 'results'> & Partial<Trigger>): Trigger => ({
  id,
  title: `trigger ${id}`,
  enabled: true,
  position,
  events: ['created', 'updated'],
  ...rest,
});

const TRIGGERS: Trigger[] = [
  trigger('urgent-words', 0, {
    conditions: { all: [{ field: 'subject', operator: 'contains', value: '긴급' }], any: [] },
    results: [
      { type: 'setPriority', priority: 'urgent' },
      { type: 'notifyEmail', to: 'customer', messages: { ko: { subject: '접수', body: '#{ticket.id}' } } },
    ],
  }),
  trigger('escalate', 1, {
    events: ['updated'],
    conditions: { all: [{ field: 'priority', operator: 'changedTo', value: 'urgent' }], any: [] },
    results: [{ type: 'addTags', tags: ['escalated'] }],
  }),
  trigger('urgent-to-payment', 2, {
    conditions: { all: [{ field: 'priority', operator: 'equals', value: 'urgent' }], any: [] },
    results: [{ type: 'assign', groupId: 'grp-payment', strategy: 'roundRobin' }],
  }),
  trigger('nobody-home', 3, {
    conditions: { all: [{ field: 'tags', operator: 'contains', value: 'nobody' }], any: [] },
    results: [{ type: 'assign', groupId: 'grp-empty', strategy: 'roundRobin' }],
  }),
  trigger('refund-type', 4, {
    conditions: { all: [{ field: 'status', operator: 'equals', value: 'in_progress' }], any: [] },
    results: [{ type: 'setIntakeType', intakeTypeId: 'it-refund' }],
  }),
  trigger('gone-type', 5, {
    conditions: { all: [{ field: 'tags', operator: 'contains', value: 'gone' }], any: [] },
    results: [{ type: 'setIntakeType', intakeTypeId: 'it-gone' }],
  }),
  trigger('payment-subtree', 6, {
    conditions: {
      all: [{ field: 'intakeType', operator: 'withinSubtree', value: 'it-payment' }],
      any: [
        { field: 'customerField:plan', operator: 'equals', value: 'premium', valueType: 'string' },
        { field: 'tags', operator: 'contains', value: 'vip' },
      ],
    },
    results: [
      { type: 'addTags', tags: ['payment'] },
      { type: 'callbackUrl', url: 'https://hooks.example.com/payment', payloadTemplate: '{"id":"#{ticket.id}"}' },
    ],
  }),
  trigger('disabled', 7, {
    enabled: false,
    conditions: { all: [{ field: 'subject', operator: 'isNotEmpty' }], any: [] },
    results: [{ type: 'addTags', tags: ['never'] }],
  }),
  // A chain that adds one tag per pass runs into the pass limit.
  ...Array.from({ length: 12 }, (_, i) =>
    trigger(`chain-${i}`, 10 + i, {
      conditions: { all: [{ field: 'tags', operator: 'contains', value: `c${i}` }], any: [] },
      results: [{ type: 'addTags', tags: [`c${i + 1}`] }],
    }),
  ),
];

const INTAKE_TYPES: Record<string, string[]> = { 'it-refund': ['it-payment', 'it-refund'] };

/**
 * Lookups that answer differently each time they are asked (a round robin over two agents), so a recomputation that
 * asked them again instead of reading the record would explain a different cycle.
 */
function lookups() {
  let turn = 0;
  return {
    async assign(result: AssignResult) {
      if (result.groupId === 'grp-empty') return { agentId: null, note: 'no agent available in the group' };
      turn += 1;
      return { agentId: turn % 2 === 1 ? 'agt-1' : 'agt-2' };
    },
    async intakeTypePath(id: string) {
      return INTAKE_TYPES[id] ?? null;
    },
  };
}

/** The trace as the evaluation activity stored it before records: the traced cycle without the event and ticket. */
function storedTrace(outcome: CycleOutcome) {
  return JSON.parse(
    JSON.stringify({
      skipped: outcome.skipped,
      capped: outcome.capped,
      passes: outcome.passes,
      changes: outcome.changes,
      sideEffects: outcome.sideEffects.map(({ index, triggerId, title, resultIndex, result }) => ({
        index,
        triggerId,
        title,
        resultIndex,
        type: result.type,
      })),
    }),
  );
}

const updatedFrom = (previous: Partial<TicketSnapshot>, ticket: Partial<TicketSnapshot>): CycleInput => ({
  event: 'updated',
  ticket: snapshot(ticket),
  previous: snapshot(previous),
});

const CASES: Record<string, CycleInput> = {
  'a created ticket nothing fires for': { event: 'created', ticket: snapshot({ tags: [], intakeTypeId: null, intakeTypePath: [] }), previous: null },
  'a created urgent ticket, assigned over passes': { event: 'created', ticket: snapshot({ subject: '긴급 환불' }), previous: null },
  'an update that makes the ticket urgent': updatedFrom({}, { priority: 'urgent', status: 'in_progress', assigneeId: 'agt-9', groupId: 'grp-payment' }),
  'an assignment to a group without agents, and a vanished intake type': updatedFrom({ tags: [] }, { tags: ['nobody', 'gone'] }),
  'a chain capped at the pass limit': { event: 'created', ticket: snapshot({ tags: ['c0'] }), previous: null },
  'a closed ticket': updatedFrom({ status: 'resolved' }, { status: 'closed', subject: '긴급' }),
};

let versions = 0;

describe.each<EvaluatorKind>(['fast', 'reference'])('with the %s evaluator', (kind) => {
  const source = (): RuleSetSource => ({
    versionId: `V-replay-${kind}-${(versions += 1)}`,
    number: 1,
    definitions: TRIGGERS.map((definition) => compileTrigger(definition)),
  });

  it.each(Object.entries(CASES))('decides and explains %s as the traced cycle does', async (_name, input) => {
    const version = source();
    const traced = await runRuleSet(version, kind, input, lookups());
    const recording = recordingLookups(lookups());
    const decided = await decideRuleSet(version, kind, input, recording.lookups);

    const { passes: tracedPasses, ...tracedRest } = traced;
    const { passes: decidedPasses, ...decidedRest } = decided;
    expect(decidedRest).toEqual(tracedRest);
    expect(decidedPasses).toEqual(
      tracedPasses.map(({ pass, triggers, applied }) => ({
        pass,
        fired: triggers.filter((entry) => entry.fired).map((entry) => entry.triggerId),
        applied,
      })),
    );

    // Stored as jsonb and read back: only what survives JSON reaches the recomputation.
    const record: CycleRecord = JSON.parse(JSON.stringify(cycleRecord(input, decided, recording.answers())));
    const explained = await explainCycle(record, { event: input.event, source: version, evaluator: kind });
    expect(JSON.parse(JSON.stringify(explained))).toEqual(storedTrace(traced));
    // A version is read back from the database too, so a fresh copy explains the same.
    const reloaded = { ...version, definitions: JSON.parse(JSON.stringify(version.definitions)) };
    expect(await explainCycle(record, { event: input.event, source: reloaded, evaluator: kind })).toEqual(explained);
  });

  it('covers several passes, the pass limit, lookups that changed nothing and closed tickets', async () => {
    const version = source();
    const outcomes = await Promise.all(Object.values(CASES).map((input) => runRuleSet(version, kind, input, lookups())));
    expect(outcomes.some((outcome) => outcome.passes.length > 2 && !outcome.capped)).toBe(true);
    expect(outcomes.some((outcome) => outcome.capped)).toBe(true);
    expect(outcomes.some((outcome) => outcome.skipped === 'closed')).toBe(true);
    const notes = outcomes.flatMap((outcome) => outcome.passes.flatMap((pass) => pass.applied.map((entry) => entry.note)));
    expect(notes).toContain('no agent available in the group');
    expect(notes).toContain('intake type it-gone no longer exists');
    expect(outcomes.some((outcome) => outcome.passes.some((pass) => pass.triggers.some((entry) => entry.skippedAlreadyFired)))).toBe(true);
  });

  it('refuses to explain a record the version does not reproduce', async () => {
    const version = source();
    const input = CASES['a created urgent ticket, assigned over passes'];
    const recording = recordingLookups(lookups());
    const decided = await decideRuleSet(version, kind, input, recording.lookups);
    const record = cycleRecord(input, decided, recording.answers());
    const explain = (changed: CycleRecord) => explainCycle(changed, { event: input.event, source: version, evaluator: kind });

    await expect(explain({ ...record, passes: [{ ...record.passes[0], fired: [] }, ...record.passes.slice(1)] })).rejects.toThrow(
      /did not decide what the evaluation recorded/,
    );
    await expect(explain({ ...record, assignments: {} })).rejects.toThrow(/no answer for the assignment/);
    await expect(explain({ ...record, ticket: { ...record.ticket, subject: '문의' } })).rejects.toThrow(/did not decide/);
  });
});
