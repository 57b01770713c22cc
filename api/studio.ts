/**
 * Serves the built studio (studio/dist) at `/studio`, falling back to index.html for client-side routes.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from '../infra/env';
import type { AppOpenAPI } from './context';

const distDir = path.join(projectRoot, 'studio/dist');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

async function readDist(relative: string): Promise<Buffer | null> {
  const resolved = path.resolve(distDir, relative);
  if (!resolved.startsWith(distDir + path.sep)) return null;
  return readFile(resolved).catch(() => null);
}

export function mountStudio(app: AppOpenAPI): void {
  app.get('/', (c) => c.redirect('/studio/'));
  app.get('/studio/*', async (c) => {
    const relative = decodeURIComponent(c.req.path.slice('/studio/'.length));
    const asset = relative ? await readDist(relative) : null;
    if (asset) {
      const type = TYPES[path.extname(relative)] ?? 'application/octet-stream';
      return c.body(new Uint8Array(asset), 200, { 'content-type': type });
    }
    const index = await readDist('index.html');
    if (!index) return c.text('The studio is not built yet: run `npm run build:studio`.', 503);
    return c.html(index.toString('utf8'));
  });
}
