/**
 * Evaluations decide through the trigger index and record what their trace is recomputed from. The trace the API
 * answers is the one the evaluation would have stored in full: computed here by the old path (the fully traced
 * cycle, with the same lookups and keys) before the evaluation activity runs, then compared with the recomputation.
 * Rows recorded with a full trace read back unchanged, and what an evaluation stores does not grow with the rule set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { triggerActivities } from '../../activities/triggers';
import { assignAgent } from '../../activities/assignment';
import { compileTrigger, type EvaluatorKind, type Trigger } from '../../rules';
import type { FieldChanges } from '../../rules/cycle';
import { runRuleSet } from '../../rules/runner';
import type { TicketEventType } from '../../domain/ticket';
import { businessId } from '../../domain/ids';
import { publishRuleSet, loadPublishedRuleSet } from '../../store/rule-sets';
import { intakeTypePath, loadTicketSnapshot, previousSnapshot } from '../../store/ticket-snapshot';
import { replaceDraftTriggers } from '../../store/triggers';
import { startHarness, type Harness } from '../support/harness';
import { createCategory, defineTrigger, publish } from '../support/rules';
import { expectTraceAnswer } from '../support/trace-schemas';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.stop();
});

async function createTicket(serviceId: string, overrides: Record<string, unknown> = {}) {
  const response = await h.request('POST', '/tickets', {
    token: h.admin.token,
    body: { serviceId, subject: '문의', content: '내용', customer: { name: '홍길동', email: 'customer@example.com' }, ...overrides },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { id: string; priority: string; status: string };
}

const traceOf = async (ticketId: string) => {
  const response = await h.request('GET', `/tickets/${ticketId}/trace`, { token: h.admin.token });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  expectTraceAnswer(response.body);
  return response.body as { evaluation: number; evaluator: string; trace: unknown }[];
};

interface Evaluation {
  ticketId: string;
  evaluation: number;
  event: TicketEventType;
  commandChanges: FieldChanges;
}

/**
 * The trace the evaluation activity stored before records: the fully traced cycle over the same snapshots, with
 * assignments decided under the keys the activity uses (so the activity, run afterwards, gets the same agents).
 */
async function tracedTheOldWay(input: Evaluation, evaluator: EvaluatorKind) {
  const { serviceId, ...ticket } = await loadTicketSnapshot(h.sql, input.ticketId);
  const version = (await loadPublishedRuleSet(h.sql, serviceId))!;
  const previous = input.event === 'updated' ? await previousSnapshot(h.sql, ticket, input.commandChanges) : null;
  const keyPrefix = `${input.ticketId}:${input.evaluation}`;
  const outcome = await runRuleSet(
    version,
    evaluator,
    { event: input.event, ticket, previous },
    {
      assign: (result, _ticket, key) => assignAgent(h.sql, `${keyPrefix}:${key}`, result),
      intakeTypePath: (id) => intakeTypePath(h.sql, id),
    },
  );
  const trace = {
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
  };
  return JSON.parse(JSON.stringify(trace));
}

describe('the trace of an evaluation', () => {
  it('is recomputed from its record exactly as the evaluation would have stored it', async () => {
    const service = await h.createService(undefined, ['결제']);
    const groupId = service.groupIds[0];
    for (const name of ['예시01', '예시02']) await h.createAgent({ groupIds: [groupId], name });
    const payment = await createCategory(h, service.id, '결제');
    const refund = await createCategory(h, service.id, '환불', payment);

    // Tickets exist before anything is published, so their workflows record nothing and each evaluation below is
    // the activity's own, run directly.
    const urgent = await createTicket(service.id, { subject: '긴급 결제 오류' });
    const chained = await createTicket(service.id, { tags: ['c0'] });
    const quiet = await createTicket(service.id, { subject: '배송 문의' });

    await defineTrigger(h, service.id, {
      title: 'urgent words',
      all: [{ field: 'subject', operator: 'contains', value: '긴급' }],
      results: [
        { type: 'setPriority', priority: 'urgent' },
        { type: 'notifyEmail', to: 'customer', messages: { ko: { subject: '접수', body: '#{ticket.id}' } } },
      ],
    });
    await defineTrigger(h, service.id, {
      title: 'escalate',
      events: ['updated'],
      all: [{ field: 'priority', operator: 'changedTo', value: 'urgent' }],
      results: [{ type: 'addTags', tags: ['escalated'] }],
    });
    await defineTrigger(h, service.id, {
      title: 'urgent to payment',
      all: [{ field: 'priority', operator: 'equals', value: 'urgent' }],
      results: [{ type: 'assign', groupId, strategy: 'roundRobin' }],
    });
    await defineTrigger(h, service.id, {
      title: 'in progress is a refund',
      all: [{ field: 'status', operator: 'equals', value: 'in_progress' }],
      results: [{ type: 'setIntakeType', intakeTypeId: refund }],
    });
    await defineTrigger(h, service.id, {
      title: 'payment questions',
      all: [{ field: 'intakeType', operator: 'withinSubtree', value: payment }],
      any: [{ field: 'tags', operator: 'contains', value: 'vip' }, { field: 'priority', operator: 'in', value: ['high', 'urgent'] }],
      results: [{ type: 'addTags', tags: ['payment'] }],
    });
    for (let i = 0; i < 12; i++) {
      await defineTrigger(h, service.id, {
        title: `chain ${i}`,
        all: [{ field: 'tags', operator: 'contains', value: `c${i}` }],
        results: [{ type: 'addTags', tags: [`c${i + 1}`] }],
      });
    }
    await publish(h, service.id);

    const evaluations: (Evaluation & { evaluator: EvaluatorKind })[] = [
      { ticketId: urgent.id, evaluation: 101, event: 'created', commandChanges: {}, evaluator: 'fast' },
      { ticketId: urgent.id, evaluation: 102, event: 'updated', commandChanges: { priority: ['low', 'normal'] }, evaluator: 'fast' },
      { ticketId: urgent.id, evaluation: 103, event: 'updated', commandChanges: { status: ['on_hold', 'unassigned'] }, evaluator: 'reference' },
      { ticketId: chained.id, evaluation: 101, event: 'created', commandChanges: {}, evaluator: 'fast' },
      { ticketId: chained.id, evaluation: 102, event: 'updated', commandChanges: { tags: [[], ['c0']] }, evaluator: 'reference' },
      { ticketId: quiet.id, evaluation: 101, event: 'created', commandChanges: {}, evaluator: 'fast' },
    ];
    const expected = new Map<string, unknown>();
    for (const { evaluator, ...evaluation } of evaluations) {
      expected.set(`${evaluation.ticketId}:${evaluation.evaluation}`, await tracedTheOldWay(evaluation, evaluator));
      await triggerActivities({ sql: h.sql, evaluator }).evaluateTriggers(evaluation);
    }

    for (const ticketId of [urgent.id, chained.id, quiet.id]) {
      const answered = await traceOf(ticketId);
      const ours = evaluations.filter((evaluation) => evaluation.ticketId === ticketId);
      expect(answered.map((row) => [row.evaluation, row.evaluator])).toEqual(ours.map((evaluation) => [evaluation.evaluation, evaluation.evaluator]));
      for (const row of answered) expect(row.trace).toEqual(expected.get(`${ticketId}:${row.evaluation}`));
    }

    // The cases are the ones worth comparing: several passes, the pass limit, assignments, nothing firing.
    const traces = [...expected.values()] as { capped: boolean; passes: { applied: { type: string }[] }[] }[];
    expect(traces.some((trace) => trace.passes.length > 2 && !trace.capped)).toBe(true);
    expect(traces.some((trace) => trace.capped)).toBe(true);
    expect(traces.some((trace) => trace.passes.some((pass) => pass.applied.some((applied) => applied.type === 'assign')))).toBe(true);
    expect(traces.some((trace) => trace.passes.length === 1 && trace.passes[0].applied.length === 0)).toBe(true);

    // A retried evaluation records the same once.
    const [{ count: before }] = await h.sql<{ count: number }[]>`select count(*)::int as count from trigger_evaluations where ticket_id = ${urgent.id}`;
    await triggerActivities({ sql: h.sql, evaluator: 'fast' }).evaluateTriggers(evaluations[0]);
    const [{ count: after }] = await h.sql<{ count: number }[]>`select count(*)::int as count from trigger_evaluations where ticket_id = ${urgent.id}`;
    expect(after).toBe(before);
    expect((await traceOf(urgent.id))[0].trace).toEqual(expected.get(`${urgent.id}:101`));

    // What is stored is the record, not the trace.
    const stored = await h.sql<{ trace: unknown; replay: unknown }[]>`select trace, replay from trigger_evaluations where ticket_id = ${urgent.id}`;
    expect(stored.every((row) => row.trace === null && row.replay !== null)).toBe(true);
  });

  it('is answered as recorded for evaluations recorded with their full trace', async () => {
    const service = await h.createService();
    await defineTrigger(h, service.id, { title: 'tag everything', results: [{ type: 'addTags', tags: ['seen'] }] });
    const version = await publish(h, service.id);
    const ticket = await createTicket(service.id);
    const [recomputed] = await traceOf(ticket.id);
    const { triggerId } = (recomputed.trace as { passes: { triggers: { triggerId: string }[] }[] }).passes[0].triggers[0];

    // A row written before records: its full trace stored (here with a side effect), no record.
    const oldTrace = {
      ...(recomputed.trace as object),
      sideEffects: [{ index: 0, triggerId, title: 'tag everything', resultIndex: 1, type: 'callbackUrl' }],
    };
    await h.sql`
      insert into trigger_evaluations (ticket_id, evaluation, event, version_id, version_number, evaluator, trace, at)
      values (${ticket.id}, 2, 'updated', ${version.id}, ${version.number}, 'reference', ${h.sql.json(oldTrace)}, '2024-01-02T03:04:05Z')`;
    await h.sql`
      insert into trigger_side_effects (ticket_id, evaluation, index, trigger_id, result, status, attempts, detail)
      values (${ticket.id}, 2, 0, ${triggerId}, ${h.sql.json({ type: 'callbackUrl', url: 'https://hooks.example.com/seen', payloadTemplate: '{}' })},
        'sent', 1, ${h.sql.json({ httpStatus: 204 })})`;

    const [current, old] = await traceOf(ticket.id);
    expect(current).toEqual(recomputed);
    expect(old).toEqual({
      evaluation: 2,
      event: 'updated',
      versionId: version.id,
      versionNumber: version.number,
      evaluator: 'reference',
      at: '2024-01-02T03:04:05.000Z',
      trace: oldTrace,
      sideEffects: [{ index: 0, triggerId, type: 'callbackUrl', status: 'sent', attempts: 1, lastError: null, detail: { httpStatus: 204 } }],
    });
  });
});

/** Sizes of rule sets measured, and the bytes each evaluation stored. */
const SIZES = [10, 1_000, 5_000];

describe('what an evaluation stores', () => {
  it('does not grow with the number of triggers', { timeout: 180_000 }, async () => {
    const measured: { triggers: number; event: string; record: number; recordText: number; fullTrace: number; fullTraceText: number }[] = [];
    for (const size of SIZES) {
      const service = await h.createService(undefined, ['결제']);
      const ticket = await createTicket(service.id, { subject: '결제 오류 문의', content: '카드 결제가 두 번 되었습니다.', tags: ['vip'] });
      // A realistic mix: most triggers look for keywords or values this ticket does not have, a few fire.
      const triggers: Trigger[] = Array.from({ length: size }, (_, position): Trigger => ({
        id: businessId('G'),
        title: `trigger ${position}`,
        enabled: true,
        position,
        events: ['created', 'updated'],
        conditions:
          position % 3 === 0
            ? { all: [{ field: 'subject', operator: 'contains', value: position === 0 ? '결제' : `keyword${position}` }], any: [] }
            : position % 3 === 1
              ? { all: [{ field: 'priority', operator: 'equals', value: 'urgent' }, { field: 'tags', operator: 'contains', value: `t${position}` }], any: [] }
              : { all: [{ field: 'status', operator: 'in', value: ['on_hold', 'resolved'] }], any: [{ field: 'content', operator: 'contains', value: `word${position}` }] },
        results: position === 0 ? [{ type: 'addTags', tags: ['payment'] }, { type: 'setPriority', priority: 'high' }] : [{ type: 'addTags', tags: [`t${position}`] }],
      }));
      await h.sql.begin((tx) => replaceDraftTriggers(tx, service.id, triggers, h.admin.id));
      await publishRuleSet(h.sql, service.id, { actorId: h.admin.id, note: null }, compileTrigger);

      const evaluate = triggerActivities({ sql: h.sql, evaluator: 'fast' }).evaluateTriggers;
      await evaluate({ ticketId: ticket.id, evaluation: 101, event: 'created', commandChanges: {} });
      await evaluate({ ticketId: ticket.id, evaluation: 102, event: 'updated', commandChanges: { priority: ['low', 'normal'] } });

      // The full traces, stored as evaluations used to store them, to compare with.
      const answered = await traceOf(ticket.id);
      for (const row of answered) {
        await h.sql`
          insert into trigger_evaluations (ticket_id, evaluation, event, version_id, evaluator, trace)
          values (${ticket.id}, ${row.evaluation + 100}, 'created', null, 'fast', ${h.sql.json(row.trace as never)})`;
      }
      const rows = await h.sql<{ evaluation: number; event: string; size: number; text: number }[]>`
        select evaluation, event, pg_column_size(coalesce(replay, trace))::int as size, octet_length(coalesce(replay, trace)::text)::int as text
        from trigger_evaluations where ticket_id = ${ticket.id} order by evaluation`;
      for (const record of rows.filter((row) => row.evaluation < 200)) {
        const full = rows.find((row) => row.evaluation === record.evaluation + 100)!;
        measured.push({ triggers: size, event: record.event, record: record.size, recordText: record.text, fullTrace: full.size, fullTraceText: full.text });
      }
    }
    console.info(
      ['bytes stored per evaluation (record: pg_column_size / text; full trace as stored before: pg_column_size / text)']
        .concat(measured.map((m) => `${String(m.triggers).padStart(5)} triggers ${m.event.padEnd(7)} record ${m.record} / ${m.recordText}   full trace ${m.fullTrace} / ${m.fullTraceText}`))
        .join('\n'),
    );
    for (const event of ['created', 'updated']) {
      const [smallest, ...larger] = measured.filter((m) => m.event === event);
      // Trigger ids are random, so compression may differ by a few bytes; the record itself is the same size.
      for (const m of larger) {
        expect(m.recordText).toBe(smallest.recordText);
        expect(Math.abs(m.record - smallest.record)).toBeLessThanOrEqual(16);
      }
      expect(larger[larger.length - 1].fullTrace).toBeGreaterThan(50 * smallest.record);
    }
  });
});
