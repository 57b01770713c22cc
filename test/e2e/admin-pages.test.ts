/**
 * The settings section (관리) in a real browser over the real API, PostgreSQL and Temporal: an admin creates and
 * edits agents, services, groups, categories, business hours, SLA policies (with actions of every kind), automations,
 * IVR routes and API tokens through their pages (each refusal
 * shown under the input it concerns) and reads the audit log, and every change is read back through the API; an
 * agent sees no settings entry. One browser page walks the section through its own navigation, switching language between pages.
 * Screenshots go to `.data/e2e-artifacts/admin-pages/` (not committed).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness';
import { serveApi, type ServedApi } from '../support/served-api';
import { DESKTOP, openStudioBrowser, PHONE, type StudioBrowser, UI_TIMEOUT } from '../support/studio-browser';

let h: Harness;
let served: ServedApi;
let studio: StudioBrowser;
let service: { id: string; name: string; groupIds: string[] };
let agent: { id: string; email: string; token: string };

beforeAll(async () => {
  h = await startHarness();
  served = await serveApi(h);
  studio = await openStudioBrowser(served, 'admin-pages');
  service = await h.createService('요금 상담', ['요금팀', '기술팀']);
  agent = await h.createAgent({ groupIds: [service.groupIds[0]!], name: '한소희' });
});

afterAll(async () => {
  await studio?.close();
  await served?.stop();
  await h?.stop();
});

const get = async <T>(path: string) => (await h.request<T>('GET', path, { token: h.admin.token })).body;
interface AgentBody {
  id: string;
  email: string;
  name: string;
  role: string;
  permissions: string[];
  active: boolean;
  groupIds: string[];
}
const agentByEmail = async (email: string) => (await get<AgentBody[]>('/agents')).find((candidate) => candidate.email === email);

/** Switches the studio's language with the top bar's switch, without reloading. */
const speak = (page: Page, lang: 'en' | 'ko') => page.locator('.topbar').getByRole('button', { name: lang === 'en' ? 'EN' : '한', exact: true }).click();

/** Whether the page scrolls sideways: nothing in the settings section should be wider than the screen. */
const horizontalOverflow = (page: Page) => page.evaluate<boolean>('document.documentElement.scrollWidth > window.innerWidth');

describe('the settings section', () => {
  it('lets an admin manage agents, groups, hours, SLA policies, automations and tokens, and read the audit log', { timeout: 240_000 }, async () => {
    const page = await studio.signedIn(h.admin.token, DESKTOP, 'en', '#/inbox/mine_in_progress');
    await page.locator('.topnav').getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Agents' }).waitFor({ timeout: UI_TIMEOUT });
    const dialog = page.getByRole('dialog');

    // Agents: a used email is refused under the email; then the agent is created in one group.
    await page.locator('.settings-row', { hasText: '한소희' }).waitFor({ timeout: UI_TIMEOUT });
    await page.getByRole('button', { name: 'New agent' }).click();
    await dialog.getByLabel('Name').fill('김민지');
    await dialog.getByLabel('Email').fill(agent.email);
    await dialog.getByLabel('First password').fill('minji-password-1');
    await dialog.getByLabel('Chat').check();
    await dialog.getByLabel('요금팀').check();
    await dialog.getByRole('button', { name: 'Create agent' }).click();
    const emailError = dialog.locator('.field-error');
    await emailError.waitFor({ timeout: UI_TIMEOUT });
    expect(await emailError.textContent()).toBe('Another agent already uses this email.');
    expect(await dialog.getByLabel('Email').getAttribute('aria-invalid')).toBe('true');
    await dialog.getByLabel('Email').fill('minji@contactflow.test');
    await dialog.getByRole('button', { name: 'Create agent' }).click();
    const minjiRow = page.locator('.settings-row', { hasText: '김민지' });
    await minjiRow.waitFor({ timeout: UI_TIMEOUT });
    expect(await agentByEmail('minji@contactflow.test')).toMatchObject({ name: '김민지', role: 'agent', permissions: ['ticket', 'chat'], groupIds: [service.groupIds[0]] });

    // Made an admin and moved to the other group; then deactivated.
    await page.getByRole('button', { name: 'Edit 김민지' }).click();
    await dialog.getByRole('button', { name: 'Admin', exact: true }).click();
    await dialog.getByLabel('기술팀').check();
    await dialog.getByLabel('요금팀').uncheck();
    await studio.shoot(page, '01-agent-dialog-en-1440');
    await dialog.getByRole('button', { name: 'Save agent' }).click();
    await minjiRow.getByText('기술팀').waitFor({ timeout: UI_TIMEOUT });
    const minji = (await agentByEmail('minji@contactflow.test'))!;
    expect(minji).toMatchObject({ role: 'admin', groupIds: [service.groupIds[1]] });
    await page.getByRole('button', { name: 'Deactivate 김민지' }).click();
    await dialog.getByRole('button', { name: 'Deactivate', exact: true }).click();
    await minjiRow.getByText('Deactivated').waitFor({ timeout: UI_TIMEOUT });
    expect((await agentByEmail('minji@contactflow.test'))!.active).toBe(false);
    await studio.shoot(page, '02-agents-en-1440');

    // Services, in Korean: a used name is refused under the name; an issue service is created and listed.
    await speak(page, 'ko');
    await page.locator('.settings-nav').getByRole('link', { name: '서비스' }).click();
    await page.locator('.settings-row', { hasText: '요금 상담' }).waitFor({ timeout: UI_TIMEOUT });
    await page.getByRole('button', { name: '새 서비스' }).click();
    await dialog.getByLabel('이름').fill('요금 상담');
    await dialog.getByRole('button', { name: '서비스 만들기' }).click();
    await dialog.locator('.field-error').waitFor({ timeout: UI_TIMEOUT });
    expect(await dialog.locator('.field-error').textContent()).toBe('같은 이름의 서비스가 이미 있습니다.');
    await dialog.getByLabel('이름').fill('기술 이슈');
    await dialog.getByRole('radio', { name: /^이슈/ }).check();
    await dialog.getByRole('button', { name: '서비스 만들기' }).click();
    await page.locator('.settings-row', { hasText: '기술 이슈' }).waitFor({ timeout: UI_TIMEOUT });
    const services = await get<{ name: string; kind: string }[]>('/services');
    expect(services).toContainEqual(expect.objectContaining({ name: '기술 이슈', kind: 'issue' }));
    await studio.shoot(page, '03-services-ko-1440');

    // Groups, in Korean: a used name is refused under the name; a new group gets a member.
    await page.locator('.settings-nav').getByRole('link', { name: '그룹' }).click();
    await page.getByRole('heading', { name: '그룹 관리' }).waitFor({ timeout: UI_TIMEOUT });
    // The service picker switches the page, and the section's links keep the service chosen.
    await page.getByLabel('서비스').selectOption(service.id);
    await page.waitForURL(new RegExp(`#/admin/groups/${service.id}$`), { timeout: UI_TIMEOUT });
    await page.locator('.settings-row', { hasText: '기술팀' }).waitFor({ timeout: UI_TIMEOUT });
    await page.getByRole('button', { name: '새 그룹' }).click();
    await dialog.getByLabel('이름', { exact: true }).fill('요금팀');
    await dialog.getByRole('button', { name: '그룹 만들기' }).click();
    await dialog.locator('.field-error').waitFor({ timeout: UI_TIMEOUT });
    expect(await dialog.locator('.field-error').textContent()).toBe('같은 이름의 그룹이 이미 있습니다.');
    await dialog.getByLabel('이름', { exact: true }).fill('VIP팀');
    await dialog.locator('.choice', { hasText: '한소희' }).getByRole('checkbox').check();
    await dialog.getByRole('button', { name: '그룹 만들기' }).click();
    await page.locator('.settings-row', { hasText: 'VIP팀' }).locator('.member-chip', { hasText: '한소희' }).waitFor({ timeout: UI_TIMEOUT });
    const groups = await get<{ name: string; memberIds: string[] }[]>(`/services/${service.id}/groups`);
    expect(groups.find((group) => group.name === 'VIP팀')?.memberIds).toEqual([agent.id]);
    await studio.shoot(page, '04-groups-ko-1440');

    // Categories, in English: a type and a sub-type are added, a repeated name is refused under it, the sub-type is
    // disabled, and deleting a type that still has one is refused in the confirmation.
    await speak(page, 'en');
    await page.locator('.settings-nav').getByRole('link', { name: 'Categories' }).click();
    await page.getByText('No intake types yet').waitFor({ timeout: UI_TIMEOUT });
    await page.getByRole('button', { name: 'New type' }).click();
    await dialog.getByLabel('Name').fill('결제');
    await dialog.getByRole('button', { name: 'Add type' }).click();
    await page.getByRole('button', { name: 'Add a sub-type under 결제' }).click();
    await dialog.getByLabel('Name').fill('카드결제');
    await dialog.getByRole('button', { name: 'Add type' }).click();
    await page.locator('.category-row', { hasText: '카드결제' }).waitFor({ timeout: UI_TIMEOUT });
    await page.getByRole('button', { name: 'Add a sub-type under 결제' }).click();
    await dialog.getByLabel('Name').fill('카드결제');
    await dialog.getByRole('button', { name: 'Add type' }).click();
    await dialog.locator('.field-error').waitFor({ timeout: UI_TIMEOUT });
    expect(await dialog.locator('.field-error').textContent()).toBe('A category with this name already exists here.');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Disable 카드결제' }).click();
    await page.locator('.category-row.inactive', { hasText: '카드결제' }).waitFor({ timeout: UI_TIMEOUT });
    await page.getByRole('button', { name: 'Delete 결제' }).click();
    await dialog.getByRole('button', { name: 'Delete type' }).click();
    await dialog.locator('.error-banner').waitFor({ timeout: UI_TIMEOUT });
    expect(await dialog.locator('.error-banner').textContent()).toContain('still name this category');
    await studio.shoot(page, '05-categories-refused-en-1440');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    const intake = await get<{ name: string; enabled: boolean; children: { name: string; enabled: boolean }[] }[]>(
      `/services/${service.id}/categories?kind=intake`,
    );
    expect(intake).toEqual([expect.objectContaining({ name: '결제', enabled: true, children: [expect.objectContaining({ name: '카드결제', enabled: false })] })]);

    // Business hours, in English: a window ending before it starts is marked; then the week and a holiday are saved.
    await page.locator('.settings-nav').getByRole('link', { name: 'Business hours' }).click();
    await page.getByRole('heading', { name: 'Business hours' }).waitFor({ timeout: UI_TIMEOUT });
    await page.getByText('This service works around the clock').waitFor({ timeout: UI_TIMEOUT });
    await page.getByRole('button', { name: 'Business hours', exact: true }).click();
    await page.getByLabel('Time zone').fill('Asia/Seoul');
    await page.getByLabel('Monday closes').fill('08:00');
    await page.getByRole('button', { name: 'Save business hours' }).click();
    const windowError = page.locator('.hours-window .field-error');
    await windowError.waitFor({ timeout: UI_TIMEOUT });
    expect(await page.getByLabel('Monday closes').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Monday closes').fill('12:00');
    await page.getByRole('button', { name: 'Add hours on Monday' }).click();
    await page.getByLabel('Monday closes').nth(1).fill('18:00');
    await page.getByLabel('Holidays').fill('2026-12-25');
    await page.getByRole('button', { name: 'Add holiday' }).click();
    await page.getByRole('button', { name: 'Save business hours' }).click();
    await page.getByText('Business hours saved.').waitFor({ timeout: UI_TIMEOUT });
    expect(await windowError.count()).toBe(0);
    const hours = await get<{ businessHours: { timezone: string; weekly: { day: number; start: string; end: string }[]; holidays: string[] } }>(
      `/services/${service.id}/business-hours`,
    );
    expect(hours.businessHours.timezone).toBe('Asia/Seoul');
    expect(hours.businessHours.weekly.filter((window) => window.day === 1)).toEqual([
      { day: 1, start: '09:00', end: '12:00' },
      { day: 1, start: '12:00', end: '18:00' },
    ]);
    expect(hours.businessHours.holidays).toEqual(['2026-12-25']);
    await studio.shoot(page, '06-business-hours-en-1440');

    // SLA policies, in Korean: a malformed duration is refused under it; then the policy is saved with an action.
    await speak(page, 'ko');
    await page.locator('.settings-nav').getByRole('link', { name: 'SLA 정책' }).click();
    await page.getByText('아직 SLA 정책이 없습니다').waitFor({ timeout: UI_TIMEOUT });
    await page.getByRole('button', { name: '새 정책' }).click();
    await dialog.getByLabel('제목').fill('긴급 문의');
    await dialog.getByLabel('우선순위', { exact: true }).selectOption('urgent');
    await dialog.getByLabel('첫 응답 목표').fill('4 hours');
    await dialog.getByRole('button', { name: '정책 만들기' }).click();
    const durationError = dialog.locator('.field-error');
    await durationError.waitFor({ timeout: UI_TIMEOUT });
    expect(await durationError.textContent()).toBe('30m, 4h, 1.5d처럼 숫자와 단위로 쓰세요(최대 1년).');
    expect(await dialog.getByLabel('첫 응답 목표').getAttribute('aria-invalid')).toBe('true');
    await dialog.getByLabel('첫 응답 목표').fill('1h');
    await dialog.getByLabel('해결 목표').fill('1d');
    // Actions of kinds beyond the common three, each edited with the rule studio's form: a callback URL the API refuses
    // (the browser takes any scheme; the API only http and https) is marked on its action and its input, then removed.
    const atRisk = dialog.locator('.sla-results').nth(0);
    const onBreach = dialog.locator('.sla-results').nth(1);
    await atRisk.getByRole('button', { name: '이메일 알림' }).click();
    await atRisk.getByRole('group', { name: '1번 조치' }).getByLabel('받는 사람').selectOption('group');
    await onBreach.getByRole('button', { name: '그룹 전달' }).click();
    await onBreach.getByRole('group', { name: '1번 조치' }).getByRole('combobox', { name: /^그룹/ }).selectOption({ label: '기술팀' });
    await onBreach.getByRole('button', { name: '담당자 할당' }).click();
    await onBreach.getByRole('group', { name: '2번 조치' }).getByRole('combobox', { name: /^그룹/ }).selectOption({ label: '요금팀' });
    await onBreach.getByRole('button', { name: '콜백 주소' }).click();
    const refusedAction = onBreach.getByRole('group', { name: '3번 조치' });
    await refusedAction.getByLabel('콜백 주소').fill('ftp://files.example.com/sla');
    await dialog.getByRole('button', { name: '정책 만들기' }).click();
    await refusedAction.getByText('이 조치를 확인하세요.').waitFor({ timeout: UI_TIMEOUT });
    expect(await refusedAction.getByLabel('콜백 주소').getAttribute('aria-invalid')).toBe('true');
    expect(await onBreach.getByRole('group', { name: '1번 조치' }).getByText('이 조치를 확인하세요.').count()).toBe(0);
    await studio.shoot(page, '07-sla-dialog-ko-1440');
    await onBreach.getByRole('button', { name: '3번 조치 삭제' }).click();
    await dialog.getByRole('button', { name: '정책 만들기' }).click();
    await page.locator('.settings-row', { hasText: '긴급 문의' }).waitFor({ timeout: UI_TIMEOUT });
    const sla = await get<{ policies: Record<string, unknown>[] }>(`/services/${service.id}/sla-policies`);
    expect(sla.policies).toEqual([
      expect.objectContaining({
        title: '긴급 문의',
        priority: 'urgent',
        firstResponse: '1h',
        resolution: '1d',
        onAtRisk: [{ type: 'notifyEmail', to: 'group', messages: { ko: expect.objectContaining({ subject: '[#{ticket.id}] SLA 목표 시간 임박: #{ticket.subject}' }) } }],
        onBreach: [
          { type: 'forwardToGroup', groupId: service.groupIds[1] },
          { type: 'assign', groupId: service.groupIds[0], strategy: 'roundRobin' },
        ],
      }),
    ]);
    await studio.shoot(page, '08-sla-ko-1440');

    // Automations, in English: a duration the API refuses is marked under it; then one is added, edited, disabled and
    // deleted, each change read back through the API.
    await speak(page, 'en');
    await page.locator('.settings-nav').getByRole('link', { name: 'Automations' }).click();
    await page.getByText('No automations yet').waitFor({ timeout: UI_TIMEOUT });
    const automations = async () => (await get<{ automations: Record<string, unknown>[] }>(`/services/${service.id}/automations`)).automations;
    await page.getByRole('button', { name: 'New automation' }).click();
    await dialog.getByLabel('Resolved for').fill('2y');
    await dialog.getByRole('button', { name: 'Add automation' }).click();
    const afterError = dialog.locator('.field-error');
    await afterError.waitFor({ timeout: UI_TIMEOUT });
    expect(await afterError.textContent()).toBe('Write a number and a unit, e.g. 30m, 4h or 3d, up to a year.');
    expect(await dialog.getByLabel('Resolved for').getAttribute('aria-invalid')).toBe('true');
    expect(await automations()).toEqual([]);
    await dialog.getByLabel('Resolved for').fill('3d');
    await dialog.getByRole('button', { name: 'Add automation' }).click();
    await page.locator('.settings-row', { hasText: 'Complete after 3d resolved' }).waitFor({ timeout: UI_TIMEOUT });
    expect(await automations()).toEqual([expect.objectContaining({ kind: 'complete_resolved', after: '3d', enabled: true })]);
    await page.getByRole('button', { name: 'Edit Complete after 3d resolved' }).click();
    await dialog.getByRole('radio', { name: /^Remind on hold/ }).check();
    await dialog.getByLabel('On hold for').fill('1d');
    await dialog.getByRole('button', { name: 'Save automation' }).click();
    await page.locator('.settings-row', { hasText: 'Remind after 1d on hold' }).waitFor({ timeout: UI_TIMEOUT });
    await page.getByRole('button', { name: 'Disable Remind after 1d on hold' }).click();
    await page.locator('.settings-row.inactive', { hasText: 'Remind after 1d on hold' }).waitFor({ timeout: UI_TIMEOUT });
    expect(await automations()).toEqual([expect.objectContaining({ kind: 'remind_on_hold', after: '1d', enabled: false })]);
    await studio.shoot(page, '09-automations-en-1440');
    await page.getByRole('button', { name: 'Delete Remind after 1d on hold' }).click();
    await dialog.getByRole('button', { name: 'Delete automation' }).click();
    await page.getByText('No automations yet').waitFor({ timeout: UI_TIMEOUT });
    expect(await automations()).toEqual([]);

    // API tokens, in English: the secret is shown once and works; revoking it is read back.
    await page.locator('.settings-nav').getByRole('link', { name: 'API tokens' }).click();
    await page.getByText('No API tokens yet').waitFor({ timeout: UI_TIMEOUT });
    await page.getByRole('button', { name: 'New token' }).click();
    await dialog.getByLabel('Name').fill('Help centre sync');
    await dialog.getByLabel('Read directory').check();
    await dialog.getByRole('button', { name: 'Issue token' }).click();
    const secret = await dialog.getByLabel('Token', { exact: true }).inputValue();
    expect((await h.request('GET', '/services', { token: secret })).status).toBe(200);
    await studio.shoot(page, '10-token-secret-en-1440');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: 'Revoke Help centre sync' }).click();
    await dialog.getByRole('button', { name: 'Revoke token' }).click();
    await page.locator('.settings-row.inactive', { hasText: 'Help centre sync' }).waitFor({ timeout: UI_TIMEOUT });
    const tokens = await get<{ name: string; scopes: string[]; revokedAt: string | null }[]>('/auth/tokens');
    expect(tokens).toEqual([expect.objectContaining({ name: 'Help centre sync', scopes: ['tickets:read', 'directory:read'], revokedAt: expect.any(String) })]);
    expect((await h.request('GET', '/services', { token: secret })).status).toBe(401);
    await studio.shoot(page, '11-tokens-en-1440');

    // The audit log, in Korean: everything above is there, and the area filter narrows it.
    await speak(page, 'ko');
    await page.locator('.settings-nav').getByRole('link', { name: '감사 로그' }).click();
    const rows = page.locator('.audit-row');
    await rows.first().waitFor({ timeout: UI_TIMEOUT });
    const actions = await page.locator('.audit-row code').allTextContents();
    expect(actions).toEqual(expect.arrayContaining(['service.created', 'agent.created', 'agent.role_changed', 'agent.deactivated', 'group.created', 'category.created', 'business_hours.replaced', 'sla_policy.created', 'automation.created', 'automation.deleted', 'api_client.revoked']));
    await page.getByLabel('영역').selectOption({ label: '상담원' });
    await expect
      .poll(async () => (await page.locator('.audit-row code').allTextContents()).every((action) => action.startsWith('agent.')), { timeout: UI_TIMEOUT })
      .toBe(true);
    expect(await rows.count()).toBeGreaterThanOrEqual(3);
    await studio.shoot(page, '12-audit-ko-1440');
    await page.close();
  });

  it('lets an admin add, edit and delete IVR routes, a code another route holds refused under it', { timeout: 90_000 }, async () => {
    const intakeTypeId = await h.createIntakeType(service.id, '콜백 문의');
    const routes = () => get<Record<string, unknown>[]>(`/ivr-routes?serviceId=${service.id}`);
    const page = await studio.signedIn(h.admin.token, DESKTOP, 'en', `#/admin/ivr/${service.id}`);
    const dialog = page.getByRole('dialog');
    await page.getByText('No IVR routes yet').waitFor({ timeout: UI_TIMEOUT });
    // The section's twelve links share one line of the desktop.
    expect((await page.locator('.settings-nav').boundingBox())!.height).toBeLessThan(50);

    // Added with an intake type and a shorter first reminder; the other reminders keep the defaults shown.
    await page.getByRole('button', { name: 'New IVR route' }).click();
    await dialog.getByLabel('Code').fill('1001');
    await dialog.getByLabel('Name').fill('결제 > 신용카드');
    await dialog.getByLabel('Intake type').selectOption({ label: '콜백 문의' });
    await dialog.getByLabel('Unassigned for').fill('15m');
    await dialog.getByRole('button', { name: 'Add route' }).click();
    await page.locator('.settings-row', { hasText: '결제 > 신용카드' }).waitFor({ timeout: UI_TIMEOUT });
    expect(await routes()).toEqual([
      expect.objectContaining({ code: '1001', name: '결제 > 신용카드', intakeTypeId, unassignedAfter: '15m', dueAfter: '4h', escalateAfter: '4h' }),
    ]);

    // A second route with the same code is refused under the code and changes nothing; with its own code it is added.
    await page.getByRole('button', { name: 'New IVR route' }).click();
    await dialog.getByLabel('Code').fill('1001');
    await dialog.getByLabel('Name').fill('기술 문의');
    await dialog.getByRole('button', { name: 'Add route' }).click();
    const codeError = dialog.locator('.field-error');
    await codeError.waitFor({ timeout: UI_TIMEOUT });
    expect(await codeError.textContent()).toBe('Another IVR route already uses the code 1001.');
    expect(await dialog.getByLabel('Code').getAttribute('aria-invalid')).toBe('true');
    expect(await routes()).toHaveLength(1);
    await studio.shoot(page, '15-ivr-route-refused-en-1440');
    await dialog.getByLabel('Code').fill('2001');
    await dialog.getByRole('button', { name: 'Add route' }).click();
    await page.locator('.settings-row', { hasText: '기술 문의' }).waitFor({ timeout: UI_TIMEOUT });

    // Edited: renamed, no longer giving an intake type, the assignee reminded sooner.
    await page.getByRole('button', { name: 'Edit 1001 결제 > 신용카드' }).click();
    await dialog.getByLabel('Name').fill('결제 > 환불');
    await dialog.getByLabel('Intake type').selectOption({ label: 'No intake type' });
    await dialog.getByLabel('Assigned, not done for').fill('2h');
    await dialog.getByRole('button', { name: 'Save route' }).click();
    await page.locator('.settings-row', { hasText: '결제 > 환불' }).waitFor({ timeout: UI_TIMEOUT });
    expect(await routes()).toEqual([
      expect.objectContaining({ code: '1001', name: '결제 > 환불', intakeTypeId: null, unassignedAfter: '15m', dueAfter: '2h' }),
      expect.objectContaining({ code: '2001', name: '기술 문의', intakeTypeId: null, unassignedAfter: '30m' }),
    ]);

    // Deleted after the confirmation.
    await page.getByRole('button', { name: 'Delete 2001 기술 문의' }).click();
    await dialog.getByRole('button', { name: 'Delete route' }).click();
    await page.locator('.settings-row', { hasText: '기술 문의' }).waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    expect(await routes()).toEqual([expect.objectContaining({ code: '1001' })]);
    await page.close();
  });

  it('fits the settings entry and a page on a phone', { timeout: 60_000 }, async () => {
    const lunchBreak = [1, 2, 3, 4, 5].flatMap((day) => [
      { day, start: '09:00', end: '12:00' },
      { day, start: '13:00', end: '18:00' },
    ]);
    const saved = await h.request('PUT', `/services/${service.id}/business-hours`, {
      token: h.admin.token,
      body: { timezone: 'Asia/Seoul', weekly: lunchBreak, holidays: ['2026-12-25'] },
    });
    expect(saved.status).toBe(200);
    const page = await studio.signedIn(h.admin.token, PHONE, 'ko', `#/admin/hours/${service.id}`);
    await page.getByLabel('시간대').waitFor({ timeout: UI_TIMEOUT });
    expect(await page.locator('.topnav a[aria-current="page"]').getAttribute('href')).toBe('#/admin/agents');
    expect(await horizontalOverflow(page)).toBe(false);
    // The settings entry is scrolled into the top bar, and the section's own links sit above the page.
    const entry = await page.locator('.topnav a[aria-current="page"]').boundingBox();
    expect(entry!.x + entry!.width).toBeLessThanOrEqual(PHONE.width);
    expect((await page.locator('.settings-nav').boundingBox())!.height).toBeGreaterThan(30);
    await studio.shoot(page, '13-business-hours-ko-390');
    // Automations on a phone, in Korean: the row's switch, edit and delete buttons fit beside its name.
    const automation = await h.request('POST', `/services/${service.id}/automations`, { token: h.admin.token, body: { kind: 'remind_on_hold', after: '4h' } });
    expect(automation.status).toBe(201);
    await page.locator('.settings-nav').getByRole('link', { name: '자동화' }).click();
    await page.locator('.settings-row', { hasText: '보류 4h 후 알림' }).waitFor({ timeout: UI_TIMEOUT });
    expect(await horizontalOverflow(page)).toBe(false);
    await studio.shoot(page, '14-automations-ko-390');
    // IVR routes on a phone, in Korean: a route's code, name and reminder times wrap beside its buttons.
    const route = await h.request('POST', '/ivr-routes', { token: h.admin.token, body: { serviceId: service.id, code: '3001', name: '배송 > 지연 문의' } });
    expect(route.status).toBe(201);
    await page.locator('.settings-nav').getByRole('link', { name: 'IVR 경로' }).click();
    await page.locator('.settings-row', { hasText: '배송 > 지연 문의' }).waitFor({ timeout: UI_TIMEOUT });
    expect(await horizontalOverflow(page)).toBe(false);
    await studio.shoot(page, '16-ivr-routes-ko-390');
    await page.close();
  });

  it('shows agents no settings entry, and no settings behind its address', { timeout: 60_000 }, async () => {
    const page = await studio.signedIn(agent.token, DESKTOP, 'en', '#/admin/agents');
    await page.getByText('Only admins change settings').waitFor({ timeout: UI_TIMEOUT });
    expect(await page.locator('.topnav').getByText('Settings').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'New agent' }).count()).toBe(0);
    expect(await page.locator('.settings-nav').count()).toBe(0);
    // Nor the automations of their own service, though the API lets them read them.
    await page.goto(`${served.url}/studio/#/admin/automations/${service.id}`);
    await page.getByText('Only admins change settings').waitFor({ timeout: UI_TIMEOUT });
    expect(await page.getByRole('button', { name: 'New automation' }).count()).toBe(0);
    // Nor the IVR routes the callback list reads.
    await page.goto(`${served.url}/studio/#/admin/ivr/${service.id}`);
    await page.getByText('Only admins change settings').waitFor({ timeout: UI_TIMEOUT });
    expect(await page.getByRole('button', { name: 'New IVR route' }).count()).toBe(0);
    await page.close();
  });
});
