/**
 * The live workspace in a real browser over the real API, worker, PostgreSQL and Temporal: two agents' studios are
 * open; tickets created through the API and taken on the other page appear in, and leave, the first page's list and
 * counts without a reload, and its open ticket shows who took it. `t` takes, `e` writes the resolving answer, and
 * "Send & next" (or Ctrl+Shift+Enter) answers and opens the next ticket of the list. Screenshots go to
 * `.data/e2e-artifacts/live/` (not committed).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
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
  studio = await openStudioBrowser(served, 'live');
});

afterAll(async () => {
  await studio?.close();
  await served?.stop();
  await h?.stop();
  await smtp?.stop();
});

async function newTicket(serviceId: string, subject: string): Promise<string> {
  const response = await h.request('POST', '/tickets', {
    token: h.admin.token,
    body: { serviceId, subject, content: '주문한 상품이 아직 도착하지 않았어요.', customer: { name: '이서연', email: 'seoyeon@example.com' } },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id as string;
}

async function take(ticketId: string, token: string) {
  const response = await h.request('POST', `/tickets/${ticketId}/take`, { token, body: {} });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
}

/** A studio page on `hash` that hears live changes. */
async function livePage(token: string, viewport: typeof DESKTOP, lang: 'en' | 'ko', hash: string): Promise<Page> {
  const page = await studio.signedIn(token, viewport, lang, hash);
  await page.locator('.live-indicator[data-live="live"]').waitFor({ timeout: UI_TIMEOUT });
  return page;
}

const count = (page: Page, list: string) => page.locator(`a.sidebar-link[href="#/inbox/${list}"] .count`).textContent();
const row = (page: Page, subject: string) => page.locator('.ticket-table').getByText(subject);

it('updates one agent’s list, counts and open ticket as tickets are created and taken elsewhere', { timeout: 120_000 }, async () => {
  const service = await h.createService('실시간 상담', ['배송']);
  const watcher = await h.createAgent({ groupIds: service.groupIds, name: '한지민' });
  const taker = await h.createAgent({ groupIds: service.groupIds, name: '오세훈' });
  await newTicket(service.id, '배송이 늦어요');

  const watching = await livePage(watcher.token, DESKTOP, 'en', '#/inbox/unassigned');
  await row(watching, '배송이 늦어요').waitFor({ timeout: UI_TIMEOUT });
  await expect.poll(() => count(watching, 'unassigned'), { timeout: UI_TIMEOUT }).toBe('1');
  const taking = await livePage(taker.token, DESKTOP, 'en', '#/inbox/unassigned');

  // Created through the API: the watcher's list and count show it without a reload.
  const second = await newTicket(service.id, '포장이 찢어져 왔어요');
  await row(watching, '포장이 찢어져 왔어요').waitFor({ timeout: UI_TIMEOUT });
  await expect.poll(() => count(watching, 'unassigned'), { timeout: UI_TIMEOUT }).toBe('2');

  // Taken on the other page with `t`: it leaves the watcher's unassigned list.
  await row(taking, '배송이 늦어요').waitFor({ timeout: UI_TIMEOUT });
  await row(taking, '배송이 늦어요').click();
  const takingDetail = taking.locator('aside.detail');
  await takingDetail.getByRole('heading', { name: '배송이 늦어요' }).waitFor({ timeout: UI_TIMEOUT });
  await takingDetail.getByRole('button', { name: 'Take' }).waitFor({ timeout: UI_TIMEOUT });
  await taking.keyboard.press('t');
  await expect.poll(() => count(taking, 'mine_in_progress'), { timeout: UI_TIMEOUT }).toBe('1');
  await expect.poll(() => row(watching, '배송이 늦어요').count(), { timeout: UI_TIMEOUT }).toBe(0);
  await expect.poll(() => count(watching, 'unassigned'), { timeout: UI_TIMEOUT }).toBe('1');

  // The watcher has the second ticket open when the other agent takes it: the open ticket shows it at once.
  await row(watching, '포장이 찢어져 왔어요').click();
  const watchingDetail = watching.locator('aside.detail');
  await watchingDetail.getByRole('button', { name: 'Take' }).waitFor({ timeout: UI_TIMEOUT });
  await take(second, taker.token);
  await watchingDetail.locator('.detail-meta').getByText('오세훈').waitFor({ timeout: UI_TIMEOUT });
  expect(await watchingDetail.getByRole('button', { name: 'Take' }).count()).toBe(0);
  await expect.poll(() => count(watching, 'unassigned'), { timeout: UI_TIMEOUT }).toBe('0');
  await studio.shoot(watching, '01-watched-take-en-1440');

  // Cut off, the page says so; back online, it reconnects and reads what it missed.
  await watching.context().setOffline(true);
  await watching.locator('.live-indicator[data-live="offline"]').waitFor({ timeout: UI_TIMEOUT });
  await newTicket(service.id, '연결이 끊긴 사이의 문의');
  await watching.context().setOffline(false);
  await watching.locator('.live-indicator[data-live="live"]').waitFor({ timeout: UI_TIMEOUT });
  await row(watching, '연결이 끊긴 사이의 문의').waitFor({ timeout: UI_TIMEOUT });

  // The new keys are in the help.
  await watching.keyboard.press('?');
  const help = watching.getByRole('dialog');
  await help.getByText('Take the ticket').waitFor({ timeout: UI_TIMEOUT });
  await help.getByText('Write the final answer that resolves it').waitFor({ timeout: UI_TIMEOUT });
  await help.getByText('Send, then open the next ticket').waitFor({ timeout: UI_TIMEOUT });
  await taking.close();
  await watching.close();
});

it('answers with e and Send & next, then Ctrl+Shift+Enter, each opening the next ticket of the list', { timeout: 120_000 }, async () => {
  const service = await h.createService('연속 처리', ['일반']);
  const agent = await h.createAgent({ groupIds: service.groupIds, name: '윤서아' });
  const subjects = ['첫 번째 문의', '두 번째 문의', '세 번째 문의'];
  const ids: string[] = [];
  for (const subject of subjects) {
    const id = await newTicket(service.id, subject);
    await take(id, agent.token);
    ids.push(id);
  }
  // Newest first: the third ticket heads the list.
  const page = await livePage(agent.token, PHONE, 'ko', '#/inbox/mine_in_progress');
  await row(page, '첫 번째 문의').waitFor({ timeout: UI_TIMEOUT });
  await studio.shoot(page, '02-list-live-ko-390');
  await row(page, '세 번째 문의').click();
  const detail = page.locator('aside.detail');
  await detail.getByRole('heading', { name: '세 번째 문의' }).waitFor({ timeout: UI_TIMEOUT });

  await page.keyboard.press('e');
  await expect.poll(() => page.locator('.composer-tab[aria-selected="true"]').textContent()).toBe('답변 · 해결');
  await page.keyboard.type('확인해 보니 오늘 도착 예정입니다.');
  await detail.getByRole('button', { name: '보내고 다음 티켓' }).click();
  await detail.getByRole('heading', { name: '두 번째 문의' }).waitFor({ timeout: UI_TIMEOUT });
  expect((await h.request('GET', `/tickets/${ids[2]}`, { token: agent.token })).body.status).toBe('resolved');

  await page.keyboard.press('e');
  await page.keyboard.type('교환 접수해 드렸습니다.');
  await detail.locator('.composer-foot').scrollIntoViewIfNeeded();
  // The first answer's toast has gone, so the shot shows the buttons.
  await page.locator('.toast').first().waitFor({ state: 'detached', timeout: UI_TIMEOUT });
  await studio.shoot(page, '03-send-next-ko-390');
  await page.keyboard.press('Control+Shift+Enter');
  await detail.getByRole('heading', { name: '첫 번째 문의' }).waitFor({ timeout: UI_TIMEOUT });
  expect((await h.request('GET', `/tickets/${ids[1]}`, { token: agent.token })).body.status).toBe('resolved');

  // The answered tickets have left the in-progress list; the last one has no next.
  await expect.poll(() => count(page, 'mine_in_progress'), { timeout: UI_TIMEOUT }).toBe('1');
  expect(await detail.getByRole('button', { name: '보내고 다음 티켓' }).count()).toBe(0);
  await page.close();
});
