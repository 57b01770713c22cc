/**
 * Drawing nested condition groups in the rule designer, in a real browser over the real API: an admin adds an Any
 * group beside a row, a Not group inside it, fills the rows in, saves, and the API answers the trigger nested. On a
 * phone, in Korean, the same drawing opens. Screenshots go to `.data/e2e-artifacts/nested-trigger/` (not committed).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness';
import { serveApi, type ServedApi } from '../support/served-api';
import { DESKTOP, openStudioBrowser, PHONE, type StudioBrowser, UI_TIMEOUT } from '../support/studio-browser';

let h: Harness;
let served: ServedApi;
let studio: StudioBrowser;

beforeAll(async () => {
  h = await startHarness();
  served = await serveApi(h);
  studio = await openStudioBrowser(served, 'nested-trigger');
});

afterAll(async () => {
  await studio?.close();
  await served?.stop();
  await h?.stop();
});

const node = (page: Page, text: string) => page.locator('.react-flow__node', { hasText: text });

/** Selects the newest row still showing the default "Priority equals Urgent" and rewrites it. */
async function rewriteDefaultRow(page: Page, field: string, operator: string, value: string) {
  await node(page, 'Urgent').last().focus();
  const panel = page.locator('.node-panel');
  const select = (label: string) => panel.locator('label.field').filter({ has: page.locator('.field-label', { hasText: new RegExp(`^${label}$`) }) }).locator('select');
  await select('Field').selectOption(field);
  await select('Operator').selectOption(operator);
  const input = panel.getByLabel('Value', { exact: true });
  if ((await input.evaluate((element) => element.tagName)) === 'SELECT') await input.selectOption(value);
  else await input.fill(value);
}

describe('nested condition groups in the rule designer', () => {
  it('lets an admin draw all[ priority, any[ channel, not[ tags ] ] ] and saves it nested', { timeout: 120_000 }, async () => {
    const service = await h.createService('묶음 규칙', ['일반']);
    const created = await h.request('POST', `/services/${service.id}/triggers`, {
      token: h.admin.token,
      body: {
        title: 'Urgent unless VIP',
        events: ['created'],
        conditions: { all: [{ field: 'priority', operator: 'equals', value: 'high' }], any: [] },
        results: [{ type: 'addTags', tags: ['escalate'] }],
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);

    const page = await studio.signedIn(h.admin.token, DESKTOP, 'en', `#/rules/${service.id}`);
    await page.getByRole('button', { name: 'Urgent unless VIP' }).click();
    await node(page, 'High').waitFor({ timeout: UI_TIMEOUT });

    // A group beside the row (from the palette), turned into Any; its first row becomes "channel is email".
    await page.locator('.canvas-toolbar').getByRole('button', { name: /^Add/ }).click();
    await page.locator('.palette [role="combobox"]').fill('all of these');
    await page.keyboard.press('Enter');
    await rewriteDefaultRow(page, 'channel', 'equals', 'email');
    const panel = page.locator('.node-panel');
    await node(page, 'All of these').focus();
    await panel.getByRole('radio', { name: 'Any of these', exact: true }).click();

    // Inside the Any group, a Not group over "tags contain vip".
    await node(page, 'Any of these').focus();
    await panel.getByRole('button', { name: 'Group inside' }).click();
    await rewriteDefaultRow(page, 'tags', 'contains', 'vip');
    await node(page, 'All of these').focus();
    await panel.getByRole('radio', { name: 'Not this', exact: true }).click();

    await page.getByRole('button', { name: /^Save/ }).click();
    await page.getByText('Trigger saved').waitFor({ timeout: UI_TIMEOUT });
    await studio.shoot(page, '01-nested-groups-en-1440');

    const read = await h.request('GET', `/triggers/${created.body.id}`, { token: h.admin.token });
    expect(read.body.conditions).toEqual({
      all: [
        { field: 'priority', operator: 'equals', value: 'high' },
        { any: [{ field: 'channel', operator: 'equals', value: 'email' }, { not: { field: 'tags', operator: 'contains', value: 'vip' } }] },
      ],
      any: [],
    });
    await page.close();

    const phone = await studio.signedIn(h.admin.token, PHONE, 'ko', `#/rules/${service.id}`);
    await phone.getByRole('button', { name: 'Urgent unless VIP' }).click();
    await node(phone, '만족하지 않음').waitFor({ timeout: UI_TIMEOUT });
    expect(await node(phone, '하나 이상 만족').count()).toBe(1);
    await node(phone, '하나 이상 만족').scrollIntoViewIfNeeded();
    await studio.shoot(phone, '02-nested-groups-ko-390');
    await phone.close();
  });
});
