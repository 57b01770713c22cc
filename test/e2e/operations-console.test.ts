/**
 * The operator console in a real browser (headless Chromium driven by playwright-core) over the real API, worker,
 * PostgreSQL and Temporal: a callback URL failing against a closed port and an email refused by the mail server
 * are found in the stuck list, explained in the detail view, and fixed with confirmed actions; each is delivered
 * once. Every page is screenshotted to `.data/e2e-artifacts/operations/` (not committed), in English and Korean,
 * on a desktop and a phone.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../infra/free-port';
import { startHarness, type Harness } from '../support/harness';
import { startHttpReceiver, type HttpReceiver } from '../support/http-receiver';
import { defineTrigger, publish, settledSideEffects } from '../support/rules';
import { serveApi, type ServedApi } from '../support/served-api';
import { startSmtpPeer, type SmtpPeer } from '../support/smtp-peer';
import { openStudioBrowser, type StudioBrowser, UI_TIMEOUT, type Viewport } from '../support/studio-browser';

let h: Harness;
let served: ServedApi;
let smtp: SmtpPeer;
let receiver: HttpReceiver | null = null;
let studio: StudioBrowser;

beforeAll(async () => {
  smtp = await startSmtpPeer();
  h = await startHarness({ env: { SMTP_URL: smtp.url } });
  served = await serveApi(h);
  studio = await openStudioBrowser(served, 'operations');
});

afterAll(async () => {
  await studio?.close();
  await served?.stop();
  await receiver?.stop();
  await h?.stop();
  await smtp?.stop();
});

/** The console, signed in as the admin. */
const openConsole = (viewport: Viewport, lang: 'en' | 'ko', hash = '#/operations') => studio.signedIn(h.admin.token, viewport, lang, hash);

async function createTicket(serviceId: string, subject: string) {
  const response = await h.request('POST', '/tickets', {
    token: h.admin.token,
    body: { serviceId, subject, content: '확인 부탁드립니다', customer: { name: '김민수', email: 'minsu@example.com' } },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { id: string };
}

/** Confirms the open action dialog with a reason, after checking that it refuses to go on without one. */
async function confirmWithReason(page: Page, confirmLabel: string, reason: string, beforeConfirm?: () => Promise<void>) {
  const dialog = page.locator('dialog[open]');
  await dialog.getByRole('button', { name: confirmLabel }).click();
  await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('at least 3 characters');
  await dialog.locator('textarea[name="reason"]').fill(reason);
  await beforeConfirm?.();
  await dialog.getByRole('button', { name: confirmLabel }).click();
  await dialog.waitFor({ state: 'detached', timeout: UI_TIMEOUT }).catch(async (error: unknown) => {
    // What the dialog said instead of closing (a refusal, an error) is the most useful artifact of a failure.
    await studio.shoot(page, 'failure-dialog');
    throw error;
  });
}

describe('the operator console', () => {
  it('finds a failing callback and a refused email, explains them, and fixes both from the browser', { timeout: 180_000 }, async () => {
    const service = await h.createService('온라인 상담');
    const port = await findFreePort();
    await defineTrigger(h, service.id, {
      title: '주문 시스템 연동',
      events: ['created'],
      all: [{ field: 'subject', operator: 'contains', value: '주문' }],
      results: [{ type: 'callbackUrl', url: `http://127.0.0.1:${port}/hooks/orders`, payloadTemplate: '{"ticket":"#{ticket.id}"}' }],
    });
    await defineTrigger(h, service.id, {
      title: '환불 접수 안내',
      events: ['created'],
      all: [{ field: 'subject', operator: 'contains', value: '환불' }],
      results: [{ type: 'notifyEmail', to: 'customer', messages: { ko: { subject: '접수되었습니다', body: '환불 문의가 접수되었습니다.' } } }],
    });
    await publish(h, service.id);
    smtp.refuse(550);
    const callbackTicket = await createTicket(service.id, '주문 조회가 안 됩니다');
    const mailTicket = await createTicket(service.id, '환불 요청드립니다');
    expect(await settledSideEffects(h, mailTicket.id)).toEqual([{ status: 'failed' }]);

    // The stuck list: both tickets, each with its reason, and the counts per reason.
    const page = await openConsole({ width: 1440, height: 900 }, 'en');
    const callbackRow = page.locator('.operations-table tr', { hasText: callbackTicket.id });
    const mailRow = page.locator('.operations-table tr', { hasText: mailTicket.id });
    await callbackRow.getByText('Activity retrying').waitFor({ timeout: UI_TIMEOUT });
    await mailRow.getByText('Delivery failed').waitFor({ timeout: UI_TIMEOUT });
    await expect.poll(() => page.locator('.reason-chip', { hasText: 'Delivery failed' }).locator('.count').textContent()).toBe('1');
    await expect.poll(() => page.locator('[data-health="failed"] .stat-value').textContent()).toBe('1');
    await studio.shoot(page, '01-stuck-list-en-1440');

    // The callback's detail: the pending activity, its attempt, its failure, the Temporal Web UI link.
    await callbackRow.getByRole('link', { name: '주문 조회가 안 됩니다' }).click();
    const detail = page.locator('.operations-detail');
    await detail.locator('.pending-activity').getByText('performSideEffect', { exact: true }).waitFor({ timeout: UI_TIMEOUT });
    await detail.locator('.pending-activity .failure-message').getByText('fetch failed').waitFor();
    // From the fifth attempt on, the next one is at least 16 s away (backoff 1 s × 2ⁿ): long enough, even with the
    // page refreshing every 5 s, for the operator's "retry now" to be what delivers rather than the schedule.
    await detail.getByText(/Attempt [5-8] of 8/).waitFor({ timeout: 2 * UI_TIMEOUT });
    expect(await detail.getByRole('link', { name: 'Open in Temporal Web UI' }).getAttribute('href')).toMatch(
      new RegExp(`/namespaces/default/workflows/ticket-${callbackTicket.id}/[0-9a-f-]+/history$`),
    );
    await studio.shoot(page, '02-callback-detail-en-1440');

    // The operator brings the receiver back and skips the backoff.
    await detail.locator('.detail-actions').getByRole('button', { name: 'Retry now' }).click();
    await page.locator('dialog[open]').getByText('their attempts start again').waitFor();
    await studio.shoot(page, '03-retry-now-confirm-en-1440');
    await confirmWithReason(page, 'Retry now', '주문 시스템 복구 확인', async () => {
      receiver = await startHttpReceiver(port);
    });
    await detail.locator('.delivery-sent').waitFor({ timeout: UI_TIMEOUT });
    await studio.shoot(page, '04-callback-delivered-en-1440');
    expect(receiver!.accepted()).toHaveLength(1);
    expect(receiver!.accepted()[0].headers['idempotency-key']).toBe(`${callbackTicket.id}-1-0`);

    // The refused email: failed, with the server's answer; the server accepts again and the operator retries it.
    await page.locator('.operations-table tr', { hasText: mailTicket.id }).getByRole('link').click();
    await detail.locator('.delivery-failed').getByText(/550/).waitFor({ timeout: UI_TIMEOUT });
    await studio.shoot(page, '05-email-failed-en-1440');
    smtp.accept();
    const before = smtp.messages.length;
    await detail.locator('.delivery-failed').getByRole('button', { name: 'Retry delivery' }).click();
    await confirmWithReason(page, 'Retry delivery', '메일 서버 수신 허용됨');
    await detail.locator('.delivery-sent').waitFor({ timeout: UI_TIMEOUT });
    await detail.locator('.operator-actions').getByText('retry_delivery').waitFor({ timeout: UI_TIMEOUT });
    await studio.shoot(page, '06-email-delivered-en-1440');
    expect(smtp.messages.slice(before).map((mail) => mail.messageId)).toEqual([`<${mailTicket.id}.1.0@contactflow>`]);

    // Nothing needs an operator any more: the list empties itself on the next refresh.
    await page.locator('.operations-detail').getByRole('button', { name: 'Close the detail' }).click();
    await page.getByText('Nothing needs an operator right now.').waitFor({ timeout: UI_TIMEOUT });
    await studio.shoot(page, '07-all-clear-en-1440');
    await page.close();

    expect((await h.auditRows(`ticket-${callbackTicket.id}`)).map((row) => [row.action, row.details.reason])).toEqual([
      ['operations.retry_now', '주문 시스템 복구 확인'],
    ]);
    expect((await h.auditRows(`ticket-${mailTicket.id}`)).map((row) => [row.action, row.details.reason])).toEqual([
      ['operations.retry_delivery', '메일 서버 수신 허용됨'],
    ]);

    // The same console in Korean, and on a phone.
    const all = await openConsole({ width: 1440, height: 900 }, 'ko');
    await all.getByRole('button', { name: '전체 워크플로' }).click();
    await all.locator('.operations-table tr', { hasText: callbackTicket.id }).waitFor({ timeout: UI_TIMEOUT });
    await studio.shoot(all, '08-all-workflows-ko-1440');
    await all.locator('.operations-table tr', { hasText: callbackTicket.id }).getByRole('link').click();
    await all.locator('.operations-detail').getByText('보냄').first().waitFor({ timeout: UI_TIMEOUT });
    await studio.shoot(all, '09-detail-ko-1440');
    await all.close();

    const phone = await openConsole({ width: 390, height: 844 }, 'ko', `#/operations/ticket-${mailTicket.id}`);
    await phone.locator('.operations-detail .operator-actions').getByText('retry_delivery').waitFor({ timeout: UI_TIMEOUT });
    await studio.shoot(phone, '10-detail-ko-390');
    await phone.goto(`${served.url}/studio/#/operations`);
    await phone.getByText('지금 조치가 필요한 워크플로가 없습니다.').waitFor({ timeout: UI_TIMEOUT });
    await studio.shoot(phone, '11-stuck-list-ko-390');
    await phone.close();
  });
});
