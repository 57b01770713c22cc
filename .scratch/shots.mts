import { chromium } from 'playwright-core';
const base = 'http://127.0.0.1:3709';
const login = await (await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@contactflow.local', password: 'contactflow-admin' }) })).json();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
for (const lang of ['en', 'ko']) {
  for (const [w, hgt] of [[1440, 900], [390, 844]]) {
    const page = await browser.newPage({ viewport: { width: w, height: hgt } });
    await page.goto(`${base}/studio/`);
    await page.evaluate(([session, l]) => { localStorage.setItem(session.key, session.value); localStorage.setItem('contactflow.lang', l); }, [{ key: 'contactflow.session', value: JSON.stringify({ token: login.token, expiresAt: login.expiresAt }) }, lang] as const);
    await page.goto(`${base}/studio/#/inbox/all`);
    await page.reload();
    await page.waitForTimeout(1500);

    await page.fill('input[type=search]', '환불');
    await page.selectOption('.list-filters select >> nth=2', 'priority');
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `/tmp/i9/shots/search-${lang}-${w}.png` });
    await page.close();
  }
}
await browser.close();
void login;
