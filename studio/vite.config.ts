/**
 * Vite build of the studio. The API serves `studio/dist` at `/studio/` (see api/studio.ts), so the
 * base is fixed; in development the API routes are proxied to the API on port 3000.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const studioRoot = fileURLToPath(new URL('.', import.meta.url));
const apiOrigin = 'http://127.0.0.1:3000';
const API_PREFIXES = ['/auth', '/me', '/tickets', '/services', '/groups', '/agents', '/triggers', '/rule-versions', '/rules', '/health'];

export default defineConfig({
  root: studioRoot,
  base: '/studio/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: {
    proxy: Object.fromEntries(API_PREFIXES.map((prefix) => [prefix, { target: apiOrigin, changeOrigin: false }])),
  },
});
