import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses } from '../../errors';
import { json } from '../../openapi';
import { ServiceIdParams } from '../../params';
import { ImpactBody } from './impact.schemas';

export const previewImpact = createRoute({
  method: 'post',
  path: '/services/{serviceId}/triggers/impact',
  tags: ['Triggers'],
  summary: 'What the drafts would change on past tickets, next to the published version (admins)',
  description:
    'Decides the creation of each ticket of the period (the newest first, at most 100,000) with the draft triggers ' +
    'and with the published version, through the fast evaluator, and changes nothing. Answers server-sent events: ' +
    '`progress` (`{ scanned, total }`) while it works, then one `result` (an `ImpactPreview`). A ticket is decided as ' +
    'the record of its creation saw it; one created before records were kept, as it is now.',
  request: { params: ServiceIdParams, body: { required: true, content: json(ImpactBody) } },
  responses: {
    200: { description: 'An event stream', content: { 'text/event-stream': { schema: z.string() } } },
    ...errorResponses(400, 401, 403, 404, 422),
  },
});
