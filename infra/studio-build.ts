/**
 * Builds the studio with Vite when `studio/dist` is missing or older than its sources, so `npm start`
 * always serves the studio that matches the checkout.
 */
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from './env';
import type { Logger } from './logger';

const studioDir = path.join(projectRoot, 'studio');
const builtIndex = path.join(studioDir, 'dist/index.html');

async function newestSource(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? await newestSource(full) : (await stat(full)).mtimeMs);
  }
  return newest;
}

export async function ensureStudioBuilt(log: Logger): Promise<void> {
  if (existsSync(builtIndex) && (await stat(builtIndex)).mtimeMs >= (await newestSource(studioDir))) return;
  log.info('building the studio');
  const { build } = await import('vite');
  try {
    await build({ configFile: path.join(studioDir, 'vite.config.ts'), logLevel: 'warn' });
  } catch (error) {
    // The API and workflows do not depend on the studio: serve them and say why the studio is missing.
    log.error({ err: error }, 'the studio failed to build; /studio/ will answer 503 until `npm run build:studio` succeeds');
  }
}
