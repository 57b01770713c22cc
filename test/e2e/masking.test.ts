/**
 * PII masking (개인정보 마스킹) in a real browser over the real API, worker, PostgreSQL and Temporal: an agent selects
 * a resident number in a message and a name in a text field, presses Mask and sees stars; only an agent with
 * pii_unmask sees "Show original", which reveals the text. Screenshots go to `.data/e2e-artifacts/masking/` (not
 * committed).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyList } from '../../infra/keyring';
import { startHarness, type Harness } from '../support/harness';
import { serveApi, type ServedApi } from '../support/served-api';
import { DESKTOP, openStudioBrowser, PHONE, type StudioBrowser, UI_TIMEOUT } from '../support/studio-browser';

const RESIDENT_NO = '900101-1234567';
const NAME = 'Kim Minsu';

let h: Harness;
let served: ServedApi;
let studio: StudioBrowser;
let service: { id: string; groupIds: string[] };
let agent: { id: string; token: string };
let unmasker: { id: string; token: string };

beforeAll(async () => {
  h = await startHarness({ env: { FIELD_ENCRYPTION_KEY: generateKeyList('k1') } });
  served = await serveApi(h);
  studio = await openStudioBrowser(served, 'masking');
  service = await h.createService('개인정보 상담', ['상담']);
  agent = await h.createAgent({ groupIds: service.groupIds, name: '박지훈' });
  unmasker = await h.createAgent({ groupIds: service.groupIds, name: '정보보호 담당', permissions: ['ticket', 'pii_unmask'] });
  const field = await h.request('POST', `/services/${service.id}/fields`, {
    token: h.admin.token,
    body: { scope: 'customer', code: 'note', control: 'text', labels: { en: 'Contact note', ko: '연락 메모' } },
  });
  expect(field.status, JSON.stringify(field.body)).toBe(201);
});

afterAll(async () => {
  await studio?.close();
  await served?.stop();
  await h?.stop();
});

/** A ticket whose comment holds a resident number and whose contact note names someone. */
async function ticketWithPii(subject: string) {
  const created = await h.request('POST', '/tickets', {
    token: h.admin.token,
    body: { serviceId: service.id, subject, content: '본인 확인 부탁드립니다.', customer: { name: '길성준', email: 'sungjun@example.com' }, customerFields: { note: `call ${NAME} at home` } },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const comment = await h.request('POST', `/tickets/${created.body.id}/comments`, { token: agent.token, body: { body: `주민번호는 ${RESIDENT_NO} 입니다` } });
  expect(comment.status, JSON.stringify(comment.body)).toBe(200);
  return created.body as { id: string };
}

/** Selects the text in the message body that holds it, as a mouse drag would. */
async function selectInMessage(page: Page, text: string) {
  // Runs in the page (as text: the test's own typecheck has no DOM).
  await page.evaluate(`(() => {
    const wanted = ${JSON.stringify(text)};
    const body = [...document.querySelectorAll('.message-body')].find((each) => each.textContent.includes(wanted));
    body.scrollIntoView({ block: 'center' });
    const node = [...body.childNodes].find((each) => each.textContent.includes(wanted));
    const start = node.textContent.indexOf(wanted);
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, start + wanted.length);
    document.getSelection().removeAllRanges();
    document.getSelection().addRange(range);
  })()`);
}

/** Selects characters [start, end) of the field's input with the keyboard. */
async function selectInField(page: Page, label: string, start: number, end: number) {
  const input = page.locator('.ticket-field', { hasText: label }).locator('input');
  await input.focus();
  await input.press('Home');
  for (let at = 0; at < start; at++) await input.press('ArrowRight');
  for (let at = start; at < end; at++) await input.press('Shift+ArrowRight');
}

async function maskBoth(page: Page, lang: 'en' | 'ko', width: number) {
  const detail = page.locator('aside.detail');
  const label = lang === 'en' ? 'Contact note' : '연락 메모';
  const maskLabel = lang === 'en' ? 'Mask' : '마스킹';
  await detail.locator('.message-body', { hasText: RESIDENT_NO }).waitFor({ timeout: UI_TIMEOUT });
  // No one without pii_unmask is offered the originals.
  expect(await detail.locator('.mask-reveal').count()).toBe(0);

  await selectInMessage(page, RESIDENT_NO);
  const maskButton = detail.locator('.mask-button');
  await maskButton.waitFor({ timeout: UI_TIMEOUT });
  await maskButton.scrollIntoViewIfNeeded();
  expect(await maskButton.textContent()).toBe(maskLabel);
  await studio.shoot(page, `01-message-selected-${lang}-${width}`);
  await maskButton.click();
  await detail.locator('mark.masked', { hasText: '*'.repeat(14) }).waitFor({ timeout: UI_TIMEOUT });
  expect(await detail.locator('.message-body', { hasText: '주민번호는' }).textContent()).toBe(`주민번호는 ${'*'.repeat(14)} 입니다`);

  await selectInField(page, label, 5, 14);
  const fieldMask = detail.locator('.ticket-field', { hasText: label }).locator('.mask-button-inline');
  await fieldMask.waitFor({ timeout: UI_TIMEOUT });
  await studio.shoot(page, `02-field-selected-${lang}-${width}`);
  await fieldMask.click();
  await expect.poll(() => detail.locator('.ticket-field', { hasText: label }).locator('input').inputValue(), { timeout: UI_TIMEOUT }).toBe('call ********* at home');
  await detail.locator('.message-body', { hasText: '주민번호는' }).scrollIntoViewIfNeeded();
  await studio.shoot(page, `03-masked-${lang}-${width}`);
  expect(await page.content()).not.toContain(RESIDENT_NO);
}

async function showOriginals(page: Page, lang: 'en' | 'ko', width: number) {
  const detail = page.locator('aside.detail');
  const show = lang === 'en' ? 'Show original' : '원문 보기';
  const message = detail.locator('.maskable', { hasText: '주민번호는' });
  await message.getByRole('button', { name: show }).click();
  await message.locator('mark.masked-open', { hasText: RESIDENT_NO }).waitFor({ timeout: UI_TIMEOUT });
  const field = detail.locator('.ticket-field', { has: page.locator('.mask-reveal') });
  await field.getByRole('button', { name: show }).click();
  await field.locator('mark.masked-open', { hasText: NAME }).waitFor({ timeout: UI_TIMEOUT });
  await message.scrollIntoViewIfNeeded();
  await studio.shoot(page, `04-original-${lang}-${width}`);
}

describe('masking in the ticket view', () => {
  for (const [lang, viewport] of [
    ['en', DESKTOP],
    ['ko', PHONE],
  ] as const) {
    it(`masks a selection and shows the original to pii_unmask only (${lang}, ${viewport.width})`, { timeout: 90_000 }, async () => {
      const ticket = await ticketWithPii(`개인정보 ${lang} ${viewport.width}`);
      const page = await studio.signedIn(agent.token, viewport, lang, `#/tickets/${ticket.id}`);
      await maskBoth(page, lang, viewport.width);
      await page.close();

      const auditor = await studio.signedIn(unmasker.token, viewport, lang, `#/tickets/${ticket.id}`);
      await auditor.locator('aside.detail mark.masked').first().waitFor({ timeout: UI_TIMEOUT });
      await showOriginals(auditor, lang, viewport.width);
      await auditor.close();
      const audit = await h.auditRows(ticket.id);
      expect(audit.filter((entry) => entry.action === 'pii.unmasked').map((entry) => entry.actor_id)).toEqual([unmasker.id, unmasker.id]);
    });
  }
});
