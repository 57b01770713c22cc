/**
 * `RULES_EVALUATOR=reference` switches the worker to json-rules-engine at run time, with the same outcome.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness';
import { defineTrigger, publish } from '../support/rules';
import { expectTraceAnswer } from '../support/trace-schemas';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ env: { RULES_EVALUATOR: 'reference' } });
});

afterAll(async () => {
  await h?.stop();
});

it('evaluates with json-rules-engine when configured to', async () => {
  const service = await h.createService();
  const agent = await h.createAgent({ groupIds: [service.groupIds[0]] });
  await defineTrigger(h, service.id, {
    title: 'refunds',
    all: [{ field: 'subject', operator: 'contains', value: '환불' }],
    any: [
      { field: 'priority', operator: 'in', value: ['high', 'urgent'] },
      { field: 'channel', operator: 'equals', value: 'email' },
    ],
    results: [
      { type: 'assign', groupId: service.groupIds[0], strategy: 'agent', agentId: agent.id },
      { type: 'addTags', tags: ['refund'] },
    ],
  });
  await publish(h, service.id);

  const create = (body: Record<string, unknown>) =>
    h.request('POST', '/tickets', {
      token: h.admin.token,
      body: { serviceId: service.id, content: '내용', customer: { email: 'c@example.com' }, ...body },
    });
  const matching = (await create({ subject: '환불 요청', channel: 'email' })).body;
  const optionalMissing = (await create({ subject: '환불 요청', channel: 'chat' })).body;
  expect(matching).toMatchObject({ assigneeId: agent.id, tags: ['refund'] });
  expect(optionalMissing).toMatchObject({ assigneeId: null, tags: [] });

  const traces = (await h.request('GET', `/tickets/${matching.id}/trace`, { token: h.admin.token })).body;
  expectTraceAnswer(traces);
  const [evaluation] = traces;
  expect(evaluation.evaluator).toBe('reference');
  expect(evaluation.trace.passes[0].triggers[0].conditions.map((c: { held: boolean }) => c.held)).toEqual([true, false, true]);
});
