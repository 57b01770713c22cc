import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDraftRuleSet, loadPublishedRuleSet, loadRuleSetVersion } from '../../store/rule-sets';
import { decompileRule } from '../../rules/index';
import { startHarness, type Harness } from '../support/harness';
import { refusalCheck } from '../support/refusals';

let h: Harness;
let service: { id: string; groupIds: string[] };
let otherService: { id: string; groupIds: string[] };
let agent: { id: string; token: string };
let orgAdmin: { id: string; token: string };
let bankTransfer: string;
let retiredIntake: string;
let otherServiceIntake: string;

beforeAll(async () => {
  h = await startHarness();
  service = await h.createService('결제 상담');
  otherService = await h.createService('기술 지원', ['기술']);
  agent = await h.createAgent({ groupIds: [service.groupIds[0]], name: '예시01' });
  orgAdmin = await h.createAgent({ role: 'org_admin', groupIds: [service.groupIds[1]], name: '조직관리자' });
  bankTransfer = await h.createIntakeType(service.id, '계좌이체');
  retiredIntake = await h.createIntakeType(service.id, '폐지된 유형', { enabled: false });
  otherServiceIntake = await h.createIntakeType(otherService.id, '장애');
});

afterAll(async () => {
  await h?.stop();
});

/** The bank-transfer example (docs/domain.md#example-bank-transfer): intake type = bank transfer (AND) → assign to agent 예시01 in group 결제. */
function triggerBody(overrides: Record<string, unknown> = {}) {
  return {
    title: '계좌이체 문의는 결제 그룹 예시01에게',
    events: ['created'],
    conditions: { all: [{ field: 'intakeType', operator: 'equals', value: bankTransfer }], any: [] },
    results: [{ type: 'assign', groupId: service.groupIds[0], strategy: 'agent', agentId: agent.id }],
    ...overrides,
  };
}

const URGENT = { all: [{ field: 'priority', operator: 'equals', value: 'urgent' }], any: [] };

async function createTrigger(serviceId: string, overrides: Record<string, unknown> = {}) {
  // Other services have no 계좌이체 intake type; their triggers look at the priority instead.
  const conditions = serviceId === service.id ? {} : { conditions: URGENT };
  const response = await h.request('POST', `/services/${serviceId}/triggers`, {
    token: h.admin.token,
    body: triggerBody({ ...conditions, ...overrides }),
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

async function listTriggers(serviceId: string, token = h.admin.token) {
  const response = await h.request('GET', `/services/${serviceId}/triggers`, { token });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

async function publish(serviceId: string, note?: string) {
  const response = await h.request('POST', `/services/${serviceId}/rule-versions`, {
    token: h.admin.token,
    body: note === undefined ? {} : { note },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

/** Every row a trigger request may write: a refused request must leave all of it as it was. */
async function state() {
  const [counts] = await h.sql`
    select (select count(*) from rule_set_versions)::int as versions, (select count(*) from audit_log)::int as audit_log,
      (select count(*) from rule_set_current)::int as current`;
  const triggers = await h.sql`select id, title, enabled, position, definition, deleted_at, updated_at from triggers order by id`;
  const current = await h.sql`select service_id, version_id from rule_set_current order by service_id`;
  return { counts, triggers: [...triggers], current: [...current] };
}

const expectRefused = refusalCheck(() => h, state);

/** Posts a trigger that must be refused with 422 `trigger.invalid`; returns the issues. */
async function expectInvalid(body: unknown, path = `/services/${service.id}/triggers`, method = 'POST') {
  const error = await expectRefused(method, path, { token: h.admin.token, body }, 422, 'trigger.invalid');
  return error.details.issues as { path: (string | number)[]; code: string; message: string }[];
}

describe('trigger drafts', () => {
  it('creates triggers at the end of the order, lists and reads them, with audit rows', async () => {
    const fresh = await h.createService();
    expect(await listTriggers(fresh.id)).toEqual({ triggers: [], publishedVersion: null, unpublishedChanges: false });

    const first = await createTrigger(service.id);
    expect(first).toEqual({ id: expect.stringMatching(/^R\d{13}[A-Za-z0-9]{4}$/), position: 0, enabled: true, ...triggerBody() });
    const second = await createTrigger(service.id, {
      title: '긴급 문의 알림',
      enabled: false,
      conditions: { all: [], any: [{ field: 'priority', operator: 'in', value: ['high', 'urgent'] }] },
      results: [{ type: 'forwardToGroup', groupId: service.groupIds[1] }, { type: 'addTags', tags: ['긴급'] }],
    });
    expect(second).toMatchObject({ position: 1, enabled: false, title: '긴급 문의 알림' });

    const list = await listTriggers(service.id, agent.token);
    expect(list).toEqual({ triggers: [first, second], publishedVersion: null, unpublishedChanges: true });
    expect((await h.request('GET', `/triggers/${first.id}`, { token: agent.token })).body).toEqual(first);
    expect((await h.request('GET', `/triggers/${second.id}`, { token: orgAdmin.token })).body).toEqual(second);

    const [row] = await h.sql`select service_id, title, enabled, position, created_by from triggers where id = ${first.id}`;
    expect(row).toEqual({ service_id: service.id, title: first.title, enabled: true, position: 0, created_by: h.admin.id });
    expect(await h.auditRows(first.id)).toEqual([
      { actor_id: h.admin.id, action: 'trigger.created', details: { serviceId: service.id, after: first } },
    ]);
  });

  it('replaces a trigger with PUT, keeping its id, position and (when omitted) enabled flag', async () => {
    const created = await createTrigger(service.id, { title: '교체 전' });
    const replacement = {
      title: '교체 후',
      events: ['created', 'updated'],
      conditions: {
        all: [{ field: 'intakeType', operator: 'withinSubtree', value: bankTransfer }],
        any: [{ field: 'subject', operator: 'contains', value: '환불' }, { field: 'priority', operator: 'changedTo', value: 'urgent' }],
      },
      results: [
        { type: 'setPriority', priority: 'high' },
        { type: 'assign', groupId: service.groupIds[0], strategy: 'roundRobin' },
      ],
    };
    const response = await h.request('PUT', `/triggers/${created.id}`, { token: h.admin.token, body: replacement });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toEqual({ id: created.id, position: created.position, enabled: true, ...replacement });
    expect((await h.request('GET', `/triggers/${created.id}`, { token: agent.token })).body).toEqual(response.body);

    const disabled = await h.request('PUT', `/triggers/${created.id}`, { token: h.admin.token, body: { ...replacement, enabled: false } });
    expect(disabled.body.enabled).toBe(false);
    const audit = await h.auditRows(created.id);
    expect(audit.map((entry) => entry.action)).toEqual(['trigger.created', 'trigger.replaced', 'trigger.replaced']);
    expect(audit[1].details).toEqual({ serviceId: service.id, before: created, after: response.body });
  });

  it('renames, enables and disables a trigger with PATCH', async () => {
    const created = await createTrigger(service.id, { title: '이름 바꾸기' });
    const renamed = await h.request('PATCH', `/triggers/${created.id}`, { token: h.admin.token, body: { title: '새 이름', enabled: false } });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(renamed.body).toEqual({ ...created, title: '새 이름', enabled: false });
    const enabled = await h.request('PATCH', `/triggers/${created.id}`, { token: h.admin.token, body: { enabled: true } });
    expect(enabled.body).toEqual({ ...created, title: '새 이름', enabled: true });
    const [row] = await h.sql`select title, enabled from triggers where id = ${created.id}`;
    expect(row).toEqual({ title: '새 이름', enabled: true });
    expect((await h.auditRows(created.id)).slice(1)).toEqual([
      {
        actor_id: h.admin.id,
        action: 'trigger.updated',
        details: { serviceId: service.id, before: { title: '이름 바꾸기', enabled: true }, after: { title: '새 이름', enabled: false } },
      },
      { actor_id: h.admin.id, action: 'trigger.updated', details: { serviceId: service.id, before: { enabled: false }, after: { enabled: true } } },
    ]);

    await expectRefused('PATCH', `/triggers/${created.id}`, { token: h.admin.token, body: {} }, 422, 'trigger.invalid');
    const issues = (await expectRefused('PATCH', `/triggers/${created.id}`, { token: h.admin.token, body: { title: '' } }, 422, 'trigger.invalid'))
      .details.issues;
    expect(issues[0].path).toEqual(['title']);
  });

  it('reorders triggers only when given exactly the service’s triggers', async () => {
    const fresh = await h.createService();
    const a = await createTrigger(fresh.id, { title: 'A', results: [{ type: 'addTags', tags: ['a'] }] });
    const b = await createTrigger(fresh.id, { title: 'B', results: [{ type: 'addTags', tags: ['b'] }] });
    const c = await createTrigger(fresh.id, { title: 'C', results: [{ type: 'addTags', tags: ['c'] }] });
    const path = `/services/${fresh.id}/triggers/order`;

    const reordered = await h.request('PUT', path, { token: h.admin.token, body: { triggerIds: [c.id, a.id, b.id] } });
    expect(reordered.status, JSON.stringify(reordered.body)).toBe(200);
    expect(reordered.body.triggers.map((t: { id: string; position: number }) => [t.id, t.position])).toEqual([
      [c.id, 0],
      [a.id, 1],
      [b.id, 2],
    ]);
    expect((await h.request('GET', `/triggers/${a.id}`, { token: agent.token })).body.position).toBe(1);
    expect(await h.auditRows(fresh.id)).toEqual([
      { actor_id: h.admin.id, action: 'trigger.reordered', details: { before: [a.id, b.id, c.id], after: [c.id, a.id, b.id] } },
    ]);

    const missing = await expectRefused('PUT', path, { token: h.admin.token, body: { triggerIds: [c.id, a.id] } }, 422, 'trigger.order_mismatch');
    expect(missing.details).toEqual({ missing: [b.id], unknown: [], duplicates: [] });
    const other = await createTrigger(service.id);
    const unknown = await expectRefused(
      'PUT',
      path,
      { token: h.admin.token, body: { triggerIds: [c.id, a.id, b.id, other.id] } },
      422,
      'trigger.order_mismatch',
    );
    expect(unknown.details).toEqual({ missing: [], unknown: [other.id], duplicates: [] });
    const duplicated = await expectRefused(
      'PUT',
      path,
      { token: h.admin.token, body: { triggerIds: [c.id, a.id, b.id, a.id] } },
      422,
      'trigger.order_mismatch',
    );
    expect(duplicated.details).toEqual({ missing: [], unknown: [], duplicates: [a.id] });
    await expectRefused('PUT', path, { token: h.admin.token, body: { triggerIds: 'all' } }, 400, 'request.invalid');
  });

  it('deletes a trigger only once it is disabled', async () => {
    const created = await createTrigger(service.id, { title: '지울 트리거' });
    await expectRefused('DELETE', `/triggers/${created.id}`, { token: h.admin.token }, 409, 'trigger.enabled');
    await h.request('PATCH', `/triggers/${created.id}`, { token: h.admin.token, body: { enabled: false } });

    const deleted = await h.request('DELETE', `/triggers/${created.id}`, { token: h.admin.token });
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeNull();
    await expectRefused('GET', `/triggers/${created.id}`, { token: h.admin.token }, 404, 'trigger.not_found');
    await expectRefused('DELETE', `/triggers/${created.id}`, { token: h.admin.token }, 404, 'trigger.not_found');
    expect((await listTriggers(service.id)).triggers.map((t: { id: string }) => t.id)).not.toContain(created.id);
    const [row] = await h.sql`select deleted_at from triggers where id = ${created.id}`;
    expect(row.deleted_at).toBeInstanceOf(Date);
    expect((await h.auditRows(created.id)).at(-1)).toEqual({
      actor_id: h.admin.id,
      action: 'trigger.deleted',
      details: { serviceId: service.id, title: '지울 트리거' },
    });
  });
});

describe('bad rule definitions', () => {
  const row = (condition: Record<string, unknown>) => ({ conditions: { all: [condition], any: [] } });

  it('answers 422 with the path of an unknown field, a wrong operator or a wrong value type', async () => {
    expect(await expectInvalid(triggerBody(row({ field: 'colour', operator: 'equals', value: 'red' })))).toEqual([
      {
        path: ['conditions', 'all', 0, 'field'],
        code: 'condition.unknown_field',
        message: expect.stringContaining('colour'),
        allowed: expect.arrayContaining(['intakeType', 'priority', 'customerField:<code>']),
      },
    ]);
    expect(await expectInvalid(triggerBody(row({ field: 'priority', operator: 'contains', value: 'high' })))).toEqual([
      {
        path: ['conditions', 'all', 0, 'operator'],
        code: 'condition.operator_not_allowed',
        message: expect.any(String),
        allowed: expect.arrayContaining(['equals', 'in']),
      },
    ]);
    expect(await expectInvalid(triggerBody(row({ field: 'priority', operator: 'equals', value: 3 })))).toEqual([
      { path: ['conditions', 'all', 0, 'value'], code: 'condition.value_type_mismatch', message: expect.any(String) },
    ]);
    expect(await expectInvalid(triggerBody(row({ field: 'priority', operator: 'equals', value: 'whenever' })))).toEqual([
      { path: ['conditions', 'all', 0, 'value'], code: 'condition.value_not_in_vocabulary', message: expect.any(String) },
    ]);
    expect(await expectInvalid(triggerBody(row({ field: 'priority', operator: 'like', value: 'high' })))).toEqual([
      expect.objectContaining({ path: ['conditions', 'all', 0, 'operator'], code: 'shape.invalid_value' }),
    ]);
  });

  it('answers 422 for empty results, empty events and unknown properties', async () => {
    expect(await expectInvalid(triggerBody({ results: [] }))).toEqual([
      { path: ['results'], code: 'trigger.results_empty', message: expect.any(String) },
    ]);
    expect((await expectInvalid(triggerBody({ events: [] })))[0]).toMatchObject({ path: ['events'], code: 'trigger.events_empty' });
    expect((await expectInvalid({ ...triggerBody(), colour: 'red' }))[0]).toMatchObject({ code: 'shape.unrecognized_keys' });
    expect((await expectInvalid({ ...triggerBody(), id: 'R1', position: 3 }))[0]).toMatchObject({ code: 'shape.unrecognized_keys' });
    expect((await expectInvalid(triggerBody({ results: [{ type: 'launchRocket' }] })))[0]).toMatchObject({
      path: ['results', 0, 'type'],
    });
    expect((await expectInvalid(triggerBody({ results: [{ type: 'assign', groupId: service.groupIds[0], strategy: 'agent' }] })))[0]).toMatchObject(
      { path: ['results', 0, 'agentId'], code: 'result.agent_required' },
    );
  });

  it('answers 422 for groups, agents and intake types the service does not have', async () => {
    const assign = (result: Record<string, unknown>) => triggerBody({ results: [{ type: 'assign', strategy: 'random', ...result }] });
    expect(await expectInvalid(assign({ groupId: 'G0000000000000nope' }))).toEqual([
      { path: ['results', 0, 'groupId'], code: 'reference.unknown_group', message: expect.any(String) },
    ]);
    expect((await expectInvalid(assign({ groupId: otherService.groupIds[0] })))[0]).toMatchObject({
      path: ['results', 0, 'groupId'],
      code: 'reference.unknown_group',
    });
    // 예시01 is in 결제, not in 회원정보.
    expect(await expectInvalid(assign({ groupId: service.groupIds[1], strategy: 'agent', agentId: agent.id }))).toEqual([
      { path: ['results', 0, 'agentId'], code: 'reference.agent_not_in_group', message: expect.any(String) },
    ]);
    expect(
      await expectInvalid(triggerBody({ results: [{ type: 'addTags', tags: ['x'] }, { type: 'forwardToGroup', groupId: 'G0000000000000nope' }] })),
    ).toEqual([{ path: ['results', 1, 'groupId'], code: 'reference.unknown_group', message: expect.any(String) }]);
    expect(await expectInvalid(triggerBody({ results: [{ type: 'setIntakeType', intakeTypeId: retiredIntake }] }))).toEqual([
      { path: ['results', 0, 'intakeTypeId'], code: 'reference.intake_type_disabled', message: expect.any(String) },
    ]);
    expect(await expectInvalid(triggerBody({ results: [{ type: 'setIntakeType', intakeTypeId: otherServiceIntake }] }))).toEqual([
      { path: ['results', 0, 'intakeTypeId'], code: 'reference.unknown_intake_type', message: expect.any(String) },
    ]);
    expect(await expectInvalid(triggerBody(row({ field: 'intakeType', operator: 'withinSubtree', value: otherServiceIntake })))).toEqual([
      { path: ['conditions', 'all', 0, 'value'], code: 'reference.unknown_intake_type', message: expect.any(String) },
    ]);
    expect(await expectInvalid(triggerBody(row({ field: 'group', operator: 'in', value: [service.groupIds[0], 'G0000000000000nope'] })))).toEqual([
      { path: ['conditions', 'all', 0, 'value', 1], code: 'reference.unknown_group', message: expect.any(String) },
    ]);

    // A disabled intake type may still be a condition: old tickets keep it.
    await createTrigger(service.id, row({ field: 'intakeType', operator: 'equals', value: retiredIntake }));
  });

  it('refuses a bad replacement without changing the trigger', async () => {
    const created = await createTrigger(service.id);
    const issues = await expectInvalid(triggerBody(row({ field: 'colour', operator: 'equals', value: 'red' })), `/triggers/${created.id}`, 'PUT');
    expect(issues[0].path).toEqual(['conditions', 'all', 0, 'field']);
    expect((await expectInvalid(triggerBody({ results: [] }), `/triggers/${created.id}`, 'PUT'))[0].path).toEqual(['results']);
    expect((await h.request('GET', `/triggers/${created.id}`, { token: agent.token })).body).toEqual(created);
  });

  it('answers 400 for malformed JSON and bodies that are not objects', async () => {
    const path = `/services/${service.id}/triggers`;
    await expectRefused(
      'POST',
      path,
      { token: h.admin.token, rawBody: '{"title": "깨진', headers: { 'content-type': 'application/json' } },
      400,
      'request.malformed',
    );
    await expectRefused('POST', path, { token: h.admin.token, body: [triggerBody()] }, 400, 'request.invalid');
    await expectRefused('POST', path, { token: h.admin.token, body: 'trigger' }, 400, 'request.invalid');
  });
});

describe('who may change triggers', () => {
  it('refuses agents and organisation admins every write, without changing anything', async () => {
    const created = await createTrigger(service.id, { enabled: false });
    const version = await publish(service.id);
    for (const token of [agent.token, orgAdmin.token]) {
      await expectRefused('POST', `/services/${service.id}/triggers`, { token, body: triggerBody() }, 403, 'auth.forbidden');
      await expectRefused('PUT', `/triggers/${created.id}`, { token, body: triggerBody() }, 403, 'auth.forbidden');
      await expectRefused('PATCH', `/triggers/${created.id}`, { token, body: { enabled: true } }, 403, 'auth.forbidden');
      await expectRefused('DELETE', `/triggers/${created.id}`, { token }, 403, 'auth.forbidden');
      await expectRefused('PUT', `/services/${service.id}/triggers/order`, { token, body: { triggerIds: [] } }, 403, 'auth.forbidden');
      await expectRefused('POST', `/services/${service.id}/rule-versions`, { token, body: {} }, 403, 'auth.forbidden');
      await expectRefused('POST', `/rule-versions/${version.id}/rollback`, { token, body: {} }, 403, 'auth.forbidden');
    }
    expect((await h.request('GET', `/services/${service.id}/rule-versions`, { token: agent.token })).status).toBe(200);
    expect((await h.request('GET', `/rule-versions/${version.id}`, { token: agent.token })).status).toBe(200);
    await expectRefused('GET', `/services/${service.id}/triggers`, {}, 401, 'auth.required');
  });

  it('answers 404 for unknown services, triggers and versions', async () => {
    const token = h.admin.token;
    await expectRefused('GET', '/services/S0000000000000nope/triggers', { token }, 404, 'service.not_found');
    await expectRefused('POST', '/services/S0000000000000nope/triggers', { token, body: triggerBody() }, 404, 'service.not_found');
    await expectRefused('PUT', '/triggers/R0000000000000nope', { token, body: triggerBody() }, 404, 'trigger.not_found');
    await expectRefused('PATCH', '/triggers/R0000000000000nope', { token, body: { enabled: false } }, 404, 'trigger.not_found');
    await expectRefused('POST', '/services/S0000000000000nope/rule-versions', { token, body: {} }, 404, 'service.not_found');
    await expectRefused('GET', '/rule-versions/V0000000000000nope', { token }, 404, 'rule_version.not_found');
    await expectRefused('POST', '/rule-versions/V0000000000000nope/rollback', { token, body: {} }, 404, 'rule_version.not_found');
  });
});

describe('rule-set versions', () => {
  it('publishes numbered versions, rolls back to an old one as a new version, and restores its drafts', async () => {
    const fresh = await h.createService('버전 관리', ['결제']);
    const assign = { type: 'assign', groupId: fresh.groupIds[0], strategy: 'random' };
    const a = await createTrigger(fresh.id, { title: 'A', results: [assign] });
    const b = await createTrigger(fresh.id, { title: 'B', enabled: false, results: [{ type: 'addTags', tags: ['b'] }] });

    const v1 = await publish(fresh.id, '첫 배포');
    expect(v1).toMatchObject({
      id: expect.stringMatching(/^V\d{13}/),
      serviceId: fresh.id,
      number: 1,
      publishedBy: h.admin.id,
      note: '첫 배포',
      rolledBackFrom: null,
      triggerCount: 2,
      current: true,
      triggers: [a, b],
    });
    expect(v1.definitions).toHaveLength(2);
    expect(v1.definitions.map((definition: never) => decompileRule(definition))).toEqual([a, b]);
    expect(await listTriggers(fresh.id)).toEqual({
      triggers: [a, b],
      publishedVersion: { id: v1.id, number: 1, publishedAt: v1.publishedAt },
      unpublishedChanges: false,
    });

    // Edits: rename A, delete B, add C. The published version is untouched until the next publish.
    const renamed = (await h.request('PATCH', `/triggers/${a.id}`, { token: h.admin.token, body: { title: 'A2' } })).body;
    expect((await h.request('DELETE', `/triggers/${b.id}`, { token: h.admin.token })).status).toBe(204);
    const c = await createTrigger(fresh.id, { title: 'C', results: [{ type: 'addTags', tags: ['c'] }] });
    expect((await listTriggers(fresh.id)).unpublishedChanges).toBe(true);
    expect((await h.request('GET', `/rule-versions/${v1.id}`, { token: agent.token })).body).toEqual({ ...v1, current: true });

    const v2 = await publish(fresh.id);
    expect(v2).toMatchObject({ number: 2, note: null, current: true, triggers: [renamed, c] });
    expect((await h.request('GET', `/rule-versions/${v1.id}`, { token: agent.token })).body).toEqual({ ...v1, current: false });

    const versions = await h.request('GET', `/services/${fresh.id}/rule-versions`, { token: agent.token });
    expect(versions.status).toBe(200);
    expect(versions.body.map((v: { number: number; current: boolean }) => [v.number, v.current])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(versions.body[0]).not.toHaveProperty('definitions');
    expect(versions.body[0]).not.toHaveProperty('triggers');
    const older = await h.request('GET', `/services/${fresh.id}/rule-versions?before=2`, { token: agent.token });
    expect(older.body.map((v: { number: number }) => v.number)).toEqual([1]);

    const published = await loadPublishedRuleSet(h.sql, fresh.id);
    expect(published).toEqual({ versionId: v2.id, number: 2, serviceId: fresh.id, definitions: v2.definitions });
    expect(await loadRuleSetVersion(h.sql, v1.id)).toEqual({ versionId: v1.id, number: 1, serviceId: fresh.id, definitions: v1.definitions });
    expect(await loadRuleSetVersion(h.sql, 'V0000000000000nope')).toBeNull();

    const rollback = await h.request('POST', `/rule-versions/${v1.id}/rollback`, { token: h.admin.token, body: { note: 'C 트리거 문제' } });
    expect(rollback.status, JSON.stringify(rollback.body)).toBe(201);
    const v3 = rollback.body;
    expect(v3).toMatchObject({
      number: 3,
      rolledBackFrom: 1,
      note: 'C 트리거 문제',
      current: true,
      triggers: v1.triggers,
      definitions: v1.definitions,
    });
    expect(v3.id).not.toBe(v1.id);
    // The drafts are now what runs: A as it was, B restored (disabled, as published), C gone.
    expect(await listTriggers(fresh.id)).toEqual({
      triggers: [a, b],
      publishedVersion: { id: v3.id, number: 3, publishedAt: v3.publishedAt },
      unpublishedChanges: false,
    });
    await expectRefused('GET', `/triggers/${c.id}`, { token: h.admin.token }, 404, 'trigger.not_found');
    expect((await loadDraftRuleSet(h.sql, fresh.id)).definitions).toEqual(v1.definitions);
    expect((await loadPublishedRuleSet(h.sql, fresh.id))?.versionId).toBe(v3.id);

    expect(await h.auditRows(v1.id)).toEqual([
      {
        actor_id: h.admin.id,
        action: 'rules.published',
        details: { serviceId: fresh.id, number: 1, triggerIds: [a.id, b.id], note: '첫 배포' },
      },
    ]);
    expect(await h.auditRows(v2.id)).toEqual([
      { actor_id: h.admin.id, action: 'rules.published', details: { serviceId: fresh.id, number: 2, triggerIds: [a.id, c.id], note: null } },
    ]);
    expect(await h.auditRows(v3.id)).toEqual([
      {
        actor_id: h.admin.id,
        action: 'rules.rolled_back',
        details: { serviceId: fresh.id, number: 3, rolledBackFrom: 1, rolledBackFromVersionId: v1.id, note: 'C 트리거 문제' },
      },
    ]);
  });

  it('keeps versions immutable in the database', async () => {
    const fresh = await h.createService();
    const version = await publish(fresh.id);
    await expect(h.sql`update rule_set_versions set note = 'edited' where id = ${version.id}`).rejects.toThrow(/immutable/);
    await expect(h.sql`delete from rule_set_versions where id = ${version.id}`).rejects.toThrow(/immutable/);
    const [row] = await h.sql`select note from rule_set_versions where id = ${version.id}`;
    expect(row.note).toBeNull();
  });

  it('publishes an empty version, which turns automation off', async () => {
    const fresh = await h.createService();
    const version = await publish(fresh.id);
    expect(version).toMatchObject({ number: 1, triggerCount: 0, triggers: [], definitions: [], current: true });
    expect(await loadPublishedRuleSet(h.sql, fresh.id)).toEqual({ versionId: version.id, number: 1, serviceId: fresh.id, definitions: [] });
    expect(await loadPublishedRuleSet(h.sql, 'S0000000000000nope')).toBeNull();
    expect(await loadDraftRuleSet(h.sql, fresh.id)).toEqual({ versionId: 'draft', number: null, serviceId: fresh.id, definitions: [] });
  });

  it('numbers concurrent publishes 1 to 5 without duplicates', async () => {
    const fresh = await h.createService();
    await createTrigger(fresh.id, { results: [{ type: 'addTags', tags: ['동시'] }] });
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => h.request('POST', `/services/${fresh.id}/rule-versions`, { token: h.admin.token, body: {} })),
    );
    expect(responses.map((response) => response.status)).toEqual([201, 201, 201, 201, 201]);
    expect(responses.map((response) => response.body.number).sort()).toEqual([1, 2, 3, 4, 5]);
    const [current] = await h.sql`
      select v.number from rule_set_current c join rule_set_versions v on v.id = c.version_id where c.service_id = ${fresh.id}`;
    expect(current.number).toBe(5);
  });
});

describe('API document', () => {
  it('documents the trigger routes with the body derived from the rule model', async () => {
    const doc = await h.request('GET', '/openapi.json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/services/{serviceId}/triggers',
        '/services/{serviceId}/triggers/order',
        '/triggers/{id}',
        '/services/{serviceId}/rule-versions',
        '/rule-versions/{id}',
        '/rule-versions/{id}/rollback',
      ]),
    );
    const body = doc.body.components.schemas.TriggerBody;
    expect(Object.keys(body.properties).sort()).toEqual(['conditions', 'enabled', 'events', 'results', 'title']);
    expect(body.required).not.toContain('enabled');
    expect(Object.keys(doc.body.components.schemas.Trigger.properties).sort()).toEqual(
      ['conditions', 'enabled', 'events', 'id', 'position', 'results', 'title'],
    );
    expect(JSON.stringify(doc.body.components.schemas.RuleSetVersion)).toContain('"items":{"$ref":"#/components/schemas/Trigger"}');
  });
});
