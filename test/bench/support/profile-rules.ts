/**
 * Profiles one call of the rules bench on the realistic mix, to see what limits it:
 *
 *     npm run profile:rules                          # decide (matches), 1,000 triggers, 10 s
 *     RULES_PROFILE_CALL=trace RULES_PROFILE_SIZE=5000 npm run profile:rules
 *
 * It runs the call in a loop under V8's sampling CPU profiler (the one `node --cpu-prof` starts, driven here
 * through the inspector so the script can read the result), writes the `.cpuprofile` for Chrome DevTools and
 * prints the code with the most self time: its share of all samples, its file and the start of the code as it
 * ran (tsx runs each module as one line, so a line number would not say which function).
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { createEvaluator } from '../../../rules';
import { realisticMix } from './realistic-mix';

interface CallFrame {
  readonly functionName: string;
  readonly scriptId: string;
  readonly url: string;
  readonly lineNumber: number;
  readonly columnNumber: number;
}
interface Profile {
  readonly nodes: readonly { readonly callFrame: CallFrame; readonly hitCount?: number }[];
}

const size = Number(process.env.RULES_PROFILE_SIZE ?? 1000);
const call = process.env.RULES_PROFILE_CALL === 'trace' ? 'trace' : 'decide';
const seconds = Number(process.env.RULES_PROFILE_SECONDS ?? 10);

const { definitions, events } = realisticMix.build(size);
const fast = createEvaluator(definitions, 'fast');
const run = call === 'trace' ? fast.evaluate : fast.matches;
for (let count = 0; count < 5000; count += 1) await run(events[count % events.length]);

const session = new Session();
session.connect();
await session.post('Debugger.enable');
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
const end = performance.now() + seconds * 1000;
let count = 0;
while (performance.now() < end) {
  for (let step = 0; step < 100; step += 1, count += 1) await run(events[count % events.length]);
}
const { profile } = (await session.post('Profiler.stop')) as { profile: Profile };
console.log(`${call} at ${size} triggers: ${Math.round(count / seconds)} evals/s under the profiler`);

const file = path.join(os.tmpdir(), `rules-${call}-${size}-${Date.now()}.cpuprofile`);
writeFileSync(file, JSON.stringify(profile));
console.log(`profile: ${file}`);

const sources = new Map<string, string>();
async function sourceOf(scriptId: string): Promise<string> {
  if (!sources.has(scriptId)) {
    const { scriptSource } = (await session.post('Debugger.getScriptSource', { scriptId })) as { scriptSource: string };
    sources.set(scriptId, scriptSource);
  }
  return sources.get(scriptId) ?? '';
}

/** Where a function starts: its file and the start of its code as it ran. */
async function locate(frame: CallFrame): Promise<string> {
  if (!frame.url.startsWith('file:')) return frame.url || '(native)';
  const line = (await sourceOf(frame.scriptId)).split('\n')[frame.lineNumber] ?? '';
  return `${path.basename(frame.url)}  ${line.slice(frame.columnNumber, frame.columnNumber + 90)}`;
}

const total = profile.nodes.reduce((sum, node) => sum + (node.hitCount ?? 0), 0);
const byFrame = new Map<string, { frame: CallFrame; hits: number }>();
for (const { callFrame, hitCount = 0 } of profile.nodes) {
  const key = `${callFrame.scriptId}:${callFrame.lineNumber}:${callFrame.columnNumber}:${callFrame.functionName}`;
  const known = byFrame.get(key);
  if (known) known.hits += hitCount;
  else byFrame.set(key, { frame: callFrame, hits: hitCount });
}
const top = [...byFrame.values()].sort((left, right) => right.hits - left.hits).slice(0, 20);
for (const { frame, hits } of top) {
  const share = ((hits / total) * 100).toFixed(1).padStart(5);
  console.log(`${share} %  ${(frame.functionName || '(anonymous)').padEnd(22)} ${await locate(frame)}`);
}
session.disconnect();
