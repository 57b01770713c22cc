/**
 * `GET /metrics`: Prometheus text format. The process's counters (HTTP requests; activity attempts when the worker
 * runs in this process), gauges read at scrape time (workflows by kind and status from Temporal's visibility,
 * deliveries by type and status from PostgreSQL, whether each dependency answers), and the Temporal SDK's own
 * worker metrics when `TEMPORAL_SDK_METRICS_PORT` exports them on this host. Unauthenticated, like `/health`:
 * it holds counts, never content.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { STATUS_QUERY_NAMES, WORKFLOW_STATUSES } from '../operations/inspect';
import { WORKFLOW_KIND_NAMES, WORKFLOW_KINDS } from '../../../domain/workflow-kinds';
import { renderCounters, renderGauge } from '../../../infra/metrics';
import { countDeliveries } from '../../../store/operations';
import type { AppOpenAPI } from '../../context';
import { createRouter } from '../../router';

const metricsRoute = createRoute({
  method: 'get',
  path: '/metrics',
  tags: ['Health'],
  security: [],
  summary: 'Counters and gauges in the Prometheus text format',
  responses: { 200: { description: 'Prometheus text format 0.0.4', content: { 'text/plain': { schema: z.string() } } } },
});

const SDK_SCRAPE_TIMEOUT_MS = 1_000;

export const metricsRoutes: AppOpenAPI = createRouter().openapi(metricsRoute, async (c) => {
  const { sql, temporal, config } = c.get('deps');
  const namespace = temporal.options.namespace;
  const workflowCounts = Promise.all(
    WORKFLOW_KIND_NAMES.flatMap((kind) =>
      WORKFLOW_STATUSES.map(async (status) => {
        const query = `WorkflowType = '${WORKFLOW_KINDS[kind].workflowType}' AND ExecutionStatus = '${STATUS_QUERY_NAMES[status]}'`;
        const { count } = await temporal.workflowService.countWorkflowExecutions({ namespace, query });
        return { labels: { kind, status }, value: Number(count ?? 0) };
      }),
    ),
  );
  const sdk = config.TEMPORAL_SDK_METRICS_PORT
    ? fetch(`http://127.0.0.1:${config.TEMPORAL_SDK_METRICS_PORT}/metrics`, { signal: AbortSignal.timeout(SDK_SCRAPE_TIMEOUT_MS) }).then(
        (response) => (response.ok ? response.text() : ''),
        () => '',
      )
    : Promise.resolve('');
  const [workflows, deliveries, sdkText] = await Promise.all([
    workflowCounts.catch(() => null),
    countDeliveries(sql).catch(() => null),
    sdk,
  ]);
  const parts = [
    renderCounters(),
    renderGauge('contactflow_up', 'Whether a dependency answered this scrape (1) or not (0).', [
      { labels: { dependency: 'database' }, value: deliveries ? 1 : 0 },
      { labels: { dependency: 'temporal' }, value: workflows ? 1 : 0 },
    ]),
    renderGauge('contactflow_workflows', 'Workflows by kind and status, from Temporal visibility.', workflows ?? []),
    renderGauge(
      'contactflow_deliveries',
      'Trigger side effects and customer emails by type and status (pending, sent, skipped, failed).',
      (deliveries ?? []).map((row) => ({ labels: { type: row.type, status: row.status }, value: row.count })),
    ),
    sdkText.trim(),
  ];
  return c.text(`${parts.filter(Boolean).join('\n')}\n`, 200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
});
