/**
 * The domain vocabulary every layer shares: ticket statuses and their groups, channels, priorities, event types,
 * message kinds, ticket state and commands; roles, permissions and the actor; search-attribute names; error codes.
 * Each closed list is a zod schema and a type under one name (from `./schemas`). Imports nothing of Contactflow's.
 *
 * Workflow code imports `./ticket`, `./people`, `./search-attributes` and `./error-codes` directly instead, since
 * this surface brings zod with it.
 *
 * @module
 */
export * from './schemas';
export {
  TICKET_STATUSES,
  WORKING_STATUSES,
  OPEN_STATUSES,
  TRANSFERRED_STATUSES,
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  TICKET_EVENT_TYPES,
  INTERNAL_RESOLVE_REASONS,
  MESSAGE_KINDS,
  CUSTOMER_FACING,
  type TicketState,
  type TicketCommand,
} from './ticket';
export { ROLES, PERMISSIONS, type Actor } from './people';
export * from './search-attributes';
export * from './error-codes';
export * from './workflow-kinds';
