/**
 * Ticket search (티켓 검색) and customers (고객 관리) in a real browser (headless Chromium driven by playwright-core)
 * over the real API, worker, PostgreSQL and Temporal: a Korean substring finds exactly its tickets and the search
 * survives a reload, a reversed date range is refused under its input, an export offers its file; a customer opened
 * from a ticket is edited and another customer merged into it, their tickets moving with them. Every page is shot
 * in English at 1440x900, then in Korean at 1440x900 and in English at 390x844, to
 * `.data/e2e-artifacts/search-customers/` (not committed).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyList } from '../../infra/keyring';
import { startHarness, type Harness } from '../support/harness';
import { serveApi, type ServedApi } from '../support/served-api';
import { DESKTOP, openStudioBrowser, PHONE, type StudioBrowser, UI_TIMEOUT } from '../support/studio-browser';

let h: Harness;
let served: ServedApi;
let studio: StudioBrowser;

beforeAll(async () => {
  h = await startHarness({ env: { FIELD_ENCRYPTION_KEY: generateKeyList('t1') } });
  served = await serveApi(h);
  studio = await openStudioBrowser(served, 'search-customers');
});

afterAll(async () => {
  await studio?.close();
  await served?.stop();
  await h?.stop();
});

const resultIds = (page: Page) => page.locator('.search-table tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-ticket')));

async function newField(serviceId: string, code: string, labels: Record<string, string>, encrypted = false) {
  const response = await h.request('POST', `/services/${serviceId}/fields`, { token: h.admin.token, body: { scope: 'customer', code, control: 'text', labels, encrypted } });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
}

async function newTicket(serviceId: string, subject: string, customer: { name: string; email: string }, customerFields: Record<string, string> = {}) {
  const response = await h.request('POST', '/tickets', { token: h.admin.token, body: { serviceId, subject, content: '확인 부탁드립니다.', customer, customerFields } });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { id: string; customer: { id: string } };
}

describe('ticket search and customers', () => {
  it('finds exactly the tickets whose subject holds a Korean substring, refuses a reversed range under its input, and exports', { timeout: 180_000 }, async () => {
    const service = await h.createService('검색 상담', ['일반']);
    const other = await h.createService('다른 서비스', ['일반']);
    const agent = await h.createAgent({ groupIds: service.groupIds, name: '한지민' });
    await newField(service.id, 'order_no', { en: 'Order number', ko: '주문번호' });
    await newField(service.id, 'resident_no', { en: 'Resident number', ko: '주민번호' }, true);
    const wanted = await newTicket(service.id, '환불 요청드립니다 (주문 1042)', { name: '이서연', email: 'seoyeon@example.com' }, { order_no: 'A-1042' });
    await newTicket(service.id, '배송이 늦어요', { name: '이서연', email: 'seoyeon@example.com' });
    // Same words, but in a service the agent has no group in.
    await newTicket(other.id, '환불 요청드립니다 (다른 곳)', { name: '정우성', email: 'woosung@example.com' });

    const page = await studio.signedIn(agent.token, DESKTOP, 'en', '#/search');
    await page.locator('.search-table, .search-results .empty-state').first().waitFor({ timeout: UI_TIMEOUT });
    await page.locator('input[name="subject"]').fill('환불 요청');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => resultIds(page), { timeout: UI_TIMEOUT }).toEqual([wanted.id]);
    expect(await page.locator('.results-total').textContent()).toBe('1 found');
    await studio.shoot(page, '01-search-korean-en-1440');

    // The search lives in the address: a reload shows the same conditions and rows.
    expect(new URLSearchParams(new URL(page.url()).hash.split('?')[1]).get('subject')).toBe('환불 요청');
    await page.reload();
    await expect.poll(() => resultIds(page), { timeout: UI_TIMEOUT }).toEqual([wanted.id]);
    expect(await page.locator('input[name="subject"]').inputValue()).toBe('환불 요청');

    // The export offers its file once the job has written it.
    await page.getByRole('button', { name: 'XLSX' }).click();
    await page.locator('.export-panel').getByRole('button', { name: 'Export' }).click();
    const link = page.locator('a.export-link');
    await link.waitFor({ timeout: UI_TIMEOUT });
    expect(await link.getAttribute('download')).toMatch(/^tickets-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    await studio.shoot(page, '02-search-exported-en-1440');

    // Saved as the agent's default conditions, the search opens with them.
    await page.getByRole('button', { name: 'Save as my default' }).click();
    await page.getByText('Saved: the search opens with these conditions.').waitFor({ timeout: UI_TIMEOUT });

    // A row opens its ticket.
    await page.locator('.search-table tbody tr').first().click();
    await page.locator('aside.detail').getByRole('heading', { name: '환불 요청드립니다 (주문 1042)' }).waitFor({ timeout: UI_TIMEOUT });

    // A fresh search opens with the saved defaults.
    await page.goto(`${served.url}/studio/#/search`);
    await expect.poll(() => page.locator('input[name="subject"]').inputValue(), { timeout: UI_TIMEOUT }).toBe('환불 요청');
    await expect.poll(() => resultIds(page), { timeout: UI_TIMEOUT }).toEqual([wanted.id]);

    // Field values are conditions too, except encrypted fields, which cannot be searched.
    expect(await page.locator('[name="fields.resident_no"]').count()).toBe(0);
    await page.locator('input[name="subject"]').fill('');
    await page.locator('input[name="fields.order_no"]').fill('A-1042');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => resultIds(page), { timeout: UI_TIMEOUT }).toEqual([wanted.id]);
    // The whole form at once, to look at every condition.
    await page.setViewportSize({ width: DESKTOP.width, height: 2600 });
    await studio.shoot(page, '06-all-conditions-en-1440');
    await page.setViewportSize(DESKTOP);
    await page.locator('input[name="fields.order_no"]').fill('B-9');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByText('No tickets match these conditions').waitFor({ timeout: UI_TIMEOUT });

    // A reversed range is the API's refusal, shown under the end date.
    await page.locator('input[name="createdFrom"]').fill('2026-03-10');
    await page.locator('input[name="createdTo"]').fill('2026-03-01');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const refusal = page.locator('label:has(input[name="createdTo"]) .field-error');
    await refusal.waitFor({ timeout: UI_TIMEOUT });
    expect(await refusal.textContent()).toContain('The end date must be on or after the start date.');
    expect(await page.locator('input[name="createdTo"]').getAttribute('aria-invalid')).toBe('true');
    await studio.shoot(page, '03-search-reversed-range-en-1440');
    await page.close();
  });

  it('opens a customer from a ticket, edits them, and merges another customer whose tickets move over', { timeout: 180_000 }, async () => {
    const service = await h.createService('고객 상담', ['일반']);
    const agent = await h.createAgent({ groupIds: service.groupIds, name: '윤아름' });
    const first = await newTicket(service.id, '로그인이 안 됩니다', { name: '김하늘', email: 'haneul@example.com' });
    const second = await newTicket(service.id, '비밀번호 재설정 문의', { name: '김하늘', email: 'sky.kim@example.com' });
    expect(second.customer.id).not.toBe(first.customer.id);

    const page = await studio.signedIn(agent.token, DESKTOP, 'en', `#/tickets/${first.id}`);
    await page.locator('aside.detail a.customer-link').click();
    await page.getByRole('heading', { name: '김하늘', level: 1 }).waitFor({ timeout: UI_TIMEOUT });
    expect(new URL(page.url()).hash).toBe(`#/customers/${first.customer.id}`);
    await page.locator('.history-list').getByText('로그인이 안 됩니다').waitFor({ timeout: UI_TIMEOUT });

    // A malformed email is refused under its input; a phone is saved.
    const form = page.locator('form.customer-form');
    await form.locator('input[name="email"]').fill('not-an-email');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.locator('label:has(input[name="email"]) .field-error').waitFor({ timeout: UI_TIMEOUT });
    await form.locator('input[name="email"]').fill('haneul@example.com');
    await form.locator('input[name="phone"]').fill('010-2222-3333');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(async () => (await h.request('GET', `/customers/${first.customer.id}`, { token: agent.token })).body.phone, { timeout: UI_TIMEOUT }).toBe('010-2222-3333');
    await expect.poll(() => form.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);

    // Merge: find the other record, read the preview, confirm, see the result and the moved ticket.
    await page.getByRole('button', { name: 'Merge another customer…' }).click();
    const dialog = page.locator('dialog[open]');
    await dialog.locator('select').selectOption('email');
    await dialog.locator('input').fill('sky.kim@example.com');
    await dialog.getByRole('button', { name: 'Find' }).click();
    await dialog.locator('.merge-candidate').first().click();
    await dialog.locator('.merge-preview').waitFor({ timeout: UI_TIMEOUT });
    expect(await dialog.locator('.merge-preview tr.outcome-add th').allTextContents()).toEqual(['Email']);
    await studio.shoot(page, '04-merge-preview-en-1440');
    await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
    await dialog.getByText('Merged. 1 ticket moved.').waitFor({ timeout: UI_TIMEOUT });
    await dialog.getByRole('button', { name: 'Close' }).last().click();
    await page.locator('.history-list').getByText('비밀번호 재설정 문의').waitFor({ timeout: UI_TIMEOUT });
    expect(await page.locator('.other-values').textContent()).toContain('sky.kim@example.com');
    await studio.shoot(page, '05-customer-merged-en-1440');

    const merged = await h.request('GET', `/customers/${first.customer.id}`, { token: agent.token });
    expect(merged.body.tickets.map((ticket: { id: string }) => ticket.id).sort()).toEqual([first.id, second.id].sort());
    expect((await h.request('GET', `/customers/${second.customer.id}`, { token: agent.token })).status).toBe(404);
    await page.close();

    // The steps above shot the pages in English on a desktop: here Korean on a desktop and English on a phone.
    for (const [lang, viewport] of [
      ['ko', DESKTOP],
      ['en', PHONE],
    ] as const) {
      const size = viewport.width;
      const shots = await studio.signedIn(agent.token, viewport, lang, '#/search');
      await shots.locator('.condition-form').waitFor({ timeout: UI_TIMEOUT });
      await shots.locator('.search-table').waitFor({ timeout: UI_TIMEOUT });
      await studio.shoot(shots, `09-search-form-${lang}-${size}`);
      await shots.goto(`${served.url}/studio/#/search?subject=${encodeURIComponent('로그인')}`);
      await expect.poll(() => resultIds(shots), { timeout: UI_TIMEOUT }).toEqual([first.id]);
      await studio.shoot(shots, `10-search-${lang}-${size}`);
      await shots.goto(`${served.url}/studio/#/customers?name=${encodeURIComponent('김하늘')}`);
      await shots.locator('.customer-table').waitFor({ timeout: UI_TIMEOUT });
      await studio.shoot(shots, `11-customers-${lang}-${size}`);
      await shots.goto(`${served.url}/studio/#/customers/${first.customer.id}`);
      await shots.locator('.history-list').waitFor({ timeout: UI_TIMEOUT });
      await studio.shoot(shots, `12-customer-${lang}-${size}`);
      await shots.locator('.merge-box button').click();
      await shots.locator('dialog[open] .merge-find').waitFor({ timeout: UI_TIMEOUT });
      // The dialog fades in; the shot waits for it to settle.
      await shots.waitForFunction("document.querySelector('dialog[open]').getAnimations({ subtree: true }).every((animation) => animation.playState !== 'running')");
      await studio.shoot(shots, `13-merge-${lang}-${size}`);
      await shots.close();
    }
  });
});
