/**
 * The admin's story in a real browser over the real API, worker, PostgreSQL and Temporal: an admin draws a new
 * trigger with nested condition groups — all[ priority high, any[ channel email, not[ tags contain vip ] ] ] — that
 * assigns round robin in a group, saves it (the API answers it nested), simulates it on an existing ticket, previews
 * its impact on the last 30 days, and publishes. Tickets then created through the API are assigned by it, one member
 * after the other, and the workspace shows the assignee. On a phone, in Korean, the same drawing opens.
 * Screenshots go to `.data/e2e-artifacts/admin-story/` (not committed).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness';
import { serveApi, type ServedApi } from '../support/served-api';
import { canvasNode, DESKTOP, openStudioBrowser, PHONE, type StudioBrowser, UI_TIMEOUT } from '../support/studio-browser';

let h: Harness;
let served: ServedApi;
let studio: StudioBrowser;

beforeAll(async () => {
  h = await startHarness();
  served = await serveApi(h);
  studio = await openStudioBrowser(served, 'admin-story');
});

afterAll(async () => {
  await studio?.close();
  await served?.stop();
  await h?.stop();
});


/** The select of the open node's panel whose field label is `label`. */
const panelSelect = (page: Page, label: string) =>
  page
    .locator('.node-panel label.field')
    .filter({ has: page.locator('.field-label', { hasText: new RegExp(`^${label}$`) }) })
    .locator('select');

/** Selects the newest row still showing the default "Priority equals Urgent" and rewrites it. */
async function rewriteDefaultRow(page: Page, field: string, operator: string, value: string) {
  await canvasNode(page, 'Urgent').last().focus();
  await panelSelect(page, 'Field').selectOption(field);
  await panelSelect(page, 'Operator').selectOption(operator);
  const input = page.locator('.node-panel').getByLabel('Value', { exact: true });
  if ((await input.evaluate((element) => element.tagName)) === 'SELECT') await input.selectOption(value);
  else await input.fill(value);
}

async function createTicket(serviceId: string, subject: string): Promise<string> {
  const created = await h.request('POST', '/tickets', {
    token: h.admin.token,
    body: { serviceId, subject, content: '두 번 결제되었습니다.', priority: 'high', channel: 'email', customer: { name: '오세린', email: 'serin@example.com' } },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id as string;
}

/** The ticket once its assignee is set (triggers run in the ticket's workflow right after it is created). */
async function assigned(ticketId: string): Promise<{ assigneeId: string; groupId: string }> {
  let ticket: { assigneeId: string | null; groupId: string } | undefined;
  await expect
    .poll(async () => {
      ticket = (await h.request('GET', `/tickets/${ticketId}`, { token: h.admin.token })).body;
      return ticket?.assigneeId ?? null;
    }, { timeout: UI_TIMEOUT })
    .not.toBeNull();
  return ticket as { assigneeId: string; groupId: string };
}

describe('the admin story', () => {
  it('draws a nested trigger, simulates it, previews its impact and publishes it; new tickets are assigned by it', { timeout: 180_000 }, async () => {
    const service = await h.createService('결제 상담', ['일반', 'VIP 전담']);
    const desk = service.groupIds[1]!;
    const first = await h.createAgent({ groupIds: [desk], name: '서지우' });
    const second = await h.createAgent({ groupIds: [desk], name: '문태오' });
    const existing = await createTicket(service.id, '결제가 두 번 됐어요');

    // Drawn from a new trigger: its default row becomes "priority is high"; a group beside it, turned into Any, holds
    // "channel is email" and a Not group over "tags contain vip"; the default assignment goes round robin to the desk.
    const page = await studio.signedIn(h.admin.token, DESKTOP, 'en', `#/rules/${service.id}`);
    await page.locator('.rule-list').getByRole('button', { name: 'New', exact: true }).click();
    await page.getByLabel('Trigger name').fill('High email, not VIP → VIP desk');
    await rewriteDefaultRow(page, 'priority', 'equals', 'high');
    await page.locator('.canvas-toolbar').getByRole('button', { name: /^Add/ }).click();
    await page.locator('.palette [role="combobox"]').fill('all of these');
    await page.keyboard.press('Enter');
    await rewriteDefaultRow(page, 'channel', 'equals', 'email');
    const panel = page.locator('.node-panel');
    await canvasNode(page, 'All of these').focus();
    await panel.getByRole('radio', { name: 'Any of these', exact: true }).click();
    await canvasNode(page, 'Any of these').focus();
    await panel.getByRole('button', { name: 'Group inside' }).click();
    await rewriteDefaultRow(page, 'tags', 'contains', 'vip');
    await canvasNode(page, 'All of these').focus();
    await panel.getByRole('radio', { name: 'Not this', exact: true }).click();
    await canvasNode(page, 'Round robin').focus();
    await panelSelect(page, 'Group').selectOption({ label: 'VIP 전담' });
    await page.getByRole('button', { name: /^Save/ }).click();
    await page.getByText('Trigger created').waitFor({ timeout: UI_TIMEOUT });
    await studio.shoot(page, '01-nested-trigger-en-1440');

    const triggers = await h.request('GET', `/services/${service.id}/triggers`, { token: h.admin.token });
    const trigger = triggers.body.triggers.find((candidate: { title: string }) => candidate.title === 'High email, not VIP → VIP desk');
    expect(trigger.conditions).toEqual({
      all: [
        { field: 'priority', operator: 'equals', value: 'high' },
        { any: [{ field: 'channel', operator: 'equals', value: 'email' }, { not: { field: 'tags', operator: 'contains', value: 'vip' } }] },
      ],
      any: [],
    });
    expect(trigger.results).toEqual([{ type: 'assign', groupId: desk, strategy: 'roundRobin' }]);

    // Simulated on the existing ticket, found by its subject: the trigger fires and would move it to the desk.
    await page.locator('.side-tabs').getByRole('tab', { name: 'Simulate' }).click();
    const simulate = page.locator('.simulate');
    await simulate.getByRole('radio', { name: 'Stored ticket' }).click();
    await simulate.getByRole('combobox', { name: 'Find a ticket' }).fill('두 번');
    await page.getByRole('option', { name: /결제가 두 번 됐어요/ }).click();
    await simulate.getByRole('button', { name: 'Simulate', exact: true }).click();
    const fired = page.locator('.trace').locator('li', { hasText: 'High email, not VIP → VIP desk' }).first();
    await fired.getByText('Fired', { exact: true }).waitFor({ timeout: UI_TIMEOUT });
    expect(await page.locator('.trace').textContent()).toContain('VIP 전담');
    await studio.shoot(page, '02-simulated-en-1440');

    // The impact on the last 30 days: the draft fires on the one ticket there, which no published version touches.
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Last 30 days' }).click();
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await dialog.locator('.impact-result').waitFor({ timeout: UI_TIMEOUT });
    const row = dialog.locator('.impact-triggers > li', { hasText: 'High email, not VIP → VIP desk' });
    expect(await row.locator('.impact-bar em').first().textContent()).toBe('1');
    await studio.shoot(page, '03-impact-en-1440');
    await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
    await dialog.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });

    // Published: tickets created through the API are assigned in the desk, one member after the other.
    const one = await assigned(await createTicket(service.id, '카드 결제 취소 문의'));
    const other = await assigned(await createTicket(service.id, '계좌이체 확인 요청'));
    expect([one.groupId, other.groupId]).toEqual([desk, desk]);
    expect([one.assigneeId, other.assigneeId].sort()).toEqual([first.id, second.id].sort());
    expect((await h.request('GET', `/tickets/${existing}`, { token: h.admin.token })).body.assigneeId).toBeNull();

    // The workspace shows the ticket with its assignee.
    const assignee = one.assigneeId === first.id ? '서지우' : '문태오';
    await page.goto(`${served.url}/studio/#/inbox/all`);
    await page.locator('.ticket-table').getByText('카드 결제 취소 문의').click();
    const detail = page.locator('aside.detail');
    await detail.getByRole('heading', { name: '카드 결제 취소 문의' }).waitFor({ timeout: UI_TIMEOUT });
    await detail.locator('dd', { hasText: assignee }).waitFor({ timeout: UI_TIMEOUT });
    await studio.shoot(page, '04-assigned-en-1440');
    await page.close();

    // On a phone, in Korean, the same drawing opens with its groups.
    const phone = await studio.signedIn(h.admin.token, PHONE, 'ko', `#/rules/${service.id}`);
    await phone.getByRole('button', { name: 'High email, not VIP → VIP desk' }).click();
    await canvasNode(phone, '만족하지 않음').waitFor({ timeout: UI_TIMEOUT });
    expect(await canvasNode(phone, '하나 이상 만족').count()).toBe(1);
    await canvasNode(phone, '하나 이상 만족').scrollIntoViewIfNeeded();
    await studio.shoot(phone, '05-nested-trigger-ko-390');
    await phone.close();
  });
});
