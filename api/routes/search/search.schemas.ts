/**
 * Ticket search (티켓 검색) request and response schemas, and an agent's default search conditions (조건 설정).
 *
 * Conditions are a closed object: a key that is not a condition is refused (422 `search.unknown_field`), so a typo
 * never widens a search silently. Customer and agent field values are searched under `fields.<code>` (a code no
 * searched service has is unknown; an encrypted field is refused).
 */
import { z } from '@hono/zod-openapi';
import { TicketChannel, TicketPriority, TicketStatus } from '../../../domain/schemas';
import { SEARCH_PAGE_LIMIT, SORT_DIRECTIONS, TICKET_SORTS } from '../../../domain/search';
import { TICKET_LISTS } from '../../../domain/ticket';
import { Ticket } from '../tickets/tickets.schemas';

const Id = z.string().min(1).max(64);
const Ids = z.array(Id).min(1).max(200);
const Term = z.string().trim().min(1).max(200);
const Instant = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time with an offset, e.g. 2026-01-31T00:00:00+09:00' });

export const TicketSearchConditions = z
  .strictObject({
    createdFrom: Instant.optional().openapi({ description: 'Created at or after this instant.' }),
    createdTo: Instant.optional().openapi({ description: 'Created before this instant; must be after `createdFrom`.' }),
    ticketId: Id.optional(),
    priority: z.array(TicketPriority).min(1).optional(),
    status: z.array(TicketStatus).min(1).optional(),
    channel: z.array(TicketChannel).min(1).optional(),
    groupId: Ids.optional(),
    assigneeId: Ids.optional(),
    intakeTypeId: Ids.optional().openapi({ description: 'Each intake type matches itself and every type below it.' }),
    resolutionTypeId: Ids.optional(),
    subject: Term.optional().openapi({ description: 'A substring of the subject, any case; Korean works.' }),
    content: Term.optional().openapi({ description: 'A substring of the content.' }),
    text: Term.optional().openapi({ description: 'A substring of the subject or the content (the search box).' }),
    customerId: Id.optional(),
    customerName: Term.optional().openapi({ description: 'A substring of the customer’s name.' }),
    customerUserId: Term.optional(),
    customerEmail: Term.optional().openapi({ description: 'The customer’s email (or one kept by a merge), any case.' }),
    customerPhone: z
      .string()
      .trim()
      .regex(/^\+?[0-9][0-9 -]{2,30}$/, 'a phone number of digits, spaces or dashes')
      .optional()
      .openapi({ description: 'Compared by digits: 010-1234-5678 finds 01012345678.' }),
    tags: z.array(z.string().trim().min(1).max(50)).min(1).max(20).optional().openapi({ description: 'Tickets carrying every one of these tags.' }),
    important: z.boolean().optional(),
    fields: z
      .record(z.string().min(1).max(64), Term)
      .optional()
      .openapi({ description: 'Customer and agent field values by field code (`fields.<code>`); encrypted fields cannot be searched.' }),
  })
  .openapi('TicketSearchConditions');
export type TicketSearchConditions = z.infer<typeof TicketSearchConditions>;

export const TicketSort = z.enum(TICKET_SORTS);
export const SortDirection = z.enum(SORT_DIRECTIONS);

export const TicketSearchBody = z
  .strictObject({
    serviceId: Id.optional(),
    list: z.enum(TICKET_LISTS).optional().openapi({ description: 'Search within one task list.' }),
    conditions: TicketSearchConditions.default({}),
    sort: TicketSort.default('created'),
    direction: SortDirection.default('desc'),
    limit: z.number().int().min(1).max(SEARCH_PAGE_LIMIT).default(25),
    cursor: z.string().max(500).optional().openapi({ description: 'The `nextCursor` of the previous page, with the same sort.' }),
    count: z.boolean().default(true).openapi({ description: 'Whether to count the total (up to 10,000).' }),
  })
  .openapi('TicketSearch');
export type TicketSearchBody = z.infer<typeof TicketSearchBody>;

export const SearchTotal = z
  .object({
    count: z.number().int(),
    capped: z.boolean().openapi({ description: 'True when more than 10,000 match: show "10,000+".' }),
  })
  .openapi('SearchTotal');

export const TicketSearchPage = z
  .object({ items: z.array(Ticket), nextCursor: z.string().nullable(), total: SearchTotal.nullable() })
  .openapi('TicketSearchPage');

export const SearchDefaults = z
  .strictObject({
    conditions: TicketSearchConditions,
    sort: TicketSort.default('created'),
    direction: SortDirection.default('desc'),
  })
  .openapi('SearchDefaults');
export type SearchDefaults = z.infer<typeof SearchDefaults>;
