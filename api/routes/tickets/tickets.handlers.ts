import { createHash } from 'node:crypto';
import { businessId } from '../../../domain/ids';
import type { Sql } from '../../../store/db';
import { listTicketEvents } from '../../../store/events';
import { bindIdempotencyKey, findIdempotencyKey } from '../../../store/idempotency';
import { listTicketMessages } from '../../../store/messages';
import {
  agentGroupIdsInService,
  findServiceCategory,
  findTicket,
  groupOfServiceExists,
  isAssignableGroupMember,
  serviceOfOrgExists,
  type TicketView,
} from '../../../store/tickets';
import type { TicketCommand } from '../../../domain/ticket';
import { requireTicketAccess, requireTicketListAccess } from '../../access';
import { actorIdOf, ticketActor, type AuthenticatedAgent } from '../../auth/agent';
import type { ApiDeps, AppRouteHandler } from '../../context';
import { ApiError, invalidReference, notFound } from '../../errors';
import { sendTicketCommand, startTicket } from './tickets.commands';
import { searchTickets } from '../../../store/ticket-search';
import { decodeSearchCursor, encodeSearchCursor } from '../search/search.cursor';
import type * as routes from './tickets.routes';

/**
 * Binds an API client's idempotency key to a ticket id, once. A repeat with the same body gets the same id;
 * a repeat with another body is refused.
 */
async function claimIdempotencyKey(sql: Sql, agentId: string, key: string, body: unknown): Promise<{ ticketId: string; repeated: boolean }> {
  const requestHash = createHash('sha256').update(JSON.stringify(body)).digest('hex');
  const claimed = await bindIdempotencyKey(sql, { agentId, key, requestHash, ticketId: businessId('T') });
  if (claimed) return { ticketId: claimed, repeated: false };
  const existing = (await findIdempotencyKey(sql, agentId, key))!;
  if (existing.request_hash !== requestHash) {
    throw new ApiError(422, 'idempotency.key_reused', 'This Idempotency-Key was used for a different request.', { key });
  }
  return { ticketId: existing.ticket_id, repeated: true };
}

async function requireTicket(sql: Sql, id: string): Promise<TicketView> {
  const ticket = await findTicket(sql, id);
  if (!ticket) throw notFound('ticket', id);
  return ticket;
}

async function requireCategory(sql: Sql, field: string, id: string, serviceId: string, kind: 'intake' | 'resolution') {
  const category = await findServiceCategory(sql, id, serviceId, kind);
  if (!category) throw invalidReference(field, id, `is not a ${kind} type of this service`);
  if (!category.enabled) throw invalidReference(field, id, 'is disabled');
}

async function requireGroup(sql: Sql, field: string, id: string, serviceId: string) {
  if (!(await groupOfServiceExists(sql, id, serviceId))) throw invalidReference(field, id, 'is not a group of this service');
}

export const createTicket: AppRouteHandler<typeof routes.createTicket> = async (c) => {
  const { sql, temporal, taskQueue } = c.var.deps;
  const agent = c.var.agent;
  const body = c.req.valid('json');
  if (agent.role === 'org_admin') throw new ApiError(403, 'ticket.forbidden', 'Organisation admins cannot create tickets.');
  if (!(await serviceOfOrgExists(sql, agent.orgId, body.serviceId))) throw invalidReference('serviceId', body.serviceId);
  if (body.intakeTypeId) await requireCategory(sql, 'intakeTypeId', body.intakeTypeId, body.serviceId, 'intake');
  if (body.groupId) await requireGroup(sql, 'groupId', body.groupId, body.serviceId);

  const idempotencyKey = c.req.valid('header')['idempotency-key'];
  const claim = idempotencyKey ? await claimIdempotencyKey(sql, agent.id, idempotencyKey, body) : null;
  const ticketId = claim?.ticketId ?? businessId('T');
  const ticket = {
    ticketId,
    serviceId: body.serviceId,
    channel: body.channel ?? (agent.via === 'api' ? 'api' : 'created'),
    subject: body.subject,
    content: body.content,
    priority: body.priority,
    intakeTypeId: body.intakeTypeId ?? null,
    groupId: body.groupId ?? null,
    creatorId: actorIdOf(agent),
    tags: [...new Set(body.tags)],
    customer: {
      id: businessId('U', 12),
      name: body.customer.name ?? null,
      email: body.customer.email ?? null,
      phone: body.customer.phone ?? null,
      userId: body.customer.userId ?? null,
    },
    at: new Date().toISOString(),
  };
  await startTicket(temporal, taskQueue, ticket, claim !== null);
  if (claim?.repeated) c.header('idempotent-replayed', 'true');
  return c.json(await requireTicket(sql, ticketId), 201);
};

export const listTickets: AppRouteHandler<typeof routes.listTickets> = async (c) => {
  const { sql } = c.var.deps;
  const { cursor, list, serviceId, limit, sort, direction, q, ...filters } = c.req.valid('query');
  await requireTicketListAccess(sql, c.var.agent, serviceId);
  const after = cursor ? decodeSearchCursor(cursor, sort, direction) : null;
  const conditions = { ...filters, text: q };
  const page = await searchTickets(sql, c.var.agent, { list, serviceId, conditions, sort, direction, limit, after });
  return c.json({ items: page.items, nextCursor: page.next ? encodeSearchCursor(sort, direction, page.next) : null }, 200);
};

export const getTicket: AppRouteHandler<typeof routes.getTicket> = async (c) => {
  return c.json(await requireTicketAccess(c.var.deps.sql, c.var.agent, c.req.valid('param').id), 200);
};

export const ticketEvents: AppRouteHandler<typeof routes.ticketEvents> = async (c) => {
  const { sql } = c.var.deps;
  const ticket = await requireTicketAccess(sql, c.var.agent, c.req.valid('param').id);
  return c.json(await listTicketEvents(sql, ticket.id), 200);
};

export const ticketMessages: AppRouteHandler<typeof routes.ticketMessages> = async (c) => {
  const { sql } = c.var.deps;
  const ticket = await requireTicketAccess(sql, c.var.agent, c.req.valid('param').id);
  return c.json(await listTicketMessages(sql, ticket.id), 200);
};

/** Checks the command's references against the read model, then lets the workflow decide the transition. */
async function runCommand(
  deps: Pick<ApiDeps, 'sql' | 'temporal'>,
  agent: AuthenticatedAgent,
  ticketId: string,
  command: TicketCommand,
): Promise<TicketView> {
  const { sql, temporal } = deps;
  const ticket = await requireTicketAccess(sql, agent, ticketId);
  if (ticket.status === 'closed') throw new ApiError(409, 'ticket.closed', `Ticket ${ticket.id} is closed.`);
  if (command.kind === 'take' && command.groupId) await requireGroup(sql, 'groupId', command.groupId, ticket.serviceId);
  if (command.kind === 'forward') {
    await requireGroup(sql, 'groupId', command.groupId, ticket.serviceId);
    if (command.agentId) {
      if (!(await isAssignableGroupMember(sql, command.groupId, command.agentId))) throw invalidReference('agentId', command.agentId, 'is not an active agent of that group');
    }
  }
  if (command.kind === 'resolve' && command.resolutionTypeId) {
    await requireCategory(sql, 'resolutionTypeId', command.resolutionTypeId, ticket.serviceId, 'resolution');
  }
  const actor = ticketActor(agent, await agentGroupIdsInService(sql, agent.id, ticket.serviceId));
  await sendTicketCommand(temporal, ticket.id, actor, command);
  return command.kind === 'delete' ? ticket : requireTicket(sql, ticket.id);
}

type CommandRoute =
  | typeof routes.take
  | typeof routes.forward
  | typeof routes.resolve
  | typeof routes.hold
  | typeof routes.comment
  | typeof routes.internalResolve
  | typeof routes.restore
  | typeof routes.complete;

function commandHandler<R extends CommandRoute>(kind: TicketCommand['kind']): AppRouteHandler<R> {
  return (async (c: Parameters<AppRouteHandler<typeof routes.take>>[0]) => {
    const body = c.req.valid('json') as Record<string, unknown>;
    const ticket = await runCommand(c.var.deps, c.var.agent, c.req.valid('param').id, { kind, ...body } as TicketCommand);
    return c.json(ticket, 200);
  }) as unknown as AppRouteHandler<R>;
}

export const take = commandHandler<typeof routes.take>('take');
export const forward = commandHandler<typeof routes.forward>('forward');
export const resolve = commandHandler<typeof routes.resolve>('resolve');
export const hold = commandHandler<typeof routes.hold>('hold');
export const comment = commandHandler<typeof routes.comment>('comment');
export const internalResolve = commandHandler<typeof routes.internalResolve>('internal_resolve');
export const restore = commandHandler<typeof routes.restore>('restore');
export const complete = commandHandler<typeof routes.complete>('complete');

export const deleteTicket: AppRouteHandler<typeof routes.deleteTicket> = async (c) => {
  await runCommand(c.var.deps, c.var.agent, c.req.valid('param').id, { kind: 'delete' });
  return c.body(null, 204);
};
