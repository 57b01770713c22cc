import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses } from '../../errors';

export const TicketChangeEvent = z
  .object({
    ticketId: z.string(),
    serviceId: z.string(),
    kind: z.string().openapi({ description: 'The kind of the ticket event: created, taken, resolved, forwarded, …' }),
  })
  .openapi('TicketChangeEvent');

export const stream = createRoute({
  method: 'get',
  path: '/events/stream',
  tags: ['Tickets'],
  summary: 'Live ticket changes as server-sent events',
  description: [
    'A `text/event-stream` that stays open. Events:',
    '`ready` once the stream listens (read your lists then: changes before it are not replayed);',
    '`ticket` with a TicketChangeEvent for each change to a ticket of a service the caller may read;',
    '`resync` when changes may have been missed (the server lost its database connection): read your lists again;',
    '`reset` as the last event when the caller fell too far behind (it stopped reading while changes piled up): the',
    'stream then ends; reconnect, and read your lists again on `ready`.',
    'A comment line every 20 s keeps proxies from closing it; the bearer token is checked again then, and the stream',
    'ends once it is no longer valid. Send the token in the Authorization header (fetch streaming), never in the URL.',
  ].join(' '),
  // No parameters: an unknown one is refused at once rather than answered with a stream that never ends.
  request: { query: z.object({}).strict() },
  responses: {
    200: { description: 'The event stream', content: { 'text/event-stream': { schema: z.string() } } },
    ...errorResponses(400, 401, 403),
  },
});
