/**
 * Signed URLs in a real browser over the real API, worker, PostgreSQL and Temporal: an admin mints one for a
 * ticket's workflow in the operator console (and on the ticket), and the external system then posts the example request the dialog
 * shows to that URL; the comment lands on the ticket and a second use is refused. An operator who is not an admin
 * is never offered the action. Screenshots go to `.data/e2e-artifacts/signed-url/` (not committed).
 */
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness';
import { serveApi, type ServedApi } from '../support/served-api';
import { DESKTOP, openStudioBrowser, PHONE, type StudioBrowser, UI_TIMEOUT } from '../support/studio-browser';

let h: Harness;
let served: ServedApi;
let studio: StudioBrowser;
let service: { id: string; groupIds: string[] };

beforeAll(async () => {
  h = await startHarness({ env: { CALLBACK_SIGNING_KEY: `k1:${randomBytes(32).toString('base64')}` } });
  service = await h.createService('온라인 상담');
  served = await serveApi(h);
  studio = await openStudioBrowser(served, 'signed-url');
});

afterAll(async () => {
  await studio?.close();
  await served?.stop();
  await h?.stop();
});

async function createTicket() {
  const response = await h.request('POST', '/tickets', {
    token: h.admin.token,
    body: { serviceId: service.id, subject: '주문 배송 조회', content: '언제 도착하나요?', customer: { name: '김민수', email: 'minsu@example.com' } },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { id: string };
}

/** Mints a URL in the open workflow detail and returns what the dialog shows: the URL and the example request. */
async function mintInBrowser(page: Page, labels: { open: string; lifetime?: string; mint: string; url: string; curl: string }) {
  await page.locator('.operations-detail .detail-actions').getByRole('button', { name: labels.open }).click();
  const dialog = page.locator('dialog[open]');
  if (labels.lifetime) await dialog.locator('select[name="lifetime"]').selectOption({ label: labels.lifetime });
  await dialog.getByRole('button', { name: labels.mint }).click();
  const url = dialog.getByLabel(labels.url, { exact: true });
  await url.waitFor({ timeout: UI_TIMEOUT });
  return { dialog, url: await url.inputValue(), curl: await dialog.getByLabel(labels.curl, { exact: true }).inputValue() };
}

describe('signed URLs in the operator console', () => {
  it('an admin mints a URL for a ticket; the external system comments through it once', { timeout: 120_000 }, async () => {
    const ticket = await createTicket();

    const page = await studio.signedIn(h.admin.token, DESKTOP, 'en', `#/operations/ticket-${ticket.id}`);
    const minted = await mintInBrowser(page, { open: 'Signed URL', lifetime: '1 day', mint: 'Create URL', url: 'URL', curl: 'Example request' });
    await minted.dialog.getByText(/Add a comment to the ticket: usable once, for 1 day, until .+\./).waitFor();
    expect(minted.url).toMatch(new RegExp(`^${h.config.PUBLIC_URL}/hooks/w/k1\\.[^/]+$`));
    expect(minted.curl).toContain(`curl -X POST '${minted.url}'`);
    await studio.shoot(page, '01-minted-en-1440');
    await minted.dialog.getByRole('button', { name: 'Done' }).click();
    await page.close();

    // The external system sends the example body to the URL (on the served API: PUBLIC_URL names no listener here).
    const body = JSON.parse(/-d '(.*)'$/m.exec(minted.curl)![1]!) as unknown;
    const path = new URL(minted.url).pathname;
    const used = await served.request('POST', path, { body });
    expect(used.status, JSON.stringify(used.body)).toBe(200);
    expect(used.body).toEqual({ workflowId: `ticket-${ticket.id}`, action: 'comment', accepted: true });
    const messages = (await h.request('GET', `/tickets/${ticket.id}/messages`, { token: h.admin.token })).body as { kind: string; body: string }[];
    expect(messages).toEqual([expect.objectContaining({ kind: 'internal_note', body: 'Order 1042 shipped' })]);
    const replay = await served.request('POST', path, { body });
    expect(replay.status).toBe(409);
    expect(replay.body.error.code).toBe('hook.replayed');

    // On the ticket itself, in Korean on a phone: a URL for thirty days that works more than once.
    const phone = await studio.signedIn(h.admin.token, PHONE, 'ko', `#/inbox/all/${ticket.id}`);
    await phone.getByRole('toolbar', { name: '티켓 작업' }).getByRole('button', { name: '서명 URL' }).click();
    const dialog = phone.locator('dialog[open]');
    await dialog.locator('select[name="lifetime"]').selectOption({ label: '30일' });
    await dialog.getByLabel('한 번만 사용').uncheck();
    await dialog.getByRole('button', { name: 'URL 만들기' }).click();
    await dialog.getByText(/티켓에 댓글 추가: 30일 동안, .+까지 사용할 수 있습니다\./).waitFor({ timeout: UI_TIMEOUT });
    await studio.shoot(phone, '02-minted-ko-390');
    const reusable = new URL(await dialog.getByLabel('URL', { exact: true }).inputValue()).pathname;
    for (const text of ['첫 번째', '두 번째']) expect((await served.request('POST', reusable, { body: { body: text } })).status).toBe(200);
    await phone.close();
    const bodies = ((await h.request('GET', `/tickets/${ticket.id}/messages`, { token: h.admin.token })).body as { body: string }[]).map((m) => m.body);
    expect(bodies).toEqual(['Order 1042 shipped', '첫 번째', '두 번째']);
  });

  it('is not offered to an operator who is not an admin', { timeout: 60_000 }, async () => {
    const ticket = await createTicket();
    const operator = await h.createAgent({ permissions: ['ticket', 'operations'], groupIds: service.groupIds });
    const page = await studio.signedIn(operator.token, DESKTOP, 'en', `#/operations/ticket-${ticket.id}`);
    const actions = page.locator('.operations-detail .detail-actions');
    await actions.getByRole('button', { name: 'Reset' }).waitFor({ timeout: UI_TIMEOUT });
    expect(await actions.getByRole('button', { name: 'Signed URL' }).count()).toBe(0);
    await page.goto(`${served.url}/studio/#/inbox/all/${ticket.id}`);
    await page.getByRole('toolbar', { name: 'Ticket actions' }).getByRole('button', { name: 'Take' }).waitFor({ timeout: UI_TIMEOUT });
    expect(await page.getByRole('button', { name: 'Signed URL' }).count()).toBe(0);
    await page.close();
    const refused = await h.request('POST', '/hook-tokens', { token: operator.token, body: { workflowId: `ticket-${ticket.id}`, action: 'comment' } });
    expect(refused.status).toBe(403);
  });
});
