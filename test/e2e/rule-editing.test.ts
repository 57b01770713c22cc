/**
 * Editing a trigger in the rule designer as an admin would, in a real browser over the real API: typing, deleting
 * a node, undo and redo (keys and buttons), copy and paste of a condition, duplicating a whole trigger, a visit to
 * the workspace in between that keeps the unsaved drawing, and a save whose result the API returns as drawn.
 * Screenshots go to `.data/e2e-artifacts/rule-editing/` (not committed).
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
  studio = await openStudioBrowser(served, 'rule-editing');
});

afterAll(async () => {
  await studio?.close();
  await served?.stop();
  await h?.stop();
});

const valueInput = (page: Page) => page.locator('.node-panel').getByLabel('Value', { exact: true });

async function createTrigger(serviceId: string, body: Record<string, unknown>) {
  const created = await h.request('POST', `/services/${serviceId}/triggers`, { token: h.admin.token, body });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body as { id: string };
}

describe('editing a trigger in the rule designer', () => {
  it('undoes, redoes, copies, duplicates and keeps unsaved edits across the workspace, then saves what was drawn', { timeout: 180_000 }, async () => {
    await h.createService('다른 서비스', ['일반']);
    const service = await h.createService('환불 규칙', ['결제']);
    const refunds = await createTrigger(service.id, {
      title: 'Refund triage',
      events: ['created'],
      conditions: {
        all: [
          { field: 'priority', operator: 'equals', value: 'high' },
          { field: 'subject', operator: 'contains', value: '환불' },
        ],
        any: [],
      },
      results: [{ type: 'addTags', tags: ['refund'] }],
    });
    const welcomeBody = {
      title: 'Welcome',
      events: ['created'],
      conditions: { all: [{ field: 'channel', operator: 'equals', value: 'email' }], any: [] },
      results: [{ type: 'addTags', tags: ['welcome'] }],
    };
    await createTrigger(service.id, welcomeBody);

    const page = await studio.signedIn(h.admin.token, DESKTOP, 'en', `#/rules/${service.id}`);
    await page.getByRole('button', { name: 'Refund triage' }).click();
    await canvasNode(page, 'High').waitFor({ timeout: UI_TIMEOUT });
    const undo = page.getByRole('button', { name: 'Undo', exact: true });
    const redo = page.getByRole('button', { name: 'Redo', exact: true });
    expect(await undo.isDisabled()).toBe(true);

    // Typing into a value is one step: one Undo takes the whole word back, Redo brings it again.
    await canvasNode(page, '환불').click();
    await valueInput(page).click();
    await valueInput(page).press('End');
    await valueInput(page).pressSequentially(' 요청');
    await canvasNode(page, '환불 요청').waitFor({ timeout: UI_TIMEOUT });
    await undo.click();
    expect(await valueInput(page).inputValue()).toBe('환불');
    await redo.click();
    expect(await valueInput(page).inputValue()).toBe('환불 요청');

    // Dragging a row below another reorders the rows; the drop is one step back.
    const top = async (text: string) => (await canvasNode(page, text).boundingBox())?.y ?? Number.NaN;
    const from = (await canvasNode(page, 'High').boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2, (await top('환불 요청')) + from.height * 1.5, { steps: 10 });
    await page.mouse.up();
    await expect.poll(async () => (await top('High')) > (await top('환불 요청')), { timeout: UI_TIMEOUT }).toBe(true);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await top('High')) < (await top('환불 요청')), { timeout: UI_TIMEOUT }).toBe(true);

    // Delete is immediate, and undoable with the keys.
    await canvasNode(page, 'High').click();
    await page.keyboard.press('Delete');
    await canvasNode(page, 'High').waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    await page.keyboard.press('Control+z');
    await canvasNode(page, 'High').waitFor({ timeout: UI_TIMEOUT });
    await page.keyboard.press('Control+Shift+z');
    await canvasNode(page, 'High').waitFor({ state: 'detached', timeout: UI_TIMEOUT });

    // A copied condition pastes as a second row with its own id.
    await canvasNode(page, '환불 요청').click();
    await page.keyboard.press('Control+c');
    await page.getByText('Copied — paste with').waitFor({ timeout: UI_TIMEOUT });
    await page.keyboard.press('Control+v');
    await expect.poll(() => canvasNode(page, '환불 요청').count(), { timeout: UI_TIMEOUT }).toBe(2);
    await studio.shoot(page, '01-edited-en-1440');

    // A whole trigger duplicates into a new draft; the open, unsaved trigger stays open.
    await page.locator('.rule-item', { hasText: 'Welcome' }).getByRole('button', { name: 'Duplicate' }).click();
    await page.getByRole('button', { name: 'Copy of Welcome' }).waitFor({ timeout: UI_TIMEOUT });
    expect(await page.locator('.save-state').textContent()).toBe('Unsaved changes');

    // To the workspace and back: the same trigger, drawn as it was left, still unsaved, and its history too.
    await page.getByRole('link', { name: 'Workspace' }).click();
    await page.locator('.rule-studio').waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    await page.getByRole('link', { name: 'Rule studio' }).click();
    await expect.poll(() => canvasNode(page, '환불 요청').count(), { timeout: UI_TIMEOUT }).toBe(2);
    expect(await canvasNode(page, 'High').count()).toBe(0);
    expect(await page.locator('.save-state').textContent()).toBe('Unsaved changes');
    expect(await undo.isEnabled()).toBe(true);

    await page.getByRole('button', { name: /^Save/ }).click();
    await page.getByText('Trigger saved').waitFor({ timeout: UI_TIMEOUT });
    const saved = await h.request('GET', `/triggers/${refunds.id}`, { token: h.admin.token });
    expect(saved.body.conditions).toEqual({
      all: [
        { field: 'subject', operator: 'contains', value: '환불 요청' },
        { field: 'subject', operator: 'contains', value: '환불 요청' },
      ],
      any: [],
    });
    expect(saved.body.results).toEqual([{ type: 'addTags', tags: ['refund'] }]);
    const list = await h.request('GET', `/services/${service.id}/triggers`, { token: h.admin.token });
    const copy = list.body.triggers.find((trigger: { title: string }) => trigger.title === 'Copy of Welcome');
    expect(copy).toMatchObject({ ...welcomeBody, title: 'Copy of Welcome', enabled: false });

    // The service is remembered across a reload; an edit left unsaved makes the browser ask before leaving.
    await page.goto(`${served.url}/studio/#/rules`);
    await page.reload();
    expect(await page.getByLabel('Service').inputValue()).toBe(service.id);
    await page.getByRole('button', { name: 'Refund triage' }).click();
    await canvasNode(page, '환불 요청').first().click();
    await page.keyboard.press('Control+d');
    await expect.poll(() => canvasNode(page, '환불 요청').count(), { timeout: UI_TIMEOUT }).toBe(3);
    await page.getByRole('link', { name: 'Workspace' }).click();
    await page.locator('.rule-studio').waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    const asked = page.waitForEvent('dialog', { timeout: UI_TIMEOUT });
    const leaving = page.goto('about:blank').then(
      () => 'left',
      () => 'stayed',
    );
    const dialog = await asked;
    expect(dialog.type()).toBe('beforeunload');
    await dialog.dismiss();
    expect(await leaving).toBe('stayed');
    await page.close();

    const phone = await studio.signedIn(h.admin.token, PHONE, 'ko', `#/rules/${service.id}`);
    await phone.getByRole('button', { name: 'Refund triage' }).click();
    await canvasNode(phone, '환불 요청').first().waitFor({ timeout: UI_TIMEOUT });
    await studio.shoot(phone, '02-editing-ko-390');
    await phone.close();
  });
});
