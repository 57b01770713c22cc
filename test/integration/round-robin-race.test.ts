/**
 * Round robin under load: two workers evaluate 200 tickets created at once; every agent's share must differ
 * from every other's by at most one.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness';
import { defineTrigger, publish } from '../support/rules';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  await h.addWorker();
});

afterAll(async () => {
  await h?.stop();
});

it('spreads 200 simultaneous tickets evenly across agents with two workers', async () => {
  const service = await h.createService('Race', ['결제']);
  const agents = await Promise.all(Array.from({ length: 7 }, (_, i) => h.createAgent({ groupIds: service.groupIds, name: `agent ${i}` })));
  await defineTrigger(h, service.id, {
    title: 'round robin',
    events: ['created'],
    results: [{ type: 'assign', groupId: service.groupIds[0], strategy: 'roundRobin' }],
  });
  await publish(h, service.id);

  const responses = await Promise.all(
    Array.from({ length: 200 }, (_, i) =>
      h.request('POST', '/tickets', {
        token: h.admin.token,
        body: { serviceId: service.id, subject: `race ${i}`, content: '동시 접수', customer: { email: `c${i}@example.com` } },
      }),
    ),
  );
  expect(responses.every((response) => response.status === 201)).toBe(true);

  const counts = new Map(agents.map((agent) => [agent.id, 0]));
  for (const { body } of responses) counts.set(body.assigneeId, (counts.get(body.assigneeId) ?? 0) + 1);
  expect([...counts.keys()].sort()).toEqual(agents.map((agent) => agent.id).sort());
  const shares = [...counts.values()];
  expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(1);

  // Both workers took part: the evaluations ran under two worker identities.
  const identities = new Set<string>();
  for (const { body } of responses) {
    const history = await h.temporal.workflow.getHandle(`ticket-${body.id}`).fetchHistory();
    for (const event of history.events ?? []) {
      const identity = event.activityTaskStartedEventAttributes?.identity;
      if (identity) identities.add(identity);
    }
  }
  expect(identities.size).toBe(2);

  const [{ decisions }] = await h.sql`select count(*)::int as decisions from assignment_decisions where group_id = ${service.groupIds[0]}`;
  expect(decisions).toBe(200);
}, 180_000);
