/**
 * Ticket request and response schemas: one schema, one name, shared by routes, handlers and the studio.
 */
import { z } from '@hono/zod-openapi';
import { ActorRef, InternalResolveReason, MessageKind, TicketChannel, TicketPriority, TicketStatus } from '../../../domain/schemas';
import { SORT_DIRECTIONS, TICKET_SORTS } from '../../../domain/search';
import { TICKET_LISTS } from '../../../domain/ticket';
import { MAX_ATTACHMENT_FILES } from '../../../domain/attachments';
import { FieldValue, FieldValueChanges, FieldValues } from '../fields/fields.schemas';

const Id = z.string().min(1).max(64);
const Body = z.string().trim().min(1).max(100_000);
const Tags = z.array(z.string().trim().min(1).max(50)).max(20);

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
    customerFields: z.record(z.string(), FieldValue).openapi({ description: 'Customer field values by field code.' }),
    agentFields: z.record(z.string(), FieldValue).openapi({ description: 'Agent field values by field code.' }),
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
    content: Body.optional().openapi({ description: 'Required unless `templateId` gives it.' }),
    templateId: Id.optional().openapi({
      description: 'A reply template of the service whose filled-in text becomes the content when `content` is omitted.',
    }),
    priority: TicketPriority.default('normal'),
    intakeTypeId: Id.optional(),
    groupId: Id.optional(),
    assigneeId: Id.optional().openapi({
      description: 'Manual creation: assign at once to this agent of `groupId` (yourself, or anyone with the forward permission).',
    }),
    tags: Tags.default([]),
    customerFields: FieldValues.default({}).openapi({ description: 'Customer field values by code; required ones must be given.' }),
    agentFields: FieldValues.default({}).openapi({ description: 'Agent field values by code.' }),
    customer: z
      .strictObject({
        name: z.string().trim().min(1).max(200).optional(),
        email: z.string().trim().email().max(254).optional(),
        phone: z.string().trim().regex(/^\+?[0-9][0-9 -]{3,30}$/, 'a phone number of digits, spaces or dashes').optional(),
        userId: z.string().trim().min(1).max(200).optional(),
      })
      .refine((customer) => customer.email || customer.phone, { message: 'Give the customer an email or a phone number.' }),
  })
  .refine((ticket) => ticket.content !== undefined || ticket.templateId !== undefined, {
    message: 'Give the content, or a templateId whose text becomes it.',
    path: ['content'],
  })
  .refine((ticket) => ticket.assigneeId === undefined || ticket.groupId !== undefined, {
    message: 'An assignee is assigned within a group: give groupId too.',
    path: ['groupId'],
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
const AttachmentIds = z
  .array(Id)
  .max(MAX_ATTACHMENT_FILES)
  .optional()
  .openapi({ description: 'Attachments uploaded to the ticket and not sent yet; replies email them to the customer.' });
export const ResolveBody = z.strictObject({ body: Body, resolutionTypeId: Id.optional(), attachmentIds: AttachmentIds }).openapi('ResolveTicket');
export const HoldBody = z.strictObject({ body: Body, attachmentIds: AttachmentIds }).openapi('HoldTicket');
export const CommentBody = z.strictObject({ body: Body, internal: z.boolean().default(false), attachmentIds: AttachmentIds }).openapi('CommentTicket');
export const InternalResolveBody = z
  .strictObject({ reason: InternalResolveReason, note: z.string().trim().max(2000).optional() })
  .openapi('InternalResolveTicket');
export const EmptyBody = z.strictObject({});

export const EditTicketBody = z
  .strictObject({
    priority: TicketPriority.optional(),
    intakeTypeId: Id.nullable().optional(),
    resolutionTypeId: Id.nullable().optional(),
    tags: Tags.optional().openapi({ description: 'The complete new tag list.' }),
    important: z.boolean().optional().openapi({ description: 'The important star.' }),
    subject: z.string().trim().min(1).max(500).optional(),
    customerFields: FieldValueChanges.optional().openapi({ description: 'Only the fields that change; null clears one.' }),
    agentFields: FieldValueChanges.optional().openapi({ description: 'Only the fields that change; null clears one.' }),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), 'Give at least one change.')
  .openapi('EditTicket');
