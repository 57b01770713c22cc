/**
 * `npm run bench`: every benchmark in this folder, one after the other; each prints JSON lines with its
 * value, the baseline measured in the same run and their ratio.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
let failed = false;
for (const file of readdirSync(here).filter((name) => name.endsWith('.bench.ts')).sort()) {
  const { status } = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, file)], { stdio: 'inherit' });
  if (status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
