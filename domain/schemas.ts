/**
 * zod schemas of the domain's closed vocabularies, each under the same name as its type, for the API's request and
 * response schemas and the rule engine. Workflow code must not import this module (it keeps zod out of the workflow
 * bundle); it imports the plain lists and types from `./ticket` and `./people` instead.
 *
 * @module
 */
import { z } from 'zod';
import { API_SCOPES, PERMISSIONS, ROLES } from './people';
import { INTERNAL_RESOLVE_REASONS, MESSAGE_KINDS, TICKET_CHANNELS, TICKET_EVENT_TYPES, TICKET_PRIORITIES, TICKET_STATUSES } from './ticket';

/** Lifecycle state of a ticket. */
export const TicketStatus = z.enum(TICKET_STATUSES);
/** Lifecycle state of a ticket. */
export type TicketStatus = z.infer<typeof TicketStatus>;

/** Where a ticket came from. */
export const TicketChannel = z.enum(TICKET_CHANNELS);
/** Where a ticket came from. */
export type TicketChannel = z.infer<typeof TicketChannel>;

/** Ticket priority. */
export const TicketPriority = z.enum(TICKET_PRIORITIES);
/** Ticket priority. */
export type TicketPriority = z.infer<typeof TicketPriority>;

/** The ticket events triggers listen to. */
export const TicketEventType = z.enum(TICKET_EVENT_TYPES);
/** The ticket events triggers listen to. */
export type TicketEventType = z.infer<typeof TicketEventType>;

/** Why an agent closes a ticket without answering it. */
export const InternalResolveReason = z.enum(INTERNAL_RESOLVE_REASONS);
/** Why an agent closes a ticket without answering it. */
export type InternalResolveReason = z.infer<typeof InternalResolveReason>;

/** What a message on a ticket is. */
export const MessageKind = z.enum(MESSAGE_KINDS);
/** What a message on a ticket is. */
export type MessageKind = z.infer<typeof MessageKind>;

/** An account's role. */
export const Role = z.enum(ROLES);
/** An account's role. */
export type Role = z.infer<typeof Role>;

/** One per-agent permission. */
export const Permission = z.enum(PERMISSIONS);
/** One per-agent permission. */
export type Permission = z.infer<typeof Permission>;

/** One scope of an API client (see `API_SCOPE_DESCRIPTIONS`). */
export const ApiScope = z.enum(API_SCOPES);
/** One scope of an API client. */
export type ApiScope = z.infer<typeof ApiScope>;

/** Who did something: an agent, or an API client acting for its owner. */
export const ActorRef = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('agent'), id: z.string(), name: z.string().nullable() }),
  z.object({ kind: z.literal('api_client'), id: z.string(), name: z.string().nullable(), ownerId: z.string().nullable() }),
]);
/** Who did something. */
export type ActorRef = z.infer<typeof ActorRef>;
