import { chromium } from 'playwright-core';
const base = 'http://127.0.0.1:3709';
const login = await (await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@contactflow.local', password: 'contactflow-admin' }) })).json();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
for (const lang of ['ko', 'en']) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${base}/studio/`);
  await page.evaluate(([s, l]) => { localStorage.setItem('contactflow.session', s); localStorage.setItem('contactflow.lang', l); }, [JSON.stringify({ token: login.token, expiresAt: login.expiresAt }), lang]);
  await page.goto(`${base}/studio/#/inbox/all`);
  await page.reload();
  await page.waitForTimeout(1500);
  if (lang === 'ko') {
    await page.fill('input[type=search]', '결제');
    await page.selectOption('.list-filters select >> nth=0', 'urgent');
    await page.selectOption('.list-filters select >> nth=2', 'updated');
    await page.waitForTimeout(800);
    await page.click('text=기본 조건 저장');
    await page.waitForTimeout(800);
  }
  await page.reload();
  await page.waitForTimeout(2000);
  console.log(lang, await page.inputValue('input[type=search]'), await page.inputValue('.list-filters select >> nth=0'), await page.inputValue('.list-filters select >> nth=2'));
  await page.screenshot({ path: `/tmp/i9/shots/defaults-${lang}-1440.png` });
  await page.close();
}
await browser.close();
