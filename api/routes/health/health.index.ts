/** `GET /health`: is the API up, and can it reach PostgreSQL and Temporal? */
import { createRoute, z } from '@hono/zod-openapi';
import type { AppOpenAPI } from '../../context';
import { json } from '../../openapi';
import { createRouter } from '../../router';
import { pingDatabase } from '../../../store/health';

const Health = z
  .object({
    status: z.enum(['ok', 'degraded']),
    database: z.enum(['ok', 'unavailable']),
    temporal: z.enum(['ok', 'unavailable']),
  })
  .openapi('Health');

const health = createRoute({
  method: 'get',
  path: '/health',
  tags: ['Health'],
  security: [],
  responses: {
    200: { description: 'Everything is reachable', content: json(Health) },
    503: { description: 'A dependency is unreachable', content: json(Health) },
  },
});

export const healthRoutes: AppOpenAPI = createRouter().openapi(health, async (c) => {
  const { sql, temporal } = c.get('deps');
  const [database, workflow] = await Promise.all([
    pingDatabase(sql).then(() => 'ok' as const, () => 'unavailable' as const),
    temporal.connection.workflowService.getSystemInfo({}).then(() => 'ok' as const, () => 'unavailable' as const),
  ]);
  const ok = database === 'ok' && workflow === 'ok';
  return c.json({ status: ok ? ('ok' as const) : ('degraded' as const), database, temporal: workflow }, ok ? 200 : 503);
});
