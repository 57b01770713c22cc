/**
 * Ticket request and response schemas: one schema, one name, shared by routes, handlers and the studio.
 */
import { z } from '@hono/zod-openapi';
import { ActorRef, InternalResolveReason, MessageKind, TicketChannel, TicketPriority, TicketStatus } from '../../../domain/schemas';
import { SORT_DIRECTIONS, TICKET_SORTS } from '../../../domain/search';
import { TICKET_LISTS } from '../../../domain/ticket';

const Id = z.string().min(1).max(64);
const Body = z.string().trim().min(1).max(100_000);

export const TicketParams = z.object({ id: Id.openapi({ param: { name: 'id', in: 'path' }, example: 'T1603851004648zfnA' }) });

export const Customer = z
  .object({ id: z.string(), name: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() })
  .openapi('Customer');

export const Ticket = z
  .object({
    id: z.string(),
    serviceId: z.string(),
    channel: TicketChannel,
    status: TicketStatus,
    priority: TicketPriority,
    subject: z.string(),
    content: z.string(),
    intakeTypeId: z.string().nullable(),
    resolutionTypeId: z.string().nullable(),
    customer: Customer.nullable(),
    groupId: z.string().nullable(),
    assigneeId: z.string().nullable(),
    creatorId: z.string().nullable(),
    tags: z.array(z.string()),
    important: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    resolvedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
  })
  .openapi('Ticket');
export type Ticket = z.infer<typeof Ticket>;

export const NewTicketBody = z
  .strictObject({
    serviceId: Id,
    channel: TicketChannel.exclude(['issue_transfer']).optional().openapi({
      description: 'Defaults to `api` for API-token callers and `created` for agents.',
    }),
    subject: z.string().trim().min(1).max(500),
    content: Body,
    priority: TicketPriority.default('normal'),
    intakeTypeId: Id.optional(),
    groupId: Id.optional(),
    tags: z.array(z.string().trim().min(1).max(50)).max(20).default([]),
    customer: z
      .strictObject({
        name: z.string().trim().min(1).max(200).optional(),
        email: z.string().trim().email().max(254).optional(),
        phone: z.string().trim().regex(/^\+?[0-9][0-9 -]{3,30}$/, 'a phone number of digits, spaces or dashes').optional(),
        userId: z.string().trim().min(1).max(200).optional(),
      })
      .refine((customer) => customer.email || customer.phone, { message: 'Give the customer an email or a phone number.' }),
  })
  .openapi('NewTicket');

export const CreateTicketHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(200)
    .optional()
    .openapi({ description: 'Retrying a creation with the same key (and body) returns the same ticket instead of a new one.' }),
});

export const TicketList = z.enum(TICKET_LISTS);
export type TicketList = z.infer<typeof TicketList>;

/** A query parameter listing values separated by commas, e.g. `status=unassigned,in_progress`. */
const commaList = <T extends z.ZodType<string, string>>(value: T) =>
  z
    .string()
    .transform((text) => text.split(',').map((part) => part.trim()).filter(Boolean))
    .pipe(z.array(value).min(1).max(50));

export const TicketListQuery = z.object({
  list: TicketList.default('all'),
  serviceId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(500).optional().openapi({ description: 'The `nextCursor` of the previous page, with the same sort.' }),
  // Server-side filters and sorting of every task list (the same conditions as POST /tickets/search).
  channel: commaList(TicketChannel).optional().openapi({ description: 'Channels, comma-separated.', example: 'email,phone' }),
  status: commaList(TicketStatus).optional().openapi({ description: 'Statuses, comma-separated.' }),
  priority: commaList(TicketPriority).optional().openapi({ description: 'Priorities, comma-separated.' }),
  assigneeId: commaList(Id).optional().openapi({ description: 'Assignees, comma-separated.' }),
  intakeTypeId: commaList(Id).optional().openapi({ description: 'Intake types (each with its subtree), comma-separated.' }),
  q: z.string().trim().min(1).max(200).optional().openapi({ description: 'A substring of the subject or the content.' }),
  sort: z.enum(TICKET_SORTS).default('created'),
  direction: z.enum(SORT_DIRECTIONS).default('desc'),
});

export const TicketPage = z.object({ items: z.array(Ticket), nextCursor: z.string().nullable() }).openapi('TicketPage');

export const TicketEvent = z
  .object({
    seq: z.number(),
    kind: z.string(),
    actorId: z.string().nullable(),
    actor: ActorRef.nullable(),
    changes: z.record(z.string(), z.unknown()),
    at: z.string(),
  })
  .openapi('TicketEvent');

export const TicketMessage = z
  .object({
    seq: z.number(),
    kind: MessageKind,
    authorId: z.string().nullable(),
    author: ActorRef.nullable(),
    body: z.string(),
    at: z.string(),
    emailStatus: z
      .enum(['pending', 'sent', 'skipped', 'failed'])
      .nullable()
      .openapi({ description: 'For replies and interim answers: the email to the customer. Null for internal messages.' }),
  })
  .openapi('TicketMessage');

export const TakeBody = z.strictObject({ groupId: Id.optional() }).openapi('TakeTicket');
export const ForwardBody = z.strictObject({ groupId: Id, agentId: Id.optional() }).openapi('ForwardTicket');
export const ResolveBody = z.strictObject({ body: Body, resolutionTypeId: Id.optional() }).openapi('ResolveTicket');
export const HoldBody = z.strictObject({ body: Body }).openapi('HoldTicket');
export const CommentBody = z.strictObject({ body: Body, internal: z.boolean().default(false) }).openapi('CommentTicket');
export const InternalResolveBody = z
  .strictObject({ reason: InternalResolveReason, note: z.string().trim().max(2000).optional() })
  .openapi('InternalResolveTicket');
export const EmptyBody = z.strictObject({});
