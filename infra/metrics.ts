/**
 * Process-wide counters in the Prometheus text format (version 0.0.4), with no dependency: the API counts its
 * requests and the worker its activity executions here, and `GET /metrics` renders them with the gauges it reads
 * at scrape time.
 */

type Labels = Record<string, string>;

const escape = (value: string) => value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');

/** `name{a="1",b="2"}`, labels in a stable order. */
function series(name: string, labels: Labels): string {
  const keys = Object.keys(labels).sort();
  return keys.length === 0 ? name : `${name}{${keys.map((key) => `${key}="${escape(labels[key])}"`).join(',')}}`;
}

/** A monotonically increasing counter with labels. */
export class Counter {
  private readonly values = new Map<string, number>();

  constructor(
    readonly name: string,
    readonly help: string,
  ) {}

  inc(labels: Labels = {}, by = 1): void {
    const key = series(this.name, labels);
    this.values.set(key, (this.values.get(key) ?? 0) + by);
  }

  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    for (const [key, value] of [...this.values].sort(([a], [b]) => a.localeCompare(b))) lines.push(`${key} ${value}`);
    return lines.join('\n');
  }
}

/** A gauge whose values are read when rendered. */
export function renderGauge(name: string, help: string, samples: { labels: Labels; value: number }[]): string {
  const lines = [`# HELP ${name} ${help}`, `# TYPE ${name} gauge`];
  for (const sample of samples) lines.push(`${series(name, sample.labels)} ${sample.value}`);
  return lines.join('\n');
}

/** The counters this process keeps. */
export const metrics = {
  httpRequests: new Counter('contactflow_http_requests_total', 'HTTP requests answered by the API, by method, route and status.'),
  httpRequestSeconds: new Counter('contactflow_http_request_seconds_total', 'Seconds spent answering HTTP requests, by method and route.'),
  activityExecutions: new Counter(
    'contactflow_activity_executions_total',
    'Activity attempts run by this worker process, by activity type and outcome (completed, failed).',
  ),
};

/** Every counter of this process, rendered. */
export function renderCounters(): string {
  return Object.values(metrics)
    .map((counter) => counter.render())
    .join('\n');
}
