/**
 * The trigger condition catalogue as an integrator meets it: `GET /rules/catalogue`, the condition row in
 * `/openapi.json`, the ticket's own field names accepted on input, the valid names listed when a row is refused,
 * and trace and simulation answers described without open objects.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Simulation, TriggerEvaluationTrace } from '../../api/routes/rules/rules.schemas';
import { startHarness, type Harness } from '../support/harness';
import { defineTrigger, publish, settledSideEffects } from '../support/rules';
import { expectSimulationAnswer, expectTraceAnswer } from '../support/trace-schemas';

let h: Harness;
let service: { id: string; groupIds: string[] };
let agent: { id: string; token: string };

beforeAll(async () => {
  h = await startHarness();
  service = await h.createService('결제 상담');
  agent = await h.createAgent({ groupIds: [service.groupIds[0]], name: '예시01' });
});

afterAll(async () => {
  await h?.stop();
});

const FIXED_FIELDS = [
  'status', 'intakeType', 'resolutionType', 'channel', 'priority', 'group', 'assignee', 'subject', 'content', 'tags',
  'customerEmail', 'customerPhone', 'withinBusinessHours', 'createdAt', 'updatedAt',
];

function triggerBody(row: Record<string, unknown>, results: unknown[] = [{ type: 'addTags', tags: ['catalogue'] }]) {
  return { title: '카탈로그', events: ['created', 'updated'], conditions: { all: [row], any: [] }, results };
}

async function refusal(row: Record<string, unknown>) {
  const response = await h.request('POST', `/services/${service.id}/triggers`, { token: h.admin.token, body: triggerBody(row) });
  expect(response.status, JSON.stringify(response.body)).toBe(422);
  expect(response.body.error.code).toBe('trigger.invalid');
  return response.body.error.details.issues;
}

describe('GET /rules/catalogue', () => {
  it('lists every condition field with its type, operators, description and the ticket field it reads', async () => {
    const response = await h.request('GET', '/rules/catalogue', { token: agent.token });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const { fields, customFields, operators, results } = response.body;
    expect(fields.map((field: { name: string }) => field.name)).toEqual(FIXED_FIELDS);
    const byName = Object.fromEntries(fields.map((field: { name: string }) => [field.name, field]));
    expect(byName.intakeType).toEqual({
      name: 'intakeType',
      type: 'id',
      ticketField: 'intakeTypeId',
      aliases: ['intakeTypeId'],
      label: { en: 'Intake type', ko: '접수유형' },
      description: expect.stringContaining('intake type'),
      operators: ['withinSubtree', 'equals', 'notEquals', 'in', 'notIn', 'changed', 'changedTo', 'changedFrom', 'isEmpty', 'isNotEmpty'],
      changeCapable: true,
      setBy: ['setIntakeType'],
      vocabulary: null,
    });
    expect(byName.group).toMatchObject({ ticketField: 'groupId', aliases: ['groupId'], setBy: ['assign', 'forwardToGroup'] });
    expect(byName.assignee).toMatchObject({ ticketField: 'assigneeId', aliases: ['assigneeId'] });
    expect(byName.resolutionType).toMatchObject({ ticketField: 'resolutionTypeId', aliases: ['resolutionTypeId'] });
    expect(byName.priority).toMatchObject({ type: 'enum', ticketField: 'priority', aliases: [], vocabulary: ['low', 'normal', 'high', 'urgent'] });
    expect(byName.customerEmail).toMatchObject({ ticketField: 'customer.email' });
    // Only what commands and results change can differ between the ticket before an update and after it.
    expect(byName.withinBusinessHours).toMatchObject({ ticketField: null, changeCapable: false });
    expect(byName.subject).toMatchObject({ changeCapable: false, setBy: [] });
    expect(byName.tags).toMatchObject({ changeCapable: true, setBy: ['addTags', 'removeTags'] });
    for (const field of fields) expect(field.description.length, field.name).toBeGreaterThan(10);

    expect(customFields.map((field: { prefix: string }) => field.prefix)).toEqual(['customerField', 'agentField']);
    const customer = customFields[0];
    expect(new RegExp(customer.pattern).test('customerField:vip_level')).toBe(true);
    expect(new RegExp(customer.pattern).test('customerField:vip level')).toBe(false);
    expect(customer.operators.number).toEqual(expect.arrayContaining(['greaterThan', 'lessThan', 'isEmpty']));
    expect(Object.keys(customer.operators)).toEqual(['string', 'number', 'boolean', 'date']);

    expect(operators.map((operator: { name: string }) => operator.name)).toEqual(
      expect.arrayContaining(['equals', 'in', 'withinSubtree', 'changed', 'changedTo']),
    );
    expect(operators.find((operator: { name: string }) => operator.name === 'in')).toMatchObject({ value: 'list', comparesPrevious: false });
    expect(operators.find((operator: { name: string }) => operator.name === 'changed')).toMatchObject({ value: 'none', comparesPrevious: true });

    expect(results.map((result: { type: string }) => result.type)).toEqual([
      'assign', 'setIntakeType', 'setPriority', 'addTags', 'removeTags', 'forwardToGroup',
      'notifyEmail', 'forwardEmail', 'callbackUrl', 'doorayNotify',
    ]);
    const assign = results[0];
    expect(assign).toMatchObject({ kind: 'stateChange', label: { en: 'Assign', ko: '배정' } });
    expect(assign.parameters).toEqual([
      { name: 'groupId', required: true, schema: expect.objectContaining({ type: 'string' }) },
      { name: 'strategy', required: true, schema: expect.objectContaining({ enum: ['random', 'roundRobin', 'agent', 'leastLoaded'] }) },
      { name: 'agentId', required: false, schema: expect.objectContaining({ type: 'string' }) },
    ]);
    expect(results.find((result: { type: string }) => result.type === 'callbackUrl')).toMatchObject({ kind: 'sideEffect' });
  });

  it('needs a login', async () => {
    const response = await h.request('GET', '/rules/catalogue');
    expect(response.status).toBe(401);
  });
});

describe('field names', () => {
  it('accepts the ticket’s own field names and answers with the catalogue name', async () => {
    const response = await h.request('POST', `/services/${service.id}/triggers`, {
      token: h.admin.token,
      body: triggerBody({ field: 'groupId', operator: 'equals', value: service.groupIds[0] }),
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body.conditions.all).toEqual([{ field: 'group', operator: 'equals', value: service.groupIds[0] }]);
    const read = await h.request('GET', `/triggers/${response.body.id}`, { token: h.admin.token });
    expect(read.body.conditions.all[0].field).toBe('group');

    const version = await publish(h, service.id);
    const stored = await h.request('GET', `/rule-versions/${version.id}`, { token: h.admin.token });
    expect(stored.status).toBe(200);
    expect(JSON.stringify(stored.body)).not.toContain('"groupId","operator"');
  });

  it('lists the valid field names when a row names an unknown one', async () => {
    const issues = await refusal({ field: 'colour', operator: 'equals', value: 'red' });
    expect(issues).toEqual([
      {
        path: ['conditions', 'all', 0, 'field'],
        code: 'condition.unknown_field',
        message: expect.stringContaining('colour'),
        allowed: [...FIXED_FIELDS, 'customerField:<code>', 'agentField:<code>'],
      },
    ]);
    expect(issues[0].message).toContain('intakeType');
  });

  it('lists the operators a field allows when the operator does not fit it', async () => {
    const issues = await refusal({ field: 'priority', operator: 'contains', value: 'high' });
    expect(issues).toEqual([
      {
        path: ['conditions', 'all', 0, 'operator'],
        code: 'condition.operator_not_allowed',
        message: expect.stringContaining('equals'),
        allowed: ['equals', 'notEquals', 'in', 'notIn', 'changed', 'changedTo', 'changedFrom'],
      },
    ]);
  });
});

describe('API document', () => {
  it('documents the condition field as an enum with descriptions, plus the per-service field pattern', async () => {
    const doc = (await h.request('GET', '/openapi.json')).body;
    const row = doc.components.schemas.ConditionRow;
    expect(row.additionalProperties).toBe(false);
    const [fixed, customer, agentField] = row.properties.field.anyOf;
    expect(fixed.enum).toEqual(FIXED_FIELDS);
    expect(Object.keys(fixed['x-enumDescriptions'])).toEqual(FIXED_FIELDS);
    expect(fixed['x-enumDescriptions'].intakeType).toContain('intakeTypeId');
    expect(new RegExp(customer.pattern).test('customerField:vip')).toBe(true);
    expect(new RegExp(agentField.pattern).test('agentField:team')).toBe(true);
    expect(new RegExp(agentField.pattern).test('agentField:')).toBe(false);
    expect(row.properties.field.description).toContain('/rules/catalogue');
    expect(row.properties.operator.enum).toEqual(expect.arrayContaining(['equals', 'withinSubtree', 'changedFrom']));
    expect(row.properties.operator.description).toContain('/rules/catalogue');

    const catalogue = doc.paths['/rules/catalogue'].get.responses['200'].content['application/json'].schema;
    expect(catalogue).toEqual({ $ref: '#/components/schemas/RuleCatalogue' });
  });

  it('describes trace and simulation answers without open objects', async () => {
    const doc = (await h.request('GET', '/openapi.json')).body;
    const trace = doc.paths['/tickets/{id}/trace'].get.responses['200'].content['application/json'].schema;
    expect(trace).toEqual({ type: 'array', items: { $ref: '#/components/schemas/TriggerEvaluationTrace' } });
    const simulation = doc.paths['/rules/simulate'].post.responses['200'].content['application/json'].schema;
    expect(simulation).toEqual({ $ref: '#/components/schemas/Simulation' });

    // Every object reachable from the two answers closes its properties, except the records keyed by data.
    const seen = new Set<string>();
    const open: string[] = [];
    const visit = (schema: unknown, where: string): void => {
      if (!schema || typeof schema !== 'object') return;
      const node = schema as Record<string, unknown>;
      if (typeof node.$ref === 'string') {
        const name = node.$ref.split('/').at(-1)!;
        if (!seen.has(name)) {
          seen.add(name);
          visit(doc.components.schemas[name], name);
        }
        return;
      }
      // `{}` accepts anything; an object is closed by `additionalProperties: false` or, keyed by data, by a value schema.
      if (Object.keys(node).length === 0) open.push(where);
      const extra = node.additionalProperties;
      const typedRecord = typeof extra === 'object' && extra !== null && Object.keys(extra).length > 0;
      if (node.type === 'object' && extra !== false && !typedRecord) open.push(where);
      for (const [key, value] of Object.entries(node)) {
        if (Array.isArray(value)) value.forEach((item, index) => visit(item, `${where}.${key}[${index}]`));
        else if (typeof value === 'object') visit(value, `${where}.${key}`);
      }
    };
    visit(trace, 'trace');
    visit(simulation, 'simulation');
    expect(open).toEqual([]);
    for (const name of ['ConditionOutcome', 'PassTrace', 'AppliedResult', 'TriggerCycleTrace', 'TimeRuleTrace', 'SimulationTrace']) {
      expect([...seen], name).toContain(name);
    }
  });
});

describe('trace and simulation answers', () => {
  it('match their strict schemas, which refuse anything they do not describe', async () => {
    const fresh = await h.createService('추적', ['상담']);
    const member = await h.createAgent({ groupIds: [fresh.groupIds[0]], name: '예시02' });
    await defineTrigger(h, fresh.id, {
      title: 'VIP',
      events: ['created'],
      all: [{ field: 'subject', operator: 'contains', value: 'VIP' }],
      any: [{ field: 'tags', operator: 'isEmpty' }, { field: 'priority', operator: 'in', value: ['normal', 'low'] }],
      results: [
        { type: 'setPriority', priority: 'high' },
        { type: 'addTags', tags: ['vip'] },
        { type: 'notifyEmail', to: 'customer', messages: { ko: { subject: 'VIP', body: '#{ticket.id}' } } },
      ],
    });
    await defineTrigger(h, fresh.id, {
      title: '담당자 지정됨',
      events: ['updated'],
      all: [{ field: 'assigneeId', operator: 'changed' }],
      results: [{ type: 'addTags', tags: ['taken'] }],
    });
    await publish(h, fresh.id);

    const created = await h.request('POST', '/tickets', {
      token: h.admin.token,
      body: { serviceId: fresh.id, subject: 'VIP 문의', content: '내용', customer: { name: '홍길동', email: 'vip@example.com' } },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const ticketId = created.body.id;
    await settledSideEffects(h, ticketId);
    expect((await h.request('POST', `/tickets/${ticketId}/take`, { token: member.token, body: {} })).status).toBe(200);

    const deadline = Date.now() + 10_000;
    let traces = (await h.request('GET', `/tickets/${ticketId}/trace`, { token: h.admin.token })).body;
    while (traces.length < 2 && Date.now() < deadline) {
      await settledSideEffects(h, ticketId);
      traces = (await h.request('GET', `/tickets/${ticketId}/trace`, { token: h.admin.token })).body;
    }
    expectTraceAnswer(traces);
    expect(traces.map((trace: { event: string }) => trace.event)).toEqual(['created', 'updated']);
    expect(traces[0].sideEffects).toEqual([
      { index: 0, triggerId: expect.any(String), type: 'notifyEmail', status: 'skipped', attempts: 1, lastError: expect.any(String), detail: null },
    ]);
    const [taken] = traces[1].trace.passes[0].triggers.filter((trigger: { title: string }) => trigger.title === '담당자 지정됨');
    expect(taken.conditions).toEqual([
      { group: 'all', index: 0, field: 'assignee', operator: 'changed', expected: null, actual: { before: null, after: member.id }, held: true },
    ]);

    // Strict: a property the schema does not describe, at any depth, is refused.
    const tampered = structuredClone(traces);
    tampered[1].trace.passes[0].triggers[0].conditions[0].extra = true;
    expect(z.array(TriggerEvaluationTrace).safeParse(tampered).success).toBe(false);

    const simulated = await h.request('POST', '/rules/simulate', {
      token: h.admin.token,
      body: { serviceId: fresh.id, version: 'published', ticket: { subject: 'VIP 환불' } },
    });
    expect(simulated.status, JSON.stringify(simulated.body)).toBe(200);
    expectSimulationAnswer(simulated.body);
    expect(simulated.body.trace.sideEffects[0].result.type).toBe('notifyEmail');
    const extra = structuredClone(simulated.body);
    extra.trace.sideEffects[0].extra = 1;
    expect(Simulation.safeParse(extra).success).toBe(false);
  });
});
