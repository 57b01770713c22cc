import { chromium } from 'playwright-core';
const base = 'http://127.0.0.1:3709';
const login = await (await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@contactflow.local', password: 'contactflow-admin' }) })).json();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
for (const lang of ['ko', 'en']) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  await page.goto(`${base}/studio/`);
  await page.evaluate(([s, l]) => { localStorage.setItem('contactflow.session', s); localStorage.setItem('contactflow.lang', l); }, [JSON.stringify({ token: login.token, expiresAt: login.expiresAt }), lang]);
  await page.goto(`${base}/studio/#/inbox/all`);
  await page.reload();
  await page.waitForTimeout(1500);
  await page.fill('input[type=search]', '환불');
  await page.waitForTimeout(1000);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(lang === 'ko' ? 'text=엑셀 다운로드' : 'text=Export to Excel')]);
  console.log(lang, download.suggestedFilename());
  await download.saveAs(`/tmp/i9/shots/export-${lang}.xlsx`);
  await page.waitForTimeout(500);
  await page.screenshot({ path: `/tmp/i9/shots/export-${lang}-1440.png` });
  await page.close();
}
await browser.close();
