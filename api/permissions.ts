/**
 * The per-agent permissions (권한) checked at the API: admins hold every one; an agent needs
 * - `ticket` to create or work tickets (the ticket workflow checks it again for every command),
 * - `phone` to register a ticket on the phone channel and `chat` one on the chat channel,
 * - `ticket_forward` to forward (checked by the ticket workflow).
 * `callback_assign` belongs to callback requests.
 *
 * @module
 */
import type { Permission } from '../domain/people';
import type { TicketChannel } from '../domain/ticket';
import type { AuthenticatedAgent } from './auth/agent';
import { ApiError } from './errors';

/** The channels whose tickets need a permission of their own beyond `ticket`. */
const CHANNEL_PERMISSIONS: Partial<Record<TicketChannel, Permission>> = { phone: 'phone', chat: 'chat' };

/** Refuses (403 `ticket.permission_required`) an agent without the permission; admins hold them all. */
export function requirePermission(agent: Pick<AuthenticatedAgent, 'role' | 'permissions'>, permission: Permission, work: string): void {
  if (agent.role === 'admin' || agent.permissions.includes(permission)) return;
  throw new ApiError(403, 'ticket.permission_required', `${work} needs the ${permission} permission; ask an admin to grant it.`, { permission });
}

/** Creating a ticket on a channel: the ticket permission, and the channel's own one for phone and chat. */
export function requireTicketCreation(agent: Pick<AuthenticatedAgent, 'role' | 'permissions'>, channel: TicketChannel): void {
  requirePermission(agent, 'ticket', 'Creating tickets');
  const channelPermission = CHANNEL_PERMISSIONS[channel];
  if (channelPermission) requirePermission(agent, channelPermission, `Registering a ${channel} ticket`);
}
