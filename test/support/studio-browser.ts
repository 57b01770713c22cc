/**
 * The studio in a real browser, for the e2e tests: Debian's Chromium driven by playwright-core against an API
 * served over HTTP, each page signed in and in its language as the studio itself remembers them (its localStorage
 * keys), and screenshots under `.data/e2e-artifacts/<name>/` (not committed).
 */
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { projectRoot } from '../../infra/env';
import { createLogger } from '../../infra/logger';
import { ensureStudioBuilt } from '../../infra/studio-build';
import type { ServedApi } from './served-api';

const CHROMIUM = '/usr/bin/chromium';

/** How long a test waits for the studio to show something. */
export const UI_TIMEOUT = 20_000;
export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };

export type Viewport = { width: number; height: number };

/** The rule canvas's nodes that show `text` anywhere in them. */
export const canvasNode = (page: Page, text: string) => page.locator('.react-flow__node', { hasText: text });

export interface StudioBrowser {
  /** A new page of the studio at `hash`, signed in with the session token, in the language given. */
  signedIn(token: string, viewport: Viewport, lang: 'en' | 'ko', hash: string): Promise<Page>;
  /** Saves what the page shows as `<name>.png` among the test file's artifacts. */
  shoot(page: Page, name: string): Promise<Buffer>;
  close(): Promise<void>;
}

/** Builds the studio if its sources changed, empties the artifacts folder and launches the browser. */
export async function openStudioBrowser(served: ServedApi, artifacts: string): Promise<StudioBrowser> {
  const folder = path.join(projectRoot, '.data', 'e2e-artifacts', artifacts);
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  await ensureStudioBuilt(createLogger('warn', 'test'));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  return {
    async signedIn(token, viewport, lang, hash) {
      const page = await browser.newPage({ viewport });
      const session = JSON.stringify({ token, expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
      await page.addInitScript(
        `localStorage.setItem('contactflow.session', ${JSON.stringify(session)}); localStorage.setItem('contactflow.lang', '${lang}');`,
      );
      await page.goto(`${served.url}/studio/${hash}`);
      return page;
    },
    shoot: (page, name) => page.screenshot({ path: path.join(folder, `${name}.png`), fullPage: false }),
    close: () => browser.close(),
  };
}
