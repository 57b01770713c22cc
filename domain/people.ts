/**
 * Who works in Contactflow: roles, the per-agent permissions, API clients and their scopes, and the actor a
 * command is checked against.
 *
 * Plain `as const` lists and types only, no zod, so that workflow code can import this module; the zod schemas of
 * the same names are in `./schemas`.
 *
 * @module
 */
import type { TicketCommand } from './ticket';

/** An organisation admin manages organisation settings; an admin and an agent work tickets. */
export const ROLES = ['org_admin', 'admin', 'agent'] as const;
/** An account's role. */
export type Role = (typeof ROLES)[number];

/**
 * What an agent may do beyond the basics of their role; admins may do all of it. `operations` opens the operator
 * console: stuck workflows, failed deliveries and the actions that fix them; `pii_unmask` reveals masked
 * personal data (audited).
 */
export const PERMISSIONS = ['ticket', 'phone', 'chat', 'callback_assign', 'ticket_forward', 'operations', 'pii_unmask'] as const;
/** One per-agent permission. */
export type Permission = (typeof PERMISSIONS)[number];

/**
 * Who can act: a person signed in as an agent, or an API client (a company back end, a phone system) holding an
 * API token issued by an agent, its owner.
 */
export const ACTOR_KINDS = ['agent', 'api_client'] as const;
/** Who can act. */
export type ActorKind = (typeof ACTOR_KINDS)[number];

/**
 * What an API client may be allowed to do, route family by route family. A client acts with the intersection of
 * its scopes and its owner's current role and permissions: a scope never grants what the owner cannot do.
 */
export const API_SCOPES = ['tickets:read', 'tickets:write', 'customers:read', 'directory:read', 'rules:simulate', 'admin', 'callbacks:read', 'callbacks:write'] as const;
/** One scope of an API client. */
export type ApiScope = (typeof API_SCOPES)[number];

/** What each scope opens, for the API documentation and the token form. */
export const API_SCOPE_DESCRIPTIONS: Record<ApiScope, string> = {
  'tickets:read': 'Read tickets, their events, messages and traces, the task lists and the dashboard.',
  'tickets:write': 'Create tickets (on the `api` channel) and comment on them.',
  'customers:read': 'Read customers and their inquiry history.',
  'directory:read': 'Read services, groups, agents and categories (to find the ids tickets refer to).',
  'rules:simulate': 'Run trigger simulations; changes and sends nothing.',
  admin: 'Change configuration (services, groups, agents, categories, triggers, time rules) and read the audit log.',
  'callbacks:read': 'Read callback requests, their events and phone presence.',
  'callbacks:write': 'Register callback requests and report phone presence (a phone system), and act on callback requests.',
};

/**
 * The ticket commands an API client may send. An API client is no group member and no assignee: it creates tickets
 * and adds comments (Online Contact's Open API intake); taking, answering, forwarding and closing need a person.
 */
export const API_CLIENT_TICKET_COMMANDS = ['comment'] as const satisfies readonly TicketCommand['kind'][];

/**
 * Who is acting, resolved by the API from the bearer token. For an API client, `id` is the client's (`K…`), and
 * `role`, `permissions` and `groupIds` are its owner's, through which it reaches the ticket's service; `groupIds`
 * are the groups in the ticket's service.
 */
export interface Actor {
  /** Absent means an agent: commands recorded in workflow histories before API clients existed carry none. */
  kind?: ActorKind;
  id: string;
  role: Role;
  permissions: Permission[];
  groupIds: string[];
}

/**
 * Who did something, as the event log, a message and the audit log show it. An API client names its owner; `name`
 * is null when the record is gone.
 */
export type ActorRef =
  | { kind: 'agent'; id: string; name: string | null }
  | { kind: 'api_client'; id: string; name: string | null; ownerId: string | null };
