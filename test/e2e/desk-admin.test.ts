/**
 * Service settings and manual tickets in a real browser (headless Chromium driven by playwright-core) over the real
 * API, worker, PostgreSQL and Temporal: an admin adds a dropdown customer field and a reply template through their
 * pages (a reused field code and an unknown substitution code are refused under their inputs), then an agent creates
 * a ticket with an assignee, the template, the field's value and a file, and the API shows them on the ticket.
 * Screenshots go to `.data/e2e-artifacts/desk-admin/` (not committed).
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
let agent: { id: string; token: string };
let childIntakeType: string;

beforeAll(async () => {
  h = await startHarness();
  served = await serveApi(h);
  studio = await openStudioBrowser(served, 'desk-admin');
  service = await h.createService('요금 상담', ['요금팀', '기술팀']);
  agent = await h.createAgent({ groupIds: [service.groupIds[0]!], name: '한소희' });
  const parent = await h.createIntakeType(service.id, '결제');
  childIntakeType = await h.createIntakeType(service.id, '카드결제', { parentId: parent });
});

afterAll(async () => {
  await studio?.close();
  await served?.stop();
  await h?.stop();
});

describe('service settings and manual tickets in the studio', () => {
  it('lets an admin add a dropdown customer field, and refuses its code a second time', { timeout: 120_000 }, async () => {
    const page = await studio.signedIn(h.admin.token, DESKTOP, 'en', `#/fields/${service.id}`);
    await page.getByRole('heading', { name: 'Fields' }).waitFor({ timeout: UI_TIMEOUT });
    // The fixed system fields come first, read-only, and the top bar links here.
    await page.locator('.settings-row.system', { hasText: 'Privacy consent' }).waitFor({ timeout: UI_TIMEOUT });
    expect(await page.locator('.topnav a[aria-current="page"]').textContent()).toBe('Settings');
    expect(await page.locator('.settings-nav a[aria-current="page"]').textContent()).toBe('Fields');
    await page.getByText('No customer fields yet').waitFor();

    await page.getByRole('button', { name: 'New field' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Code', { exact: true }).fill('plan');
    await dialog.getByLabel('Control type').selectOption('dropdown');
    await dialog.getByLabel('Label (Korean)').fill('요금제');
    await dialog.getByLabel('Label (English)').fill('Plan');
    await dialog.getByLabel('Asked for').selectOption({ label: '결제' });
    await dialog.getByLabel('Required', { exact: true }).check();
    await dialog.getByLabel('Option code 1').fill('basic');
    await dialog.getByLabel('Korean 1').fill('기본');
    await dialog.getByLabel('English 1').fill('Basic');
    await dialog.getByRole('button', { name: 'Add option' }).click();
    await dialog.getByLabel('Option code 2').fill('premium');
    await dialog.getByLabel('Korean 2').fill('프리미엄');
    await dialog.getByLabel('English 2').fill('Premium');
    await studio.shoot(page, '01-field-dialog-en-1440');
    await dialog.getByRole('button', { name: 'Create field' }).click();
    const row = page.locator('.settings-row', { hasText: 'Plan' });
    await row.waitFor({ timeout: UI_TIMEOUT });
    expect(await row.textContent()).toContain('결제');

    // A second field, then moved above the first with the keyboard.
    await page.getByRole('button', { name: 'New field' }).click();
    await dialog.getByLabel('Code', { exact: true }).fill('orderNo');
    await dialog.getByLabel('Label (English)').fill('Order number');
    await dialog.getByRole('button', { name: 'Create field' }).click();
    await page.locator('.settings-row', { hasText: 'Order number' }).waitFor({ timeout: UI_TIMEOUT });
    await page.getByRole('button', { name: 'Move Order number up' }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('.settings-list[aria-label="Customer fields"] .settings-row strong').allTextContents(), { timeout: UI_TIMEOUT })
      .toEqual(['Order number', 'Plan']);
    await expect.poll(async () => (await listFields()).map((field) => field.code), { timeout: UI_TIMEOUT }).toEqual(['orderNo', 'plan']);
    await studio.shoot(page, '02-fields-en-1440');

    // The code is never reused: the API's refusal shows under the code input.
    await page.getByRole('button', { name: 'New field' }).click();
    await dialog.getByLabel('Code', { exact: true }).fill('plan');
    await dialog.getByLabel('Label (English)').fill('Another plan');
    await dialog.getByRole('button', { name: 'Create field' }).click();
    const codeError = dialog.locator('.field-error');
    await codeError.waitFor({ timeout: UI_TIMEOUT });
    expect(await codeError.textContent()).toContain('The code plan was already used in this service');
    expect(await dialog.getByLabel('Code', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await studio.shoot(page, '03-field-code-taken-en-1440');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect((await listFields()).map((field) => field.code)).toEqual(['orderNo', 'plan']);
    await page.close();
  });

  it('lets an admin write a reply template with codes inserted at the cursor, and refuses an unknown code', { timeout: 120_000 }, async () => {
    const page = await studio.signedIn(h.admin.token, DESKTOP, 'en', `#/templates/${service.id}`);
    await page.getByText('No reply templates yet').waitFor({ timeout: UI_TIMEOUT });
    await page.getByRole('button', { name: 'New template' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Title').fill('요금제 안내');
    await dialog.getByLabel('Code', { exact: true }).fill('plan_guide');
    const body = dialog.getByLabel('Body');
    await body.fill('안녕하세요 #{ticket.bogus}');
    await dialog.getByRole('button', { name: 'Create template' }).click();
    const bodyError = dialog.locator('.field-error');
    await bodyError.waitFor({ timeout: UI_TIMEOUT });
    expect(await bodyError.textContent()).toContain('#{ticket.bogus}');
    await studio.shoot(page, '04-template-unknown-code-en-1440');

    // A click on a code inserts it at the cursor, and typing goes on after it.
    await body.fill('안녕하세요 ');
    await body.press('End');
    await dialog.getByRole('button', { name: 'Insert #{customer.name}' }).click();
    await page.keyboard.type('님, ');
    await dialog.getByRole('button', { name: 'Insert #{customerField.plan}' }).click();
    await page.keyboard.type(' 요금제로 안내드립니다.');
    expect(await body.inputValue()).toBe('안녕하세요 #{customer.name}님, #{customerField.plan} 요금제로 안내드립니다.');
    await studio.shoot(page, '05-template-dialog-en-1440');
    await dialog.getByRole('button', { name: 'Create template' }).click();
    await page.locator('.settings-row', { hasText: '요금제 안내' }).waitFor({ timeout: UI_TIMEOUT });

    // Search by code, and a search that finds nothing says so.
    await page.getByLabel('Search by title or code').fill('plan_gu');
    await page.locator('.settings-row', { hasText: 'plan_guide' }).waitFor({ timeout: UI_TIMEOUT });
    await page.getByLabel('Search by title or code').fill('nothing-like-it');
    await page.getByText('No template matches “nothing-like-it”').waitFor({ timeout: UI_TIMEOUT });
    await page.close();
  });

  it('lets an agent create a ticket with an assignee, a template, a field value and a file', { timeout: 120_000 }, async () => {
    const page = await studio.signedIn(agent.token, DESKTOP, 'en', '#/inbox/mine_in_progress');
    // Agents do not see the admin pages.
    await page.getByRole('button', { name: 'New ticket' }).waitFor({ timeout: UI_TIMEOUT });
    expect(await page.locator('.topnav').getByText('Fields').count()).toBe(0);
    await page.getByRole('button', { name: 'New ticket' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Service').selectOption(service.id);
    await dialog.getByLabel('Intake type').selectOption({ label: '결제 › 카드결제' });
    // The field of the parent intake type is asked for, marked required.
    const plan = dialog.getByLabel('Plan *', { exact: true });
    await plan.waitFor({ timeout: UI_TIMEOUT });
    expect(await dialog.locator('.required-mark').count()).toBe(1);
    await plan.selectOption('premium');
    await dialog.getByLabel('Reply template').selectOption({ label: '요금제 안내 (plan_guide)' });
    expect(await dialog.getByLabel('Content').inputValue()).toContain('#{customer.name}');
    await dialog.getByLabel('Subject').fill('요금제 변경 문의');
    await dialog.getByLabel('Name').fill('오세린');
    await dialog.getByLabel('Email').fill('serin@example.com');
    await dialog.getByLabel('Group').selectOption({ label: '요금팀' });
    await dialog.getByLabel('Agent').selectOption({ label: '한소희' });
    await dialog.locator('input[type="file"]').setInputFiles({ name: 'receipt.txt', mimeType: 'text/plain', buffer: Buffer.from('영수증 번호 1234\n') });
    await dialog.locator('.attachment-chip', { hasText: 'receipt.txt' }).waitFor();
    expect(await dialog.locator('.attachment-chip').textContent()).toContain('22 B');
    await studio.shoot(page, '06-new-ticket-en-1440');
    await dialog.getByRole('button', { name: 'Create ticket' }).click();

    await page.waitForURL(/#\/inbox\/all\/T/, { timeout: UI_TIMEOUT });
    const ticketId = decodeURIComponent(page.url().split('/').pop()!);
    await page.locator('aside.detail').getByRole('heading', { name: '요금제 변경 문의' }).waitFor({ timeout: UI_TIMEOUT });
    const ticket = await h.request<Record<string, unknown>>('GET', `/tickets/${ticketId}`, { token: agent.token });
    expect(ticket.body).toMatchObject({
      groupId: service.groupIds[0],
      assigneeId: agent.id,
      status: 'in_progress',
      intakeTypeId: childIntakeType,
      customerFields: { plan: 'premium' },
      content: '안녕하세요 오세린님, premium 요금제로 안내드립니다.',
    });
    const attachments = await h.request<{ filename: string; sizeBytes: number }[]>('GET', `/tickets/${ticketId}/attachments`, { token: agent.token });
    expect(attachments.body).toEqual([expect.objectContaining({ filename: 'receipt.txt', sizeBytes: 22 })]);
    await page.close();
  });

  it('keeps a created ticket and says why when the API refuses its file', { timeout: 60_000 }, async () => {
    const page = await studio.signedIn(agent.token, DESKTOP, 'en', '#/inbox/mine_in_progress');
    await page.getByRole('button', { name: 'New ticket' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Service').selectOption(service.id);
    await dialog.getByLabel('Subject').fill('설치 파일 첨부');
    await dialog.getByLabel('Content').fill('설치 파일이 열리지 않습니다.');
    await dialog.getByLabel('Email').fill('installer@example.com');
    await dialog.locator('input[type="file"]').setInputFiles({ name: 'setup.exe', mimeType: 'application/octet-stream', buffer: Buffer.from([0x4d, 0x5a, 0, 1, 2]) });
    await dialog.getByRole('button', { name: 'Create ticket' }).click();
    const refusal = dialog.locator('.error-banner');
    await refusal.waitFor({ timeout: UI_TIMEOUT });
    expect(await refusal.textContent()).toContain('setup.exe is not a type accepted here');
    expect(await dialog.locator('.notice').textContent()).toMatch(/Ticket T\S+ was created, but its files were not attached/);
    await studio.shoot(page, '07-new-ticket-refused-file-en-1440');
    await dialog.getByRole('button', { name: 'Open the ticket' }).click();
    await page.locator('aside.detail').getByRole('heading', { name: '설치 파일 첨부' }).waitFor({ timeout: UI_TIMEOUT });
    await page.close();
  });

  // The tests above already show every page in English on a desktop: here Korean on a desktop, English on a phone.
  it('fits the settings pages and the new ticket dialog on a desktop in Korean and a phone in English', { timeout: 120_000 }, async () => {
    for (const [viewport, lang] of [
      [DESKTOP, 'ko'],
      [PHONE, 'en'],
    ] as const) {
      const size = `${lang}-${viewport.width}`;
      const admin = await studio.signedIn(h.admin.token, viewport, lang, `#/fields/${service.id}`);
      await admin.locator('.settings-row', { hasText: lang === 'ko' ? '요금제' : 'Plan' }).waitFor({ timeout: UI_TIMEOUT });
      expect(await horizontalOverflow(admin)).toBe(false);
      await studio.shoot(admin, `10-fields-${size}`);
      await admin.locator('.settings-row', { hasText: 'plan' }).locator('.icon-button').nth(2).click();
      await admin.getByRole('dialog').locator('.option-row').nth(2).waitFor({ timeout: UI_TIMEOUT });
      await studio.shoot(admin, `11-field-edit-${size}`);
      await admin.goto(`${served.url}/studio/#/templates/${service.id}`);
      await admin.locator('.settings-row', { hasText: 'plan_guide' }).waitFor({ timeout: UI_TIMEOUT });
      expect(await horizontalOverflow(admin)).toBe(false);
      await studio.shoot(admin, `12-templates-${size}`);
      await admin.locator('.settings-row', { hasText: 'plan_guide' }).locator('.icon-button').first().click();
      await admin.getByRole('dialog').locator('.code-chip').first().waitFor({ timeout: UI_TIMEOUT });
      await studio.shoot(admin, `13-template-edit-${size}`);
      await admin.close();

      const desk = await studio.signedIn(agent.token, viewport, lang, '#/inbox/mine_in_progress');
      await desk.getByRole('button', { name: lang === 'ko' ? '새 티켓' : 'New ticket', exact: true }).click();
      const dialog = desk.getByRole('dialog');
      await dialog.getByLabel(lang === 'ko' ? '서비스' : 'Service').selectOption(service.id);
      await dialog.getByLabel(lang === 'ko' ? '접수유형' : 'Intake type').selectOption(childIntakeType);
      await dialog.locator('.required-mark').waitFor({ timeout: UI_TIMEOUT });
      await studio.shoot(desk, `14-new-ticket-${size}`);
      await desk.close();
    }
  });
});

async function listFields() {
  const response = await h.request<{ fields: { code: string }[] }>('GET', `/services/${service.id}/fields?scope=customer`, { token: h.admin.token });
  return response.body.fields;
}

/** Whether the page scrolls sideways: nothing on a settings page should be wider than the screen. */
const horizontalOverflow = (page: Page) => page.evaluate<boolean>('document.documentElement.scrollWidth > window.innerWidth');
