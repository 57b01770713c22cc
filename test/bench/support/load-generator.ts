/**
 * The benches' load generator, a child process of its own (forked with an IPC channel) so that sending
 * requests and timing them never competes with the API and the worker for the same event loop. It runs one job
 * per message: closed-loop lanes (one per concurrent client) sending their requests over loopback HTTP until the
 * time is up, and answers with every request's latency.
 */

export interface PlannedRequest {
  method: 'GET' | 'POST';
  url: string;
  token?: string;
  /** Sent as JSON with a POST; a GET has none. */
  body?: unknown;
  /** Counted as an error unless the answer's `assigneeId` is set (a create answered already assigned). */
  expectAssigned?: boolean;
}

/** One concurrent client: sends `sequence` in order, or `repeat` again and again, until the job's time is up. */
export type Lane = { sequence: PlannedRequest[] } | { repeat: PlannedRequest };

export interface LoadJob {
  lanes: Lane[];
  durationMs: number;
}

export interface LoadResult {
  /** Requests answered: every request sent before the time was up, however late its answer came. */
  completed: number;
  /**
   * Wall-clock milliseconds from the first request to the last answer. Throughput is `completed / windowMs`: the
   * tail (lanes waiting for their last answers) counts against it, the same for both sides of a comparison.
   */
  windowMs: number;
  /** Latencies in milliseconds of every request answered. */
  latencies: number[];
  errors: number;
  firstError: string | null;
}

async function send(request: PlannedRequest): Promise<string | null> {
  const response = await fetch(request.url, {
    method: request.method,
    headers: { 'content-type': 'application/json', ...(request.token ? { authorization: `Bearer ${request.token}` } : {}) },
    body: request.method === 'POST' ? JSON.stringify(request.body) : undefined,
  });
  const text = await response.text();
  if (!response.ok) return `${request.url} answered ${response.status}: ${text.slice(0, 300)}`;
  if (request.expectAssigned && !(JSON.parse(text) as { assigneeId?: string | null }).assigneeId) {
    return `${request.url} answered unassigned: ${text.slice(0, 300)}`;
  }
  return null;
}

export async function runJob(job: LoadJob): Promise<LoadResult> {
  const started = performance.now();
  const deadline = started + job.durationMs;
  const result: LoadResult = { completed: 0, windowMs: 0, latencies: [], errors: 0, firstError: null };
  let lastFinish = started;
  const runLane = async (lane: Lane) => {
    for (let step = 0; performance.now() < deadline; step++) {
      const request = 'repeat' in lane ? lane.repeat : lane.sequence[step];
      if (!request) break;
      const sent = performance.now();
      const error = await send(request).catch((thrown: unknown) => String(thrown));
      const answered = performance.now();
      lastFinish = Math.max(lastFinish, answered);
      if (error) {
        result.errors++;
        result.firstError ??= error;
        continue;
      }
      result.latencies.push(answered - sent);
      result.completed++;
    }
  };
  await Promise.all(job.lanes.map(runLane));
  result.windowMs = lastFinish - started;
  return result;
}

if (process.send) {
  process.on('message', (job: LoadJob) => {
    void runJob(job).then((result) => process.send!(result));
  });
  // The parent's IPC channel closing is the signal to stop.
  process.on('disconnect', () => process.exit(0));
}
