/**
 * Who works in Contactflow: roles, the per-agent permissions, and the actor a command is checked against.
 *
 * Plain `as const` lists and types only, no zod, so that workflow code can import this module; the zod schemas of
 * the same names are in `./schemas`.
 *
 * @module
 */

/** An organisation admin manages organisation settings; an admin and an agent work tickets. */
export const ROLES = ['org_admin', 'admin', 'agent'] as const;
/** An account's role. */
export type Role = (typeof ROLES)[number];

/** What an agent may do beyond the basics of their role; admins may do all of it. */
export const PERMISSIONS = ['ticket', 'phone', 'chat', 'callback_assign', 'ticket_forward'] as const;
/** One per-agent permission. */
export type Permission = (typeof PERMISSIONS)[number];

/** Who is acting, resolved by the API from the bearer token; `groupIds` are their groups in the ticket's service. */
export interface Actor {
  id: string;
  role: Role;
  permissions: Permission[];
  groupIds: string[];
}
