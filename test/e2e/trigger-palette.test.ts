/**
 * The rule designer's palette, keyboard and layout, in a real browser over the real API: an admin builds a nested
 * trigger only from the palette, by keyboard and by dragging, moves between the nodes with the arrow keys, and
 * saves; the API answers what was drawn. At the opening zoom no node text is under 12 px and no two nodes overlap,
 * even with a value long enough to wrap. On a phone, in Korean, the same drawing opens readable and the palette
 * finds a field by its Korean name. Screenshots go to `.data/e2e-artifacts/trigger-palette/` (not committed).
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
  studio = await openStudioBrowser(served, 'trigger-palette');
});

afterAll(async () => {
  await studio?.close();
  await served?.stop();
  await h?.stop();
});

const LONG_VALUE = '환불 요청 — refund requested for order ORD-2026-000123 after the card payment failed twice and the customer wrote again';


/** The text of the node holding the keyboard focus ('' when the focus is elsewhere). */
const focusedNode = (page: Page) => page.evaluate<string>("document.activeElement?.closest('.react-flow__node')?.innerText ?? ''");

/** The smallest text on the canvas as drawn on screen (font size times the canvas zoom), and what it says. */
const smallestText = (page: Page) =>
  page.evaluate<{ px: number; text: string }>(`(() => {
    const zoom = new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')).transform).a;
    const withText = [...document.querySelectorAll('.react-flow__node *, .react-flow__edge-text')].filter((element) =>
      [...element.childNodes].some((child) => child.nodeType === Node.TEXT_NODE && child.textContent.trim() !== ''));
    const sizes = withText.map((element) => ({ px: parseFloat(getComputedStyle(element).fontSize) * zoom, text: element.textContent.trim() }));
    return sizes.reduce((smallest, size) => (size.px < smallest.px ? size : smallest));
  })()`);

/** Checks, once the opening view has settled, that no text on the canvas is drawn under 12 px. */
async function expectReadable(page: Page) {
  // A view still moving (a pan after a selection) settles first; the assertion below then names the culprit.
  await expect.poll(async () => (await smallestText(page)).px, { timeout: UI_TIMEOUT }).toBeGreaterThanOrEqual(12).catch(() => undefined);
  const smallest = await smallestText(page);
  expect(smallest.px, `“${smallest.text}” is drawn at ${smallest.px.toFixed(1)} px`).toBeGreaterThanOrEqual(12);
}

/** Pairs of node boxes that overlap on screen. */
async function overlappingNodes(page: Page): Promise<string[]> {
  const boxes = await page.evaluate<{ text: string; x: number; y: number; width: number; height: number }[]>(`
    [...document.querySelectorAll('.react-flow__node')].map((element) => {
      const { x, y, width, height } = element.getBoundingClientRect();
      return { text: element.innerText.split('\\n').slice(-1)[0], x, y, width, height };
    })`);
  expect(boxes.length).toBeGreaterThan(1);
  const found: string[] = [];
  for (const [index, a] of boxes.entries()) {
    for (const b of boxes.slice(index + 1)) {
      if (a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5) found.push(`${a.text} × ${b.text}`);
    }
  }
  return found;
}

const paletteSearch = (page: Page) => page.locator('.palette [role="combobox"]');

/** Opens the palette with `/` from the focused node, searches and inserts the first match with Enter. */
async function insertByKeyboard(page: Page, search: string) {
  await page.keyboard.press('/');
  const field = paletteSearch(page);
  await field.waitFor({ timeout: UI_TIMEOUT });
  await field.fill(search);
  await page.keyboard.press('Enter');
  await field.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
}

describe('the palette, keyboard and layout of the rule designer', () => {
  it('builds a nested trigger from the palette by keyboard and by dragging, readable and without overlaps', { timeout: 120_000 }, async () => {
    const service = await h.createService('팔레트 규칙', ['일반']);
    const created = await h.request('POST', `/services/${service.id}/triggers`, {
      token: h.admin.token,
      body: {
        title: 'Refund follow-up',
        events: ['created'],
        conditions: { all: [{ field: 'subject', operator: 'contains', value: LONG_VALUE }], any: [] },
        results: [{ type: 'addTags', tags: ['refund'] }],
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);

    const page = await studio.signedIn(h.admin.token, DESKTOP, 'en', `#/rules/${service.id}`);
    await page.getByRole('button', { name: 'Refund follow-up' }).click();
    await canvasNode(page, 'Subject').waitFor({ timeout: UI_TIMEOUT });
    await expectReadable(page);
    expect(await overlappingNodes(page)).toEqual([]);

    // By keyboard: from the row, an Any group beside it (the focus lands on the row inside it), then a channel row
    // beside that one, inside the group.
    await canvasNode(page, 'Subject').click();
    await insertByKeyboard(page, 'any of');
    await expect.poll(() => focusedNode(page)).toContain('Urgent');
    await insertByKeyboard(page, 'channel');
    await expect.poll(() => focusedNode(page)).toContain('Channel');

    // Along the drawing: right to the group, left to its first entry, down to the channel row, right twice to
    // the trigger, right to its result; the live region says where the focus is.
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => focusedNode(page)).toContain('Any of these');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => focusedNode(page)).toContain('Urgent');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => focusedNode(page)).toContain('Channel');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => focusedNode(page)).toContain('Refund follow-up');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => focusedNode(page)).toContain('Add tags');
    await expect.poll(() => page.locator('.rule-canvas [aria-live="polite"]').innerText()).toContain('Add tags');
    const outline = await page.evaluate<string>("getComputedStyle(document.activeElement.querySelector('.flow-node')).outlineStyle");
    expect(outline).toBe('solid');

    // Enter opens the node's form with the focus in it; Escape returns to the node.
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate<boolean>("Boolean(document.activeElement?.closest('.node-panel'))")).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => focusedNode(page)).toContain('Refund follow-up');

    // By dragging: a Not group dropped onto the Any group lands inside it; a result dropped anywhere runs last.
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => focusedNode(page)).toContain('Any of these');
    await page.getByRole('button', { name: /^Add/ }).click();
    await paletteSearch(page).fill('not');
    // Held over the Any group, the drag marks it as the group receiving the entry.
    const group = (await canvasNode(page, 'Any of these').boundingBox())!;
    await page.evaluate(`(() => {
      const carried = new DataTransfer();
      carried.setData('application/x-contactflow-palette', 'group:not');
      const at = { clientX: ${group.x + 30}, clientY: ${group.y + 20}, bubbles: true, cancelable: true, dataTransfer: carried };
      document.elementFromPoint(at.clientX, at.clientY).dispatchEvent(new DragEvent('dragover', at));
    })()`);
    await expect.poll(() => canvasNode(page, 'Any of these').getAttribute('class')).toContain('drop-receiver');
    await page.getByRole('option', { name: 'Not this' }).dragTo(canvasNode(page, 'Any of these'));
    await canvasNode(page, 'Not this').waitFor({ timeout: UI_TIMEOUT });
    await paletteSearch(page).fill('priority');
    await page.getByRole('option', { name: 'Set priority' }).dragTo(page.locator('.react-flow__pane'), { targetPosition: { x: 420, y: 600 } });
    await canvasNode(page, 'Set priority').waitFor({ timeout: UI_TIMEOUT });
    await page.locator('.palette').getByRole('button', { name: 'Close' }).click();
    await page.locator('.palette').waitFor({ state: 'detached', timeout: UI_TIMEOUT });

    await expectReadable(page);
    expect(await overlappingNodes(page)).toEqual([]);
    await page.getByRole('button', { name: /^Save/ }).click();
    await page.getByText('Trigger saved').waitFor({ timeout: UI_TIMEOUT });
    await canvasNode(page, 'Refund follow-up').focus();
    await studio.shoot(page, '01-palette-built-en-1440');

    const urgent = { field: 'priority', operator: 'equals', value: 'urgent' };
    const read = await h.request('GET', `/triggers/${created.body.id}`, { token: h.admin.token });
    expect(read.body.conditions).toEqual({
      all: [{ field: 'subject', operator: 'contains', value: LONG_VALUE }, { any: [urgent, { field: 'channel', operator: 'equals', value: 'created' }, { not: urgent }] }],
      any: [],
    });
    expect(read.body.results).toEqual([{ type: 'addTags', tags: ['refund'] }, { type: 'setPriority', priority: 'urgent' }]);
    await page.close();

    const phone = await studio.signedIn(h.admin.token, PHONE, 'ko', `#/rules/${service.id}`);
    await phone.getByRole('button', { name: 'Refund follow-up' }).click();
    await canvasNode(phone, '만족하지 않음').waitFor({ timeout: UI_TIMEOUT });
    await expectReadable(phone);
    expect(await overlappingNodes(phone)).toEqual([]);
    await canvasNode(phone, '하나 이상 만족').click();
    await insertByKeyboard(phone, '태그');
    await expect.poll(() => focusedNode(phone)).toContain('태그');
    await studio.shoot(phone, '02-palette-ko-390');
    await phone.close();
  });
});
