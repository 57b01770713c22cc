/**
 * Customers (고객 관리): a record with its inquiry history (문의 이력), the customer list's search, edits from a
 * ticket, and manual merges (고객정보 통합).
 */
import { z } from '@hono/zod-openapi';
import { TicketStatus } from '../../../domain/schemas';
import { SEARCH_PAGE_LIMIT } from '../../../domain/search';

const Id = z.string().min(1).max(64);
const Term = z.string().trim().min(1).max(200);
const Phone = z.string().trim().regex(/^\+?[0-9][0-9 -]{2,30}$/, 'a phone number of digits, spaces or dashes');

export const CustomerTicket = z
  .object({ id: z.string(), subject: z.string(), status: TicketStatus, createdAt: z.string() })
  .openapi('CustomerTicket');

export const OtherValues = z
  .object({
    name: z.array(z.string()).optional(),
    email: z.array(z.string()).optional(),
    phone: z.array(z.string()).optional(),
    userId: z.array(z.string()).optional(),
    userKey: z.array(z.string()).optional(),
  })
  .openapi('CustomerOtherValues', { description: 'Differing values of customers merged into this one, kept beside its own.' });

export const CustomerRecord = z
  .object({
    id: z.string(),
    serviceId: z.string(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    userId: z.string().nullable(),
    userKey: z.string().nullable(),
    otherValues: OtherValues,
    createdAt: z.string(),
  })
  .openapi('CustomerRecord');

export const CustomerHistory = CustomerRecord.extend({
  tickets: z.array(CustomerTicket).openapi({ description: "The customer's newest tickets (up to 20), newest first." }),
  ticketsTotal: z.number().int().openapi({ description: 'How many tickets the customer has.' }),
  ticketsNextCursor: z.string().nullable().openapi({ description: 'The next page of the history: `GET /customers/{id}/tickets?cursor=…`.' }),
}).openapi('CustomerHistory');

export const CustomerTicketsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(SEARCH_PAGE_LIMIT).default(20),
  cursor: z.string().max(300).optional(),
});

export const CustomerTicketPage = z
  .object({ items: z.array(CustomerTicket), nextCursor: z.string().nullable() })
  .openapi('CustomerTicketPage');
export type CustomerHistory = z.infer<typeof CustomerHistory>;

export const CustomerParams = z.object({
  id: Id.openapi({ param: { name: 'id', in: 'path' }, example: 'U1618914603998abcdefghijk' }),
});

export const CustomerSearchQuery = z.object({
  serviceId: Id.optional(),
  customerId: Id.optional().openapi({ description: 'The customer id (고객 고유번호).' }),
  name: Term.optional().openapi({ description: 'A substring of the name.' }),
  userId: Term.optional().openapi({ description: 'The member id (아이디).' }),
  email: Term.optional(),
  phone: Phone.optional().openapi({ description: 'Compared by digits.' }),
  userKey: Term.optional().openapi({ description: 'The user key (유저키).' }),
  limit: z.coerce.number().int().min(1).max(SEARCH_PAGE_LIMIT).default(25),
  cursor: z.string().max(300).optional(),
});
export type CustomerSearchQuery = z.infer<typeof CustomerSearchQuery>;

export const CustomerPage = z
  .object({
    items: z.array(CustomerRecord),
    nextCursor: z.string().nullable(),
    total: z.object({ count: z.number().int(), capped: z.boolean() }).nullable().openapi({ description: 'On the first page only.' }),
  })
  .openapi('CustomerPage');

const Editable = (schema: z.ZodType<string>) => schema.nullable().optional();
export const CustomerChanges = z
  .strictObject({
    name: Editable(z.string().trim().min(1).max(200)),
    email: Editable(z.string().trim().email().max(254)),
    phone: Editable(Phone),
    userId: Editable(z.string().trim().min(1).max(200)),
    userKey: Editable(z.string().trim().min(1).max(200)),
  })
  .refine((changes) => Object.keys(changes).length > 0, { message: 'Change at least one value.' })
  .openapi('CustomerChanges', { description: 'Values to change; `null` clears one.' });

export const MergeBody = z
  .strictObject({ customerId: Id.openapi({ description: 'The customer merged into this one; it is removed and its tickets move here.' }) })
  .openapi('CustomerMerge');

export const MergeResult = z
  .object({ customer: CustomerRecord, ticketsMoved: z.number().int() })
  .openapi('CustomerMergeResult');
