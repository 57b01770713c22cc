import { createRoute } from '@hono/zod-openapi';
import { errorResponses } from '../../errors';
import { json } from '../../openapi';
import { AuditPage, AuditQuery } from './audit.schemas';

export const listAudit = createRoute({
  method: 'get',
  path: '/audit',
  tags: ['Audit'],
  summary: 'Admin changes, newest first (admins and organisation admins)',
  request: { query: AuditQuery },
  responses: {
    200: { description: 'One page of audit entries', content: json(AuditPage) },
    ...errorResponses(400, 401, 403),
  },
});
