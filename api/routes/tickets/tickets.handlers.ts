import { createHash } from 'node:crypto';
import { businessId } from '../../../domain/ids';
import type { Sql } from '../../../store/db';
import { listTicketEvents } from '../../../store/events';
import { bindIdempotencyKey, findIdempotencyKey } from '../../../store/idempotency';
import { listTicketMessages } from '../../../store/messages';
import {
  findServiceCategory,
  findTicket,
  groupOfServiceExists,
  isAssignableGroupMember,
  serviceOfOrgExists,
  type TicketView,
} from '../../../store/tickets';
import type { TicketChannel, TicketCommand, TicketEdit } from '../../../domain/ticket';
import { checkFieldValues, requireFilledFields, ticketFields } from '../../fields';
import { callerGroupIds, requireTicketAccess, requireTicketListAccess, searchableServices } from '../../access';
import { requirePermission, requireTicketCreation } from '../../permissions';
import type { z } from '@hono/zod-openapi';
import { renderTemplate } from '../../../activities/templates';
import { SUBSTITUTION_CODES } from '../../../rules/substitution';
import { findReplyTemplate } from '../../../store/reply-templates';
import { fieldKeyring, redactSealedChanges, revealTicket, sealFieldValues } from '../../pii';
import { unsentAttachmentIds } from '../../../store/attachments';
import type { NewTicketBody } from './tickets.schemas';
import { actorIdOf, ticketActor, type AuthenticatedAgent } from '../../auth/agent';
import type { ApiDeps, AppRouteHandler } from '../../context';
import { ApiError, invalidReference, notFound } from '../../errors';
import { sendTicketCommand, startTicket } from './tickets.commands';
import { prepareSearch, searchTickets } from '../../../store/ticket-search';
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

/**
 * A category of the service. A disabled category is only hidden from the help centre (the seeds' rule): agents
 * keep choosing it, so only `enabledOnly` (a ticket arriving from the help centre) refuses it.
 */
async function requireCategory(sql: Sql, field: string, id: string, serviceId: string, kind: 'intake' | 'resolution', enabledOnly = false) {
  const category = await findServiceCategory(sql, id, serviceId, kind);
  if (!category) throw invalidReference(field, id, `is not a ${kind} type of this service`);
  if (enabledOnly && !category.enabled) throw invalidReference(field, id, 'is disabled');
}

const HELP_CENTRE_CHANNELS: readonly TicketChannel[] = ['help_center_pc', 'help_center_mobile'];

async function requireGroup(sql: Sql, field: string, id: string, serviceId: string) {
  if (!(await groupOfServiceExists(sql, id, serviceId))) throw invalidReference(field, id, 'is not a group of this service');
}

/** Manual creation's assignee: an active member of the group; someone else than the creator needs the forward permission. */
async function requireCreationAssignee(sql: Sql, agent: AuthenticatedAgent, groupId: string, assigneeId: string): Promise<void> {
  if (!(await isAssignableGroupMember(sql, groupId, assigneeId))) throw invalidReference('assigneeId', assigneeId, 'is not an active agent of that group');
  if (assigneeId !== agent.id) requirePermission(agent, 'ticket_forward', 'Assigning a new ticket to someone else');
}

/** A new ticket's content from a reply template, filled with what the ticket already knows. */
async function contentFromTemplate(
  sql: Sql,
  agent: AuthenticatedAgent,
  body: z.infer<typeof NewTicketBody> & { ticketId: string; channel: TicketChannel },
): Promise<string> {
  const template = await findReplyTemplate(sql, agent.orgId, body.templateId!);
  if (!template || template.serviceId !== body.serviceId) throw invalidReference('templateId', body.templateId!, 'is not a reply template of this service');
  const known: Record<string, string> = {
    'ticket.id': body.ticketId,
    'ticket.subject': body.subject,
    'ticket.priority': body.priority,
    'ticket.channel': body.channel,
    'customer.name': body.customer.name ?? '',
    'customer.email': body.customer.email ?? '',
    'customer.phone': body.customer.phone ?? '',
    'agent.name': agent.name,
  };
  for (const [code, value] of Object.entries(body.customerFields)) known[`customerField.${code}`] = String(value);
  for (const [code, value] of Object.entries(body.agentFields)) known[`agentField.${code}`] = String(value);
  // Codes the ticket cannot know before it exists (its group, its URL…) are left empty rather than shown as codes.
  const context = Object.fromEntries([...SUBSTITUTION_CODES.map((code) => [code, '']), ...Object.entries(known)]);
  return renderTemplate(template.body, context);
}

export const createTicket: AppRouteHandler<typeof routes.createTicket> = async (c) => {
  const { sql, temporal, taskQueue } = c.get('deps');
  const agent = c.get('agent');
  const body = c.req.valid('json');
  if (agent.role === 'org_admin') throw new ApiError(403, 'ticket.forbidden', 'Organisation admins cannot create tickets.');
  if (!(await serviceOfOrgExists(sql, agent.orgId, body.serviceId))) throw invalidReference('serviceId', body.serviceId);
  const channel = body.channel ?? (agent.via === 'api' ? 'api' : 'created');
  requireTicketCreation(agent, channel);
  if (body.intakeTypeId) {
    await requireCategory(sql, 'intakeTypeId', body.intakeTypeId, body.serviceId, 'intake', HELP_CENTRE_CHANNELS.includes(channel));
  }
  if (body.groupId) await requireGroup(sql, 'groupId', body.groupId, body.serviceId);
  if (body.assigneeId) await requireCreationAssignee(sql, agent, body.groupId!, body.assigneeId);
  const fields = await ticketFields(sql, body.serviceId, body.intakeTypeId ?? null);
  checkFieldValues(fields, 'customer', body.customerFields, agent);
  checkFieldValues(fields, 'agent', body.agentFields, agent);
  requireFilledFields(fields, ['customer'], { customer: body.customerFields, agent: body.agentFields }, 'to create the ticket');

  const idempotencyKey = c.req.valid('header')['idempotency-key'];
  const claim = idempotencyKey ? await claimIdempotencyKey(sql, agent.id, idempotencyKey, body) : null;
  const ticketId = claim?.ticketId ?? businessId('T');
  const content = body.content ?? (await contentFromTemplate(sql, agent, { ...body, ticketId, channel }));
  const keyring = fieldKeyring(c.get('deps').config);
  const ticket = {
    ticketId,
    serviceId: body.serviceId,
    channel,
    subject: body.subject,
    content,
    priority: body.priority,
    intakeTypeId: body.intakeTypeId ?? null,
    groupId: body.groupId ?? null,
    creatorId: actorIdOf(agent),
    tags: [...new Set(body.tags)],
    customerFields: sealFieldValues(keyring, fields, 'customer', ticketId, body.customerFields),
    agentFields: sealFieldValues(keyring, fields, 'agent', ticketId, body.agentFields),
    assigneeId: body.assigneeId ?? null,
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
  return c.json(revealTicket(c.get('deps').config, await requireTicket(sql, ticketId)), 201);
};

export const listTickets: AppRouteHandler<typeof routes.listTickets> = async (c) => {
  const { sql } = c.get('deps');
  const { cursor, list, serviceId, limit, sort, direction, q, ...filters } = c.req.valid('query');
  await requireTicketListAccess(sql, c.get('agent'), serviceId);
  const after = cursor ? decodeSearchCursor(cursor, sort, direction) : null;
  const query = { list, serviceId, conditions: { ...filters, text: q }, sort, direction, limit, after };
  const scope = searchableServices({ sql, directory: c.get('directory') }, c.get('agent'), serviceId);
  const page = await searchTickets(sql, c.get('agent'), query, await prepareSearch(sql, c.get('agent'), query, scope));
  const revealed = page.items.map((ticket) => revealTicket(c.get('deps').config, ticket));
  return c.json({ items: revealed, nextCursor: page.next ? encodeSearchCursor(sort, direction, page.next) : null }, 200);
};

export const getTicket: AppRouteHandler<typeof routes.getTicket> = async (c) => {
  return c.json(revealTicket(c.get('deps').config, await requireTicketAccess(c.get('deps').sql, c.get('agent'), c.req.valid('param').id)), 200);
};

export const ticketEvents: AppRouteHandler<typeof routes.ticketEvents> = async (c) => {
  const { sql } = c.get('deps');
  const ticket = await requireTicketAccess(sql, c.get('agent'), c.req.valid('param').id);
  const events = await listTicketEvents(sql, ticket.id);
  return c.json(events.map((event) => ({ ...event, changes: redactSealedChanges(event.changes) })), 200);
};

export const ticketMessages: AppRouteHandler<typeof routes.ticketMessages> = async (c) => {
  const { sql } = c.get('deps');
  const ticket = await requireTicketAccess(sql, c.get('agent'), c.req.valid('param').id);
  return c.json(await listTicketMessages(sql, ticket.id), 200);
};

/** Checks the command's references against the read model, then lets the workflow decide the transition. */
async function runCommand(
  deps: Pick<ApiDeps, 'sql' | 'temporal' | 'config'>,
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
    // Resolution types are only ever chosen by agents: disabling one retires it.
    await requireCategory(sql, 'resolutionTypeId', command.resolutionTypeId, ticket.serviceId, 'resolution', true);
  }
  if (command.kind === 'resolve') {
    const fields = await ticketFields(sql, ticket.serviceId, ticket.intakeTypeId);
    requireFilledFields(fields, ['customer', 'agent'], { customer: ticket.customerFields, agent: ticket.agentFields }, 'before resolving');
  }
  if (command.kind === 'edit') command = { kind: 'edit', edit: await checkEdit(deps, agent, ticket, command.edit) };
  if ((command.kind === 'resolve' || command.kind === 'hold' || command.kind === 'comment') && command.attachmentIds?.length) {
    const unsent = new Set(await unsentAttachmentIds(sql, ticket.id, command.attachmentIds));
    const unknown = command.attachmentIds.filter((id) => !unsent.has(id));
    if (unknown.length > 0) {
      throw new ApiError(422, 'attachment.unknown', 'Attach files uploaded to this ticket and not sent yet.', { attachmentIds: unknown });
    }
  }
  const actor = ticketActor(agent, await callerGroupIds(sql, agent, ticket.serviceId));
  await sendTicketCommand(temporal, ticket.id, actor, command);
  return revealTicket(deps.config, command.kind === 'delete' ? ticket : await requireTicket(sql, ticket.id));
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
    const ticket = await runCommand(c.get('deps'), c.get('agent'), c.req.valid('param').id, { kind, ...body } as TicketCommand);
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

/**
 * The references and field values of an edit, against the ticket as it will be after it; returns the edit with the
 * values of encrypted fields sealed.
 */
async function checkEdit(deps: Pick<ApiDeps, 'sql' | 'config'>, agent: AuthenticatedAgent, ticket: TicketView, edit: TicketEdit): Promise<TicketEdit> {
  const { sql } = deps;
  if (edit.intakeTypeId) await requireCategory(sql, 'intakeTypeId', edit.intakeTypeId, ticket.serviceId, 'intake');
  if (edit.resolutionTypeId) await requireCategory(sql, 'resolutionTypeId', edit.resolutionTypeId, ticket.serviceId, 'resolution', true);
  const intakeTypeId = edit.intakeTypeId === undefined ? ticket.intakeTypeId : edit.intakeTypeId;
  const fields = await ticketFields(sql, ticket.serviceId, intakeTypeId);
  checkFieldValues(fields, 'customer', edit.customerFields ?? {}, agent);
  checkFieldValues(fields, 'agent', edit.agentFields ?? {}, agent);
  // Clearing a required field is refused; one that was already empty may stay so until the ticket is resolved.
  const cleared = (values: Record<string, unknown> | undefined) =>
    Object.fromEntries(Object.entries(values ?? {}).filter(([, value]) => value === null).map(([code]) => [code, null]));
  const customerCleared = cleared(edit.customerFields);
  const agentCleared = cleared(edit.agentFields);
  const requiredCleared = fields.filter(
    (field) => field.required && (field.scope === 'customer' ? field.code in customerCleared : field.code in agentCleared),
  );
  if (requiredCleared.length > 0) requireFilledFields(requiredCleared, ['customer', 'agent'], { customer: customerCleared, agent: agentCleared }, 'to keep the ticket complete');
  const keyring = fieldKeyring(deps.config);
  return {
    ...edit,
    ...(edit.customerFields ? { customerFields: sealFieldValues(keyring, fields, 'customer', ticket.id, edit.customerFields) } : {}),
    ...(edit.agentFields ? { agentFields: sealFieldValues(keyring, fields, 'agent', ticket.id, edit.agentFields) } : {}),
  };
}

export const editTicket: AppRouteHandler<typeof routes.editTicket> = async (c) => {
  const ticket = await runCommand(c.get('deps'), c.get('agent'), c.req.valid('param').id, { kind: 'edit', edit: c.req.valid('json') });
  return c.json(ticket, 200);
};

export const deleteTicket: AppRouteHandler<typeof routes.deleteTicket> = async (c) => {
  await runCommand(c.get('deps'), c.get('agent'), c.req.valid('param').id, { kind: 'delete' });
  return c.body(null, 204);
};
