/**
 * A customer record with their inquiry history (문의 이력).
 */
import { z } from '@hono/zod-openapi';
import { TicketStatus } from '../../../domain/schemas';

export const CustomerTicket = z
  .object({ id: z.string(), subject: z.string(), status: TicketStatus, createdAt: z.string() })
  .openapi('CustomerTicket');

export const CustomerHistory = z
  .object({
    id: z.string(),
    serviceId: z.string(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    userId: z.string().nullable(),
    createdAt: z.string(),
    tickets: z.array(CustomerTicket).openapi({ description: "The customer's tickets, newest first." }),
  })
  .openapi('CustomerHistory');
export type CustomerHistory = z.infer<typeof CustomerHistory>;

export const CustomerParams = z.object({
  id: z.string().min(1).max(64).openapi({ param: { name: 'id', in: 'path' }, example: 'U1618914603998abcdefghijk' }),
});
