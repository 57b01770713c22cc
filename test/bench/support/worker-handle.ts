/**
 * The bench's side of support/worker-process.ts: forks a worker process, waits until it polls, asks it how many
 * workflows it caches, and kills it as a crash would (support/proc.ts reads its memory and CPU time).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WorkerProcessMessage, WorkerProcessStart } from './worker-process';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface WorkerHandle {
  pid: number;
  /** Workflows in the worker's cache, asked after a collection of its main thread's heap. */
  cachedWorkflows(): Promise<number>;
  kill(): Promise<void>;
}

export async function startWorkerProcess(options: WorkerProcessStart, env: NodeJS.ProcessEnv): Promise<WorkerHandle> {
  const child: ChildProcess = fork(path.join(here, 'worker-process.ts'), [], {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    env,
    stdio: 'inherit',
  });
  const exited = once(child, 'exit').then(([code, signal]) => {
    throw new Error(`the ${options.kind} worker exited (${code ?? signal})`);
  });
  exited.catch(() => {});
  const next = async () => {
    const [message] = (await Promise.race([once(child, 'message'), exited])) as [WorkerProcessMessage];
    return message;
  };
  child.send(options);
  await next();
  return {
    pid: child.pid!,
    async cachedWorkflows() {
      child.send('status');
      const message = await next();
      if (!('cachedWorkflows' in message)) throw new Error(`unexpected answer from the ${options.kind} worker`);
      return message.cachedWorkflows;
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = once(child, 'exit');
      child.kill('SIGKILL');
      await gone;
    },
  };
}
