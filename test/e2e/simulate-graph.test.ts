/**
 * Reading a trigger in the rule designer, in a real browser over the real API, worker, PostgreSQL and Temporal: an
 * admin opens a nested trigger and reads its compiled definition; an invalid edit (an emptied group) is caught in the
 * browser by the API's own checks, in the admin's language, and Save waits until it is fixed; a stored ticket is
 * found by search and simulated, and the graph shows pass by pass which conditions held with the values they saw
 * and which results would not run; the Versions drawer tells the published version and the drafts apart in words.
 * Screenshots go to `.data/e2e-artifacts/simulate-graph/` (not committed).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness';
import { defineTrigger, publish } from '../support/rules';
import { serveApi, type ServedApi } from '../support/served-api';
import { DESKTOP, openStudioBrowser, PHONE, type StudioBrowser, UI_TIMEOUT } from '../support/studio-browser';

let h: Harness;
let served: ServedApi;
let studio: StudioBrowser;
let service: { id: string };
let nestedId: string;

const nestedConditions = (priority: string) => ({
  all: [
    { field: 'priority', operator: 'equals', value: priority },
    { any: [{ field: 'channel', operator: 'equals', value: 'email' }, { not: { field: 'tags', operator: 'contains', value: 'vip' } }] },
  ],
  any: [],
});

beforeAll(async () => {
  h = await startHarness();
  served = await serveApi(h);
  studio = await openStudioBrowser(served, 'simulate-graph');
  service = await h.createService('그래프 시뮬레이션', ['상담']);
  // Created before anything is published, so the stored ticket is as the customer wrote it: priority normal.
  const ticket = await h.request('POST', '/tickets', {
    token: h.admin.token,
    body: { serviceId: service.id, subject: '환불 요청 드립니다', content: '주문 취소', channel: 'email', customer: { name: '홍길동', email: 'hong@example.com' } },
  });
  expect(ticket.status, JSON.stringify(ticket.body)).toBe(201);
  await defineTrigger(h, service.id, {
    title: 'Refunds are high',
    events: ['created'],
    all: [{ field: 'subject', operator: 'contains', value: '환불' }],
    results: [{ type: 'setPriority', priority: 'high' }],
  });
  nestedId = await defineTrigger(h, service.id, {
    title: 'Urgent unless VIP',
    events: ['created'],
    ...nestedConditions('urgent'),
    results: [{ type: 'addTags', tags: ['escalate'] }],
  });
  await publish(h, service.id);
  // The draft since v1: the first row now asks for high instead of urgent.
  const replaced = await h.request('PUT', `/triggers/${nestedId}`, {
    token: h.admin.token,
    body: { title: 'Urgent unless VIP', events: ['created'], conditions: nestedConditions('high'), results: [{ type: 'addTags', tags: ['escalate'] }] },
  });
  expect(replaced.status, JSON.stringify(replaced.body)).toBe(200);
});

afterAll(async () => {
  await studio?.close();
  await served?.stop();
  await h?.stop();
});

/** The node of the condition row whose value reads `value`. */
const rowNode = (page: Page, value: string | RegExp) =>
  page.locator('.react-flow__node').filter({ has: page.locator('.flow-value', { hasText: typeof value === 'string' ? new RegExp(`^${value}$`) : value }) });
const groupNode = (page: Page, kind: string) => page.locator('.react-flow__node').filter({ has: page.locator('.flow-title', { hasText: new RegExp(`^${kind}$`) }) });
const resultNode = (page: Page) => page.locator('.react-flow__node-result');
const mark = async (node: ReturnType<Page['locator']>) => ({
  verdict: await node.locator('.flow-sim-verdict').textContent(),
  seen: (await node.locator('.flow-sim-seen').count()) ? await node.locator('.flow-sim-seen').textContent() : null,
});

/** Waits for the drawer's opening animation (not the spinners that never end), so the screenshot shows it as a reader does. */
const settled = (page: Page) =>
  page.waitForFunction("document.getAnimations().every((animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity)");

/** Finds the stored ticket by typing `text` into the picker, chooses it, and runs the simulation. */
async function simulateStoredTicket(page: Page, labels: { tab: string; stored: string; find: string; run: string }, text: string) {
  await page.getByRole('tab', { name: labels.tab }).click();
  await page.getByRole('radio', { name: labels.stored }).click();
  await page.getByRole('combobox', { name: labels.find }).fill(text);
  await page.getByRole('option', { name: /환불 요청 드립니다/ }).click();
  await page.getByRole('button', { name: labels.run, exact: true }).click();
  await page.locator('.simulation-bar').waitFor({ timeout: UI_TIMEOUT });
}

describe('reading a trigger in the rule designer', () => {
  it('shows the definition, checks an edit in the browser, simulates on the graph and compares versions', { timeout: 150_000 }, async () => {
    const page = await studio.signedIn(h.admin.token, DESKTOP, 'en', `#/rules/${service.id}`);
    await page.getByRole('button', { name: 'Urgent unless VIP' }).click();
    await rowNode(page, 'High').waitFor({ timeout: UI_TIMEOUT });

    // The compiled definition: json-rules-engine's own nesting, under the trigger's id.
    await page.getByRole('tab', { name: 'JSON' }).click();
    const definition = JSON.parse((await page.locator('.definition-json').textContent())!);
    expect(definition.name).toBe(nestedId);
    expect(definition.conditions.all[0].all).toMatchObject([
      { path: '$.priority', operator: 'equals', value: 'high' },
      { any: [{ path: '$.channel', operator: 'equals', value: 'email' }, { not: { operator: 'contains', value: 'vip' } }] },
    ]);

    await studio.shoot(page, '00-definition-en-1440');

    // An invalid edit: a group inside the Any group, its only row removed.
    await page.getByRole('tab', { name: 'Edit' }).click();
    const panel = page.locator('.node-panel');
    await groupNode(page, 'Any of these').click();
    await panel.getByRole('button', { name: 'Group inside' }).click();
    await rowNode(page, 'Urgent').click();
    await panel.getByRole('button', { name: 'Remove' }).click();
    const emptied = groupNode(page, 'All of these');
    await expect.poll(() => emptied.locator('.flow-node').getAttribute('class')).toContain('has-issues');
    await emptied.click();
    await expect.poll(() => panel.locator('.issue-list li').allTextContents()).toEqual(['This group has no conditions; add one or remove the group.']);
    const save = page.locator('.editor-bar').getByRole('button', { name: /^Save/ });
    expect(await save.isDisabled()).toBe(true);
    expect(await page.locator('.save-blocked').textContent()).toBe('Fix the problem to save');
    await page.getByRole('tab', { name: 'JSON' }).click();
    await page.getByText('Fix the problem to see the definition').waitFor({ timeout: UI_TIMEOUT });

    // The same problem in Korean, without losing the edit.
    await page.getByRole('button', { name: '한', exact: true }).click();
    await page.getByRole('tab', { name: '편집' }).click();
    await expect.poll(() => panel.locator('.issue-list li').allTextContents()).toEqual(['이 묶음에 조건이 없습니다. 조건을 추가하거나 묶음을 삭제해 주세요.']);
    expect(await page.locator('.save-blocked').textContent()).toBe('문제 1건을 고쳐야 저장할 수 있습니다');
    await studio.shoot(page, '01-invalid-ko-1440');
    await page.getByRole('button', { name: 'EN', exact: true }).click();

    // Fixed: a row inside the group; the definition follows, Save is live again.
    await panel.getByRole('button', { name: 'Condition inside' }).click();
    await expect.poll(() => emptied.locator('.flow-node').getAttribute('class')).not.toContain('has-issues');
    expect(await page.locator('.save-blocked').count()).toBe(0);
    await page.getByRole('tab', { name: 'JSON' }).click();
    const fixed = JSON.parse((await page.locator('.definition-json').textContent())!);
    expect(fixed.conditions.all[0].all[1].any[2]).toEqual({ all: [{ fact: 'ticket', path: '$.priority', operator: 'equals', value: 'urgent' }] });
    await save.click();
    await page.getByText('Trigger saved').waitFor({ timeout: UI_TIMEOUT });

    // Simulated on the stored ticket, found by its subject: pass 1, before "Refunds are high" raised the priority.
    await simulateStoredTicket(page, { tab: 'Simulate', stored: 'Stored ticket', find: 'Find a ticket', run: 'Simulate' }, '환불');
    expect(await page.locator('.simulation-pass').textContent()).toBe('Pass 1 of 3');
    expect(await mark(rowNode(page, 'High'))).toEqual({ verdict: 'Not held', seen: 'saw Normal' });
    expect(await mark(rowNode(page, 'Email'))).toEqual({ verdict: 'Held', seen: 'saw Email' });
    expect(await mark(rowNode(page, '“vip”'))).toEqual({ verdict: 'Not held', seen: 'saw [ ]' });
    expect(await mark(groupNode(page, 'Not this'))).toEqual({ verdict: 'Holds', seen: null });
    expect(await mark(groupNode(page, 'Any of these'))).toEqual({ verdict: 'Holds', seen: null });
    expect(await resultNode(page).locator('.flow-node').getAttribute('class')).toContain('sim-dimmed');
    expect(await mark(resultNode(page))).toEqual({ verdict: 'Would not run', seen: null });

    // Pass 2: the priority is high now, the trigger fires and its result runs.
    await page.getByRole('button', { name: 'Next pass' }).click();
    expect(await page.locator('.simulation-pass').textContent()).toBe('Pass 2 of 3');
    expect(await mark(rowNode(page, 'High'))).toEqual({ verdict: 'Held', seen: 'saw High' });
    expect(await mark(rowNode(page, 'Urgent'))).toEqual({ verdict: 'Not held', seen: 'saw High' });
    expect(await resultNode(page).locator('.flow-node').getAttribute('class')).not.toContain('sim-dimmed');
    expect(await mark(resultNode(page))).toEqual({ verdict: 'Runs', seen: null });
    await studio.shoot(page, '02-simulate-graph-en-1440');

    // The trace beside says which pass the graph shows, and shows another there: in pass 3 the result ran before.
    const tracePasses = page.locator('.trace-pass');
    expect(await tracePasses.nth(1).locator('.trace-pass-head .badge').textContent()).toBe('On the graph');
    await tracePasses.nth(2).getByRole('button', { name: 'Show on the graph' }).click();
    expect(await page.locator('.simulation-pass').textContent()).toBe('Pass 3 of 3');
    expect(await mark(page.locator('.react-flow__node-trigger'))).toEqual({ verdict: 'Fired in pass 2', seen: null });
    expect(await mark(resultNode(page))).toEqual({ verdict: 'Ran in pass 2', seen: null });

    // The published version against the drafts, in words.
    await page.getByRole('button', { name: 'Versions' }).click();
    const lines = page.getByRole('dialog').locator('.version-compare .diff-line');
    await lines.first().waitFor({ timeout: UI_TIMEOUT });
    const read = async () =>
      Promise.all((await lines.all()).map(async (line) => [await line.locator('.diff-what').textContent(), await line.locator('.flow-group').textContent(), await line.locator('.diff-text').textContent()]));
    expect(await read()).toEqual([
      ['Condition changed', 'AND', 'Priority is Urgent → is High'],
      ['Condition added', 'AND › OR', 'All of these (Priority is Urgent)'],
    ]);
    await settled(page);
    await studio.shoot(page, '03-versions-diff-en-1440');
    await page.close();
  });

  it('shows the simulation on the graph and the comparison on a phone, in Korean', { timeout: 90_000 }, async () => {
    const phone = await studio.signedIn(h.admin.token, PHONE, 'ko', `#/rules/${service.id}`);
    await phone.getByRole('button', { name: 'Urgent unless VIP' }).click();
    await rowNode(phone, '높음').waitFor({ timeout: UI_TIMEOUT });
    // Found by the customer's name this time.
    await simulateStoredTicket(phone, { tab: '시뮬레이션', stored: '저장된 티켓', find: '티켓 찾기', run: '시뮬레이션' }, '홍길동');
    expect(await phone.locator('.simulation-pass').textContent()).toBe('3회 중 1회차');
    expect(await mark(rowNode(phone, '높음'))).toEqual({ verdict: '미충족', seen: '실제 값 보통' });
    expect(await mark(resultNode(phone))).toEqual({ verdict: '실행되지 않음', seen: null });
    await phone.locator('.simulation-bar').scrollIntoViewIfNeeded();
    await studio.shoot(phone, '04-simulate-graph-ko-390');

    await phone.getByRole('button', { name: '버전', exact: true }).click();
    await phone.getByRole('dialog').locator('.version-compare .diff-line').first().waitFor({ timeout: UI_TIMEOUT });
    expect(await phone.getByRole('dialog').locator('.version-compare .diff-what').allTextContents()).toEqual(['조건 변경', '조건 추가']);
    await settled(phone);
    await studio.shoot(phone, '05-versions-diff-ko-390');
    await phone.close();
  });
});
