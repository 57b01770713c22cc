import { createRoute, z } from '@hono/zod-openapi';
import { isTimeZone } from '../../../rules/business-hours';
import { errorResponses } from '../../errors';
import { json } from '../../openapi';
import { TICKET_LISTS } from '../../../domain/ticket';

export const DashboardQuery = z.object({
  serviceId: z.string().min(1).max(64).optional(),
  timezone: z
    .string()
    .max(64)
    .refine(isTimeZone, 'expected an IANA time zone such as Asia/Seoul')
    .default('UTC')
    .openapi({ description: 'Where "today" begins and ends.' }),
});

export const Dashboard = z
  .object({
    lists: z.record(z.enum(TICKET_LISTS), z.number()).openapi({ description: 'How many tickets each task list holds for the caller.' }),
    all: z.object({
      receivedToday: z.number(),
      resolvedToday: z.number(),
      inProgress: z.number(),
      onHold: z.number(),
      unassigned: z.number(),
      processingRate: z.number().nullable().openapi({ description: 'Share of the tickets received in the last 24 h that are resolved or closed.' }),
    }),
    mine: z.object({
      resolvedToday: z.number(),
      inProgress: z.number(),
      onHold: z.number(),
      transferring: z.number(),
      callbacksDue: z.number().openapi({ description: 'Callback requests assigned to the caller and not yet completed.' }),
      guidanceRequests: z.number().openapi({ description: 'Open customer-guidance requests (고객 안내) from issue services' }),
    }),
  })
  .openapi('Dashboard');

export const dashboard = createRoute({
  method: 'get',
  path: '/dashboard',
  tags: ['Tickets'],
  summary: 'Task-list counts and the dashboard counters (ALL and MY)',
  request: { query: DashboardQuery },
  responses: { 200: { description: 'The counters', content: json(Dashboard) }, ...errorResponses(400, 401, 403, 404) },
});
