/**
 * An agent's day in a real browser (headless Chromium driven by playwright-core) over the real API, worker,
 * PostgreSQL, Temporal and a test SMTP peer: the link a notification mails opens the ticket, Take moves the composer
 * to the reply, the reply reaches the customer once and the message says so; on a phone the lists and the ticket
 * use the whole width. Screenshots go to `.data/e2e-artifacts/desk/` (not committed).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness';
import { serveApi, type ServedApi } from '../support/served-api';
import { startSmtpPeer, type SmtpPeer } from '../support/smtp-peer';
import { DESKTOP, openStudioBrowser, PHONE, type StudioBrowser, UI_TIMEOUT } from '../support/studio-browser';

let h: Harness;
let served: ServedApi;
let smtp: SmtpPeer;
let studio: StudioBrowser;

beforeAll(async () => {
  smtp = await startSmtpPeer();
  h = await startHarness({ env: { SMTP_URL: smtp.url } });
  served = await serveApi(h);
  studio = await openStudioBrowser(served, 'desk');
});

afterAll(async () => {
  await studio?.close();
  await served?.stop();
  await h?.stop();
  await smtp?.stop();
});

const selectedComposerTab = (page: Page) => page.locator('.composer-tab[aria-selected="true"]').textContent();

async function newTicket(serviceId: string, subject: string) {
  const response = await h.request('POST', '/tickets', {
    token: h.admin.token,
    body: { serviceId, subject, content: '배송지를 회사로 바꾸고 싶습니다.', customer: { name: '길성준', email: 'sungjun@example.com' } },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { id: string };
}

describe('the agent desk', () => {
  it('opens the mailed ticket link, answers after Take, and the customer receives one email', { timeout: 120_000 }, async () => {
    const service = await h.createService('온라인 상담', ['배송']);
    const agent = await h.createAgent({ groupIds: service.groupIds, name: '박지훈' });
    const ticket = await newTicket(service.id, '배송지 변경 가능할까요?');

    // The link every notification carries (#{ticket.url}) opens the ticket itself.
    const page = await studio.signedIn(agent.token, DESKTOP, 'en', `#/tickets/${ticket.id}`);
    const detail = page.locator('aside.detail');
    await detail.getByRole('heading', { name: '배송지 변경 가능할까요?' }).waitFor({ timeout: UI_TIMEOUT });
    expect(await selectedComposerTab(page)).toBe('Internal note');
    await expect.poll(() => page.locator('.composer-tab').allTextContents()).toEqual(['Internal note']);

    // After Take the composer offers the answer to the customer first.
    await detail.locator('.action-bar').getByRole('button', { name: 'Take' }).click();
    await expect.poll(() => selectedComposerTab(page), { timeout: UI_TIMEOUT }).toBe('Reply & resolve');
    await studio.shoot(page, '01-after-take-en-1440');

    await page.locator('.composer textarea').fill('회사 주소로 변경해 두었습니다. 감사합니다.');
    await page.locator('.composer textarea').press('Control+Enter');
    await smtp.waitFor(1);
    // The message shows the email's fate once it is known, without a reload.
    await detail.locator('.message-reply .email-status', { hasText: 'Emailed' }).waitFor({ timeout: UI_TIMEOUT });
    await studio.shoot(page, '02-replied-en-1440');
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0].to).toContain('sungjun@example.com');
    expect(smtp.messages[0].body).toContain('회사 주소로 변경해 두었습니다.');
    const resolved = await h.request('GET', `/tickets/${ticket.id}`, { token: agent.token });
    expect(resolved.body).toMatchObject({ status: 'resolved', assigneeId: agent.id });
    await page.close();
  });

  it('uses the whole width of a phone for the task list and for an open ticket', { timeout: 60_000 }, async () => {
    const service = await h.createService('모바일 상담', ['일반']);
    const agent = await h.createAgent({ groupIds: service.groupIds, name: '최유나' });
    const ticket = await newTicket(service.id, '휴대폰에서 보는 티켓');

    const page = await studio.signedIn(agent.token, PHONE, 'ko', '#/inbox/all');
    await page.locator('.ticket-table').getByText('휴대폰에서 보는 티켓').waitFor({ timeout: UI_TIMEOUT });
    const main = await page.locator('.workspace-main').boundingBox();
    expect(main?.width).toBeGreaterThanOrEqual(PHONE.width - 1);
    // The task lists stay reachable, as a strip above the list.
    const sidebar = await page.locator('.sidebar').boundingBox();
    expect(sidebar?.height).toBeLessThan(80);
    await studio.shoot(page, '03-list-ko-390');

    await page.locator('.ticket-table').getByText('휴대폰에서 보는 티켓').click();
    await page.locator('aside.detail').getByRole('heading', { name: '휴대폰에서 보는 티켓' }).waitFor({ timeout: UI_TIMEOUT });
    const detail = await page.locator('aside.detail').boundingBox();
    expect(detail?.width).toBeGreaterThanOrEqual(PHONE.width - 1);
    expect(await page.locator('.workspace-main').isVisible()).toBe(false);
    await studio.shoot(page, `04-ticket-${ticket.id}-ko-390`);
    await page.close();
  });

  it('shows an agent the rule studio read only: no New, Save, Delete or Publish to learn about after the fact', { timeout: 60_000 }, async () => {
    const service = await h.createService('규칙 열람', ['일반']);
    const agent = await h.createAgent({ groupIds: service.groupIds, name: '정하늘' });
    const created = await h.request('POST', `/services/${service.id}/triggers`, {
      token: h.admin.token,
      body: { title: '환불 우선', enabled: true, events: ['created'], conditions: { all: [{ field: 'subject', operator: 'contains', value: '환불' }], any: [] }, results: [{ type: 'setPriority', priority: 'high' }] },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);

    const page = await studio.signedIn(agent.token, DESKTOP, 'en', `#/rules/${service.id}`);
    const list = page.locator('.rule-list');
    await list.getByText('환불 우선').waitFor({ timeout: UI_TIMEOUT });
    await list.getByText('Admins change triggers').waitFor({ timeout: UI_TIMEOUT });
    expect(await list.getByRole('button', { name: 'New' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Publish' }).count()).toBe(0);
    expect(await list.getByRole('switch').isDisabled()).toBe(true);
    await list.getByText('환불 우선').click();
    await page.locator('.editor-bar').getByText('Read only').waitFor({ timeout: UI_TIMEOUT });
    expect(await page.locator('.editor-bar').getByRole('button').count()).toBe(0);
    expect(await page.locator('.canvas-toolbar').count()).toBe(0);
    expect(await page.getByLabel('Trigger name').isDisabled()).toBe(true);
    await studio.shoot(page, '05-rules-read-only-en-1440');

    // Away to the workspace and back through the top bar: the studio reopens this service, not the first one.
    await h.createService('가나다 먼저', ['일반']);
    await page.goto(`${served.url}/studio/#/inbox/all`);
    await page.locator('.ticket-table, .empty-state').first().waitFor({ timeout: UI_TIMEOUT });
    await page.goto(`${served.url}/studio/#/rules`);
    await page.locator('.rule-list').getByText('환불 우선').waitFor({ timeout: UI_TIMEOUT });
    expect(await page.locator('.rule-header select').inputValue()).toBe(service.id);
    await page.close();
  });
});
