import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchPolicy } from '../../rules/sla-policies';
import { loadTimeRuleConfig } from '../../store/time-rules/config';
import { businessId } from '../../domain/ids';
import { startHarness, type Harness } from '../support/harness';
import { refusalCheck } from '../support/refusals';

let h: Harness;
let service: { id: string; groupIds: string[] };
let otherService: { id: string; groupIds: string[] };
let agent: { id: string; token: string };
let orgAdmin: { id: string; token: string };
let payment: string;
let bankTransfer: string;
let otherServiceIntake: string;

type Issue = { path: (string | number)[]; code: string; message: string };

beforeAll(async () => {
  h = await startHarness();
  service = await h.createService('결제 상담');
  otherService = await h.createService('기술 지원', ['기술']);
  agent = await h.createAgent({ groupIds: [service.groupIds[0]], name: '예시01' });
  orgAdmin = await h.createAgent({ role: 'org_admin', groupIds: [service.groupIds[1]], name: '조직관리자' });
  payment = await h.createIntakeType(service.id, '결제');
  bankTransfer = await h.createIntakeType(service.id, '계좌이체', { parentId: payment });
  otherServiceIntake = await h.createIntakeType(otherService.id, '장애');
});

afterAll(async () => {
  await h?.stop();
});

/** 09:00–18:00 on weekdays with a lunch break, closed on Children's Day. */
const SEOUL_HOURS = {
  timezone: 'Asia/Seoul',
  weekly: [1, 2, 3, 4, 5].flatMap((day) => [
    { day, start: '09:00', end: '12:00' },
    { day, start: '13:00', end: '18:00' },
  ]),
  holidays: ['2025-05-05'],
};

function policyBody(overrides: Record<string, unknown> = {}) {
  return {
    title: '긴급 문의 SLA',
    priority: 'urgent',
    intakeTypeId: payment,
    firstResponse: '30m',
    resolution: '1.5d',
    onAtRisk: [{ type: 'notifyEmail', to: 'assignee', messages: { ko: { subject: '#{ticket.id} 응답 임박', body: '곧 SLA를 넘깁니다.' } } }],
    onBreach: [
      { type: 'assign', groupId: service.groupIds[0], strategy: 'agent', agentId: agent.id },
      { type: 'setPriority', priority: 'urgent' },
    ],
    ...overrides,
  };
}

async function createPolicy(serviceId: string, overrides: Record<string, unknown> = {}) {
  const response = await h.request('POST', `/services/${serviceId}/sla-policies`, { token: h.admin.token, body: policyBody(overrides) });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

async function createAutomation(serviceId: string, body: Record<string, unknown>) {
  const response = await h.request('POST', `/services/${serviceId}/automations`, { token: h.admin.token, body });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

/** Every row a time-rule request may write: a refused request must leave all of it as it was. */
async function state() {
  const [audit] = await h.sql`select count(*)::int as rows from audit_log`;
  const hours = await h.sql`select service_id, timezone, weekly, holidays, updated_at from business_hours order by service_id`;
  const policies = await h.sql`select * from sla_policies order by id`;
  const automations = await h.sql`select * from automations order by id`;
  return { audit, hours: [...hours], policies: [...policies], automations: [...automations] };
}

const expectRefused = refusalCheck(() => h, state);

async function expectInvalid(method: string, path: string, body: unknown, code: string): Promise<Issue[]> {
  const error = await expectRefused(method, path, { token: h.admin.token, body }, 422, code);
  return error.details.issues;
}

describe('business hours', () => {
  it('sets, reads, changes and removes a service’s business hours, with audit rows', async () => {
    const fresh = await h.createService();
    const path = `/services/${fresh.id}/business-hours`;
    expect((await h.request('GET', path, { token: agent.token })).body).toEqual({ serviceId: fresh.id, businessHours: null });

    const set = await h.request('PUT', path, { token: h.admin.token, body: SEOUL_HOURS });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toEqual({ serviceId: fresh.id, businessHours: SEOUL_HOURS });
    expect((await h.request('GET', path, { token: orgAdmin.token })).body).toEqual(set.body);
    const [row] = await h.sql`select timezone, holidays::text[] as holidays from business_hours where service_id = ${fresh.id}`;
    expect(row).toEqual({ timezone: 'Asia/Seoul', holidays: ['2025-05-05'] });

    // The same hours again change nothing and write no audit row; holidays default to none.
    await h.request('PUT', path, { token: h.admin.token, body: SEOUL_HOURS });
    const changed = { timezone: 'Asia/Seoul', weekly: [{ day: 6, start: '10:00', end: '24:00' }] };
    const second = await h.request('PUT', path, { token: h.admin.token, body: changed });
    expect(second.body.businessHours).toEqual({ ...changed, holidays: [] });

    const deleted = await h.request('DELETE', path, { token: h.admin.token });
    expect(deleted.status).toBe(204);
    expect((await h.request('GET', path, { token: agent.token })).body.businessHours).toBeNull();
    expect((await h.request('DELETE', path, { token: h.admin.token })).status).toBe(204);

    expect(await h.auditRows(fresh.id)).toEqual([
      { actor_id: h.admin.id, action: 'business_hours.replaced', details: { before: null, after: SEOUL_HOURS } },
      {
        actor_id: h.admin.id,
        action: 'business_hours.replaced',
        details: { before: SEOUL_HOURS, after: { ...changed, holidays: [] } },
      },
      { actor_id: h.admin.id, action: 'business_hours.deleted', details: { before: { ...changed, holidays: [] } } },
    ]);
  });

  it('refuses unknown time zones, windows ending before they start and other bad hours with 422 and paths', async () => {
    const path = `/services/${service.id}/business-hours`;
    await h.request('PUT', path, { token: h.admin.token, body: SEOUL_HOURS });
    const invalid = (body: unknown) => expectInvalid('PUT', path, body, 'business_hours.invalid');

    expect(await invalid({ ...SEOUL_HOURS, timezone: 'Asia/Atlantis' })).toEqual([
      { path: ['timezone'], code: 'shape.custom', message: expect.stringContaining('IANA time zone') },
    ]);
    expect(await invalid({ ...SEOUL_HOURS, weekly: [{ day: 1, start: '18:00', end: '09:00' }] })).toEqual([
      { path: ['weekly', 0, 'end'], code: 'shape.custom', message: expect.stringContaining('end must be after start') },
    ]);
    expect((await invalid({ ...SEOUL_HOURS, weekly: [{ day: 1, start: '09:00', end: '25:00' }] }))[0].path).toEqual(['weekly', 0, 'end']);
    expect((await invalid({ ...SEOUL_HOURS, weekly: [{ day: 8, start: '09:00', end: '18:00' }] }))[0].path).toEqual(['weekly', 0, 'day']);
    expect(
      await invalid({
        ...SEOUL_HOURS,
        weekly: [
          { day: 1, start: '09:00', end: '13:00' },
          { day: 1, start: '12:00', end: '18:00' },
        ],
      }),
    ).toEqual([{ path: ['weekly', 1], code: 'shape.custom', message: 'overlaps window 0 on the same day' }]);
    expect((await invalid({ ...SEOUL_HOURS, holidays: ['2025-02-30'] }))[0].path).toEqual(['holidays', 0]);
    expect((await invalid({ ...SEOUL_HOURS, open: true }))[0].code).toBe('shape.unrecognized_keys');
    expect((await invalid({ weekly: [] }))[0].path).toEqual(['timezone']);

    await expectRefused('PUT', path, { token: h.admin.token, body: [SEOUL_HOURS] }, 400, 'request.invalid');
    expect((await h.request('GET', path, { token: agent.token })).body.businessHours).toEqual(SEOUL_HOURS);
  });
});

describe('SLA policies', () => {
  it('creates policies at the end of the order with parsed durations, lists and reads them, with audit rows', async () => {
    const fresh = await h.createService('SLA', ['결제']);
    expect((await h.request('GET', `/services/${fresh.id}/sla-policies`, { token: agent.token })).body).toEqual({ policies: [] });

    const first = await createPolicy(service.id);
    expect(first).toEqual({
      id: expect.stringMatching(/^P\d{13}[A-Za-z0-9]{4}$/),
      serviceId: service.id,
      title: '긴급 문의 SLA',
      enabled: true,
      position: expect.any(Number),
      priority: 'urgent',
      intakeTypeId: payment,
      firstResponse: '30m',
      firstResponseMs: 30 * 60_000,
      resolution: '36h',
      resolutionMs: 36 * 3_600_000,
      atRiskRatio: 0.8,
      onAtRisk: policyBody().onAtRisk,
      onBreach: policyBody().onBreach,
    });
    const second = await createPolicy(service.id, {
      title: '일반 문의',
      enabled: false,
      priority: null,
      intakeTypeId: null,
      firstResponse: '90s',
      resolution: null,
      atRiskRatio: 0.5,
      onAtRisk: [],
      onBreach: [
        { type: 'forwardToGroup', groupId: service.groupIds[1] },
        { type: 'addTags', tags: ['SLA 위반'] },
        { type: 'callbackUrl', url: 'https://hooks.example.com/sla', payloadTemplate: '{"ticket":"#{ticket.id}"}' },
        { type: 'doorayNotify', hookUrl: 'https://hook.dooray.com/services/1/2/abc', template: '#{ticket.id} SLA 위반' },
      ],
    });
    expect(second).toMatchObject({ position: first.position + 1, enabled: false, firstResponse: '90s', firstResponseMs: 90_000 });
    expect(second).toMatchObject({ resolution: null, resolutionMs: null, atRiskRatio: 0.5, priority: null, intakeTypeId: null });

    const list = await h.request('GET', `/services/${service.id}/sla-policies`, { token: agent.token });
    expect(list.body.policies.slice(-2)).toEqual([first, second]);
    expect((await h.request('GET', `/sla-policies/${first.id}`, { token: orgAdmin.token })).body).toEqual(first);

    const [row] = await h.sql`
      select first_response_ms, resolution_ms, at_risk_ratio, deleted_at from sla_policies where id = ${first.id}`;
    expect(row).toEqual({ first_response_ms: String(30 * 60_000), resolution_ms: String(36 * 3_600_000), at_risk_ratio: 0.8, deleted_at: null });
    expect(await h.auditRows(first.id)).toEqual([
      { actor_id: h.admin.id, action: 'sla_policy.created', details: { serviceId: service.id, after: first } },
    ]);
  });

  it('replaces a policy with PUT, keeping its id, position and (when omitted) enabled flag', async () => {
    const created = await createPolicy(service.id, { title: '교체 전', enabled: false });
    const replacement = policyBody({ title: '교체 후', priority: 'high', intakeTypeId: bankTransfer, firstResponse: null, resolution: '2d' });
    const response = await h.request('PUT', `/sla-policies/${created.id}`, { token: h.admin.token, body: replacement });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toEqual({
      ...created,
      title: '교체 후',
      priority: 'high',
      intakeTypeId: bankTransfer,
      firstResponse: null,
      firstResponseMs: null,
      resolution: '2d',
      resolutionMs: 2 * 86_400_000,
    });
    expect((await h.request('GET', `/sla-policies/${created.id}`, { token: agent.token })).body).toEqual(response.body);

    // Unchanged: no audit row. Then enabled.
    await h.request('PUT', `/sla-policies/${created.id}`, { token: h.admin.token, body: replacement });
    const enabled = await h.request('PUT', `/sla-policies/${created.id}`, { token: h.admin.token, body: { ...replacement, enabled: true } });
    expect(enabled.body.enabled).toBe(true);
    const audit = await h.auditRows(created.id);
    expect(audit.map((entry) => entry.action)).toEqual(['sla_policy.created', 'sla_policy.replaced', 'sla_policy.replaced']);
    expect(audit[1].details).toEqual({ serviceId: service.id, before: created, after: response.body });
  });

  it('reorders policies only when given exactly the service’s policies', async () => {
    const fresh = await h.createService('순서', ['결제']);
    const body = { onAtRisk: [], onBreach: [], intakeTypeId: null };
    const a = await createPolicy(fresh.id, { ...body, title: 'A' });
    const b = await createPolicy(fresh.id, { ...body, title: 'B' });
    const c = await createPolicy(fresh.id, { ...body, title: 'C' });
    const path = `/services/${fresh.id}/sla-policies/order`;

    const reordered = await h.request('PUT', path, { token: h.admin.token, body: { policyIds: [c.id, a.id, b.id] } });
    expect(reordered.status, JSON.stringify(reordered.body)).toBe(200);
    expect(reordered.body.policies.map((policy: { id: string; position: number }) => [policy.id, policy.position])).toEqual([
      [c.id, 0],
      [a.id, 1],
      [b.id, 2],
    ]);
    expect(await h.auditRows(fresh.id)).toEqual([
      { actor_id: h.admin.id, action: 'sla_policy.reordered', details: { before: [a.id, b.id, c.id], after: [c.id, a.id, b.id] } },
    ]);
    const missing = await expectRefused('PUT', path, { token: h.admin.token, body: { policyIds: [c.id, a.id] } }, 422, 'sla.order_mismatch');
    expect(missing.details).toEqual({ missing: [b.id], unknown: [], duplicates: [] });
    const other = await createPolicy(service.id);
    const unknown = await expectRefused(
      'PUT',
      path,
      { token: h.admin.token, body: { policyIds: [c.id, a.id, b.id, other.id] } },
      422,
      'sla.order_mismatch',
    );
    expect(unknown.details).toEqual({ missing: [], unknown: [other.id], duplicates: [] });
    await expectRefused('PUT', path, { token: h.admin.token, body: { policyIds: 'all' } }, 400, 'request.invalid');
  });

  it('deletes a policy', async () => {
    const created = await createPolicy(service.id, { title: '지울 정책' });
    const deleted = await h.request('DELETE', `/sla-policies/${created.id}`, { token: h.admin.token });
    expect(deleted.status).toBe(204);
    await expectRefused('GET', `/sla-policies/${created.id}`, { token: h.admin.token }, 404, 'sla_policy.not_found');
    await expectRefused('DELETE', `/sla-policies/${created.id}`, { token: h.admin.token }, 404, 'sla_policy.not_found');
    const list = await h.request('GET', `/services/${service.id}/sla-policies`, { token: agent.token });
    expect(list.body.policies.map((policy: { id: string }) => policy.id)).not.toContain(created.id);
    expect((await h.auditRows(created.id)).at(-1)).toEqual({
      actor_id: h.admin.id,
      action: 'sla_policy.deleted',
      details: { serviceId: service.id, title: '지울 정책' },
    });
  });
});

describe('bad SLA policies', () => {
  const path = () => `/services/${service.id}/sla-policies`;
  const invalid = (body: unknown) => expectInvalid('POST', path(), body, 'sla.invalid');

  it('answers 422 sla.no_target for a policy without a target', async () => {
    const issues = await expectInvalid('POST', path(), policyBody({ firstResponse: null, resolution: undefined }), 'sla.no_target');
    expect(issues).toEqual([{ path: [], code: 'sla.no_target', message: expect.any(String) }]);
  });

  it('answers 422 with the path of a result an SLA policy cannot run', async () => {
    expect(await invalid(policyBody({ onBreach: [{ type: 'addTags', tags: ['x'] }, { type: 'forwardEmail', to: ['a@b.kr'], thenComplete: true }] }))).toEqual([
      { path: ['onBreach', 1, 'type'], code: 'shape.invalid_union', message: expect.stringContaining('notifyEmail, assign') },
    ]);
    expect((await invalid(policyBody({ onAtRisk: [{ type: 'setIntakeType', intakeTypeId: payment }] })))[0].path).toEqual(['onAtRisk', 0, 'type']);
    expect((await invalid(policyBody({ onBreach: [{ type: 'removeTags', tags: ['x'] }] })))[0].path).toEqual(['onBreach', 0, 'type']);
  });

  it('answers 422 for bad durations, ratios, priorities and unknown properties', async () => {
    expect((await invalid(policyBody({ firstResponse: '4 hours' })))[0].path).toEqual(['firstResponse']);
    expect((await invalid(policyBody({ resolution: '0m' })))[0].path).toEqual(['resolution']);
    expect((await invalid(policyBody({ resolution: '400d' })))[0].path).toEqual(['resolution']);
    expect((await invalid(policyBody({ atRiskRatio: 1 })))[0].path).toEqual(['atRiskRatio']);
    expect((await invalid(policyBody({ atRiskRatio: 0 })))[0].path).toEqual(['atRiskRatio']);
    expect((await invalid(policyBody({ priority: 'whenever' })))[0].path).toEqual(['priority']);
    expect((await invalid(policyBody({ title: '' })))[0].path).toEqual(['title']);
    expect((await invalid({ ...policyBody(), position: 3 }))[0].code).toBe('shape.unrecognized_keys');
    const { onBreach: _omitted, ...withoutBreach } = policyBody();
    expect((await invalid(withoutBreach))[0].path).toEqual(['onBreach']);
  });

  it('answers 422 for results that make no sense', async () => {
    expect(await invalid(policyBody({ onBreach: [{ type: 'assign', groupId: service.groupIds[0], strategy: 'agent' }] }))).toEqual([
      { path: ['onBreach', 0, 'agentId'], code: 'result.agent_required', message: expect.any(String) },
    ]);
    const unknownCode = { type: 'notifyEmail', to: 'group', messages: { ko: { subject: '#{ticket.colour}', body: '본문' } } };
    expect(await invalid(policyBody({ onAtRisk: [unknownCode] }))).toEqual([
      { path: ['onAtRisk', 0, 'messages', 'ko', 'subject'], code: 'result.unknown_substitution_code', message: expect.any(String) },
    ]);
  });

  it('answers 422 for groups, agents and intake types the service does not have', async () => {
    expect(await invalid(policyBody({ onBreach: [{ type: 'forwardToGroup', groupId: otherService.groupIds[0] }] }))).toEqual([
      { path: ['onBreach', 0, 'groupId'], code: 'reference.unknown_group', message: expect.any(String) },
    ]);
    // 예시01 is in 결제, not in 회원정보.
    const wrongGroup = { type: 'assign', groupId: service.groupIds[1], strategy: 'agent', agentId: agent.id };
    expect(await invalid(policyBody({ onAtRisk: [wrongGroup] }))).toEqual([
      { path: ['onAtRisk', 0, 'agentId'], code: 'reference.agent_not_in_group', message: expect.any(String) },
    ]);
    expect(await invalid(policyBody({ intakeTypeId: otherServiceIntake }))).toEqual([
      { path: ['intakeTypeId'], code: 'reference.unknown_intake_type', message: expect.any(String) },
    ]);
  });

  it('refuses a bad replacement without changing the policy', async () => {
    const created = await createPolicy(service.id);
    const replace = (body: unknown, code = 'sla.invalid') => expectInvalid('PUT', `/sla-policies/${created.id}`, body, code);
    expect((await replace(policyBody({ onBreach: [{ type: 'forwardEmail', to: ['a@b.kr'], thenComplete: false }] })))[0].path).toEqual([
      'onBreach',
      0,
      'type',
    ]);
    expect((await replace(policyBody({ intakeTypeId: otherServiceIntake })))[0].path).toEqual(['intakeTypeId']);
    await replace(policyBody({ firstResponse: null, resolution: null }), 'sla.no_target');
    expect((await h.request('GET', `/sla-policies/${created.id}`, { token: agent.token })).body).toEqual(created);
  });
});

describe('automations', () => {
  it('creates, lists, replaces and deletes automations, with audit rows', async () => {
    const fresh = await h.createService('자동화', ['결제']);
    const path = `/services/${fresh.id}/automations`;
    expect((await h.request('GET', path, { token: agent.token })).body).toEqual({ automations: [] });

    const complete = await createAutomation(fresh.id, { kind: 'complete_resolved', after: '3d' });
    expect(complete).toEqual({
      id: expect.stringMatching(/^M\d{13}[A-Za-z0-9]{4}$/),
      serviceId: fresh.id,
      kind: 'complete_resolved',
      after: '3d',
      afterMs: 3 * 86_400_000,
      enabled: true,
    });
    const remind = await createAutomation(fresh.id, { kind: 'remind_on_hold', after: '1.5d', enabled: false });
    expect(remind).toMatchObject({ kind: 'remind_on_hold', after: '36h', afterMs: 36 * 3_600_000, enabled: false });
    expect((await h.request('GET', path, { token: orgAdmin.token })).body).toEqual({ automations: [complete, remind] });

    const replaced = await h.request('PUT', `/automations/${complete.id}`, { token: h.admin.token, body: { kind: 'complete_resolved', after: '7d' } });
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(200);
    expect(replaced.body).toEqual({ ...complete, after: '7d', afterMs: 7 * 86_400_000 });
    // Unchanged: no audit row.
    await h.request('PUT', `/automations/${complete.id}`, { token: h.admin.token, body: { kind: 'complete_resolved', after: '168h' } });

    expect((await h.request('DELETE', `/automations/${remind.id}`, { token: h.admin.token })).status).toBe(204);
    expect((await h.request('GET', path, { token: agent.token })).body).toEqual({ automations: [replaced.body] });
    await expectRefused('DELETE', `/automations/${remind.id}`, { token: h.admin.token }, 404, 'automation.not_found');

    expect(await h.auditRows(complete.id)).toEqual([
      { actor_id: h.admin.id, action: 'automation.created', details: { serviceId: fresh.id, after: complete } },
      { actor_id: h.admin.id, action: 'automation.replaced', details: { serviceId: fresh.id, before: complete, after: replaced.body } },
    ]);
    expect((await h.auditRows(remind.id)).map((entry) => entry.action)).toEqual(['automation.created', 'automation.deleted']);
  });

  it('answers 422 automation.invalid with paths for unknown kinds and bad durations', async () => {
    const path = `/services/${service.id}/automations`;
    const invalid = (body: unknown) => expectInvalid('POST', path, body, 'automation.invalid');
    expect((await invalid({ kind: 'close_spam', after: '1d' }))[0].path).toEqual(['kind']);
    expect((await invalid({ kind: 'remind_on_hold', after: '2w' }))[0].path).toEqual(['after']);
    expect((await invalid({ kind: 'remind_on_hold', after: '0s' }))[0].path).toEqual(['after']);
    expect((await invalid({ kind: 'remind_on_hold' }))[0].path).toEqual(['after']);
    const created = await createAutomation(service.id, { kind: 'remind_on_hold', after: '1d' });
    expect((await expectInvalid('PUT', `/automations/${created.id}`, { kind: 'remind_on_hold', after: '-1d' }, 'automation.invalid'))[0].path).toEqual([
      'after',
    ]);
    expect((await h.request('GET', `/services/${service.id}/automations`, { token: agent.token })).body.automations).toContainEqual(created);
  });
});

describe('who may change time rules', () => {
  it('refuses agents and organisation admins every write, without changing anything', async () => {
    const policy = await createPolicy(service.id);
    const automation = await createAutomation(service.id, { kind: 'complete_resolved', after: '2d' });
    for (const token of [agent.token, orgAdmin.token]) {
      await expectRefused('PUT', `/services/${service.id}/business-hours`, { token, body: SEOUL_HOURS }, 403, 'auth.forbidden');
      await expectRefused('DELETE', `/services/${service.id}/business-hours`, { token }, 403, 'auth.forbidden');
      await expectRefused('POST', `/services/${service.id}/sla-policies`, { token, body: policyBody() }, 403, 'auth.forbidden');
      await expectRefused('PUT', `/sla-policies/${policy.id}`, { token, body: policyBody() }, 403, 'auth.forbidden');
      await expectRefused('DELETE', `/sla-policies/${policy.id}`, { token }, 403, 'auth.forbidden');
      await expectRefused('PUT', `/services/${service.id}/sla-policies/order`, { token, body: { policyIds: [] } }, 403, 'auth.forbidden');
      await expectRefused('POST', `/services/${service.id}/automations`, { token, body: { kind: 'remind_on_hold', after: '1d' } }, 403, 'auth.forbidden');
      await expectRefused('PUT', `/automations/${automation.id}`, { token, body: { kind: 'remind_on_hold', after: '1d' } }, 403, 'auth.forbidden');
      await expectRefused('DELETE', `/automations/${automation.id}`, { token }, 403, 'auth.forbidden');
    }
    await expectRefused('GET', `/services/${service.id}/sla-policies`, {}, 401, 'auth.required');
  });

  it('answers 404 for unknown services, policies and automations, and for another organisation’s', async () => {
    const token = h.admin.token;
    await expectRefused('GET', '/services/S0000000000000nope/business-hours', { token }, 404, 'service.not_found');
    await expectRefused('PUT', '/services/S0000000000000nope/business-hours', { token, body: SEOUL_HOURS }, 404, 'service.not_found');
    await expectRefused('POST', '/services/S0000000000000nope/sla-policies', { token, body: policyBody() }, 404, 'service.not_found');
    await expectRefused('PUT', '/sla-policies/P0000000000000nope', { token, body: policyBody() }, 404, 'sla_policy.not_found');
    await expectRefused('PUT', '/automations/M0000000000000nope', { token, body: { kind: 'remind_on_hold', after: '1d' } }, 404, 'automation.not_found');

    const orgId = businessId('O');
    const foreignService = businessId('S');
    const foreignPolicy = businessId('P');
    await h.sql`insert into organizations (id, name) values (${orgId}, '다른 조직')`;
    await h.sql`insert into services (id, org_id, name, kind) values (${foreignService}, ${orgId}, '남의 서비스', 'consultation')`;
    await h.sql`
      insert into sla_policies (id, service_id, title, position, first_response_ms) values (${foreignPolicy}, ${foreignService}, '남의 정책', 0, 60000)`;
    await expectRefused('GET', `/sla-policies/${foreignPolicy}`, { token }, 404, 'sla_policy.not_found');
    await expectRefused('GET', `/services/${foreignService}/business-hours`, { token }, 404, 'service.not_found');
  });
});

describe('the configuration the ticket workflow reads', () => {
  it('loads business hours, enabled policies in order and enabled automations, and matches a ticket to a policy', async () => {
    const fresh = await h.createService('설정 읽기', ['결제']);
    const freshPayment = await h.createIntakeType(fresh.id, '결제');
    const freshTransfer = await h.createIntakeType(fresh.id, '계좌이체', { parentId: freshPayment });
    expect(await loadTimeRuleConfig(h.sql, fresh.id)).toEqual({ businessHours: null, policies: [], automations: [] });

    await h.request('PUT', `/services/${fresh.id}/business-hours`, { token: h.admin.token, body: SEOUL_HOURS });
    const base = { onAtRisk: [], onBreach: [{ type: 'addTags', tags: ['late'] }] };
    const urgentPayment = await createPolicy(fresh.id, { ...base, title: '긴급 결제', priority: 'urgent', intakeTypeId: freshPayment });
    await createPolicy(fresh.id, { ...base, title: '꺼진 정책', priority: null, intakeTypeId: null, enabled: false });
    const deleted = await createPolicy(fresh.id, { ...base, title: '지운 정책', priority: null, intakeTypeId: null });
    await h.request('DELETE', `/sla-policies/${deleted.id}`, { token: h.admin.token });
    const fallback = await createPolicy(fresh.id, { ...base, title: '기본', priority: null, intakeTypeId: null, resolution: null });
    const reminder = await createAutomation(fresh.id, { kind: 'remind_on_hold', after: '1d' });
    await createAutomation(fresh.id, { kind: 'complete_resolved', after: '3d', enabled: false });

    const config = await loadTimeRuleConfig(h.sql, fresh.id);
    expect(config.businessHours).toEqual(SEOUL_HOURS);
    const runtime = (policy: Record<string, unknown>) => ({
      id: policy.id,
      title: policy.title,
      priority: policy.priority,
      intakeTypeId: policy.intakeTypeId,
      firstResponseMs: policy.firstResponseMs,
      resolutionMs: policy.resolutionMs,
      atRiskRatio: policy.atRiskRatio,
      onAtRisk: policy.onAtRisk,
      onBreach: policy.onBreach,
    });
    expect(config.policies).toEqual([runtime(urgentPayment), runtime(fallback)]);
    expect(config.automations).toEqual([{ id: reminder.id, kind: 'remind_on_hold', afterMs: 86_400_000 }]);

    expect(matchPolicy(config.policies, { priority: 'urgent', intakeTypePath: [freshPayment, freshTransfer] })?.id).toBe(urgentPayment.id);
    expect(matchPolicy(config.policies, { priority: 'high', intakeTypePath: [freshPayment, freshTransfer] })?.id).toBe(fallback.id);
    expect(matchPolicy(config.policies, { priority: 'urgent', intakeTypePath: [] })?.id).toBe(fallback.id);
    expect(matchPolicy(config.policies.slice(0, 1), { priority: 'low', intakeTypePath: [] })).toBeNull();
  });
});

describe('API document', () => {
  it('documents the time-rule routes', async () => {
    const doc = await h.request('GET', '/openapi.json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/services/{serviceId}/business-hours',
        '/services/{serviceId}/sla-policies',
        '/services/{serviceId}/sla-policies/order',
        '/sla-policies/{id}',
        '/services/{serviceId}/automations',
        '/automations/{id}',
      ]),
    );
    expect(doc.body.components.schemas).toHaveProperty('BusinessHours');
    expect(JSON.stringify(doc.body.components.schemas.SlaResult)).not.toContain('forwardEmail');
  });
});
