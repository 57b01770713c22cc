/**
 * The custom Temporal search attributes the ticket workflow sets, by the ticket field each one indexes. All are
 * of type Keyword; the worker and `npm start` register them, and operators list and filter tickets by them.
 *
 * @module
 */

/** Search-attribute name of each indexed ticket field. */
export const TICKET_SEARCH_ATTRIBUTES = {
  status: 'TicketStatus',
  assignee: 'TicketAssignee',
  group: 'TicketGroup',
  service: 'TicketService',
  priority: 'TicketPriority',
  channel: 'TicketChannel',
} as const;

/** The name of one ticket search attribute. */
export type TicketSearchAttribute = (typeof TICKET_SEARCH_ATTRIBUTES)[keyof typeof TICKET_SEARCH_ATTRIBUTES];

/** Every ticket search-attribute name, in a stable order. */
export const TICKET_SEARCH_ATTRIBUTE_NAMES: readonly TicketSearchAttribute[] = Object.values(TICKET_SEARCH_ATTRIBUTES);

/** Search-attribute names the callback request workflow (`callback-<id>`) sets; Keyword, like the ticket's. */
export const CALLBACK_SEARCH_ATTRIBUTES = {
  status: 'CallbackStatus',
  assignee: 'CallbackAssignee',
} as const;

/** The name of one callback search attribute. */
export type CallbackSearchAttribute = (typeof CALLBACK_SEARCH_ATTRIBUTES)[keyof typeof CALLBACK_SEARCH_ATTRIBUTES];

/** Every custom search attribute any workflow sets, for registration. */
export const ALL_SEARCH_ATTRIBUTE_NAMES: readonly (TicketSearchAttribute | CallbackSearchAttribute)[] = [
  ...TICKET_SEARCH_ATTRIBUTE_NAMES,
  ...Object.values(CALLBACK_SEARCH_ATTRIBUTES),
];
