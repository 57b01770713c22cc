import { WorkflowNotFoundError } from '@temporalio/common';
import { businessId } from '../../../domain/ids';
import { DOORAY_COMMENTABLE, type DoorayTransferRequest } from '../../../domain/transfer';
import { findService } from '../../../store/directory/services';
import { findDoorayMemberId, findDoorayProject } from '../../../store/dooray-settings';
import { findServiceCategory } from '../../../store/tickets';
import {
  completeGuidanceRequest,
  findGuidanceRequest,
  findLatestTaskTransfer,
  insertDoorayComment,
  insertGuidanceRequest,
  listDoorayConversation,
  listDoorayTransfers,
  listGuidanceRequests,
  listIssueTransfers,
} from '../../../store/transfers';
import { doorayClientFor } from '../../../activities/dooray';
import { guidanceRequestedSignal } from '../../../workflows/ticket-signals';
import { ticketWorkflowId } from '../../../workflows/ticket';
import { callerGroupIds, requireTicketAccess } from '../../access';
import { actorIdOf, ticketActor, type AuthenticatedAgent } from '../../auth/agent';
import type { ApiDeps, AppRouteHandler } from '../../context';
import { ApiError, invalidReference, notFound } from '../../errors';
import { sendTicketCommand } from '../tickets/tickets.commands';
import { doorayApiError } from '../dooray/dooray.handlers';
import { doorayDeps, requireKeyring } from '../dooray/dooray.keyring';
import type * as routes from './transfers.routes';

async function requireOpenTicket(deps: ApiDeps, agent: AuthenticatedAgent, id: string) {
  const ticket = await requireTicketAccess(deps.sql, agent, id);
  if (ticket.status === 'closed') throw new ApiError(409, 'ticket.closed', `Ticket ${ticket.id} is closed.`);
  return ticket;
}

export const ticketTransfers: AppRouteHandler<typeof routes.ticketTransfers> = async (c) => {
  const { sql } = c.get('deps');
  const ticket = await requireTicketAccess(sql, c.get('agent'), c.req.valid('param').id);
  const [dooray, issue, origin, guidanceRequests] = await Promise.all([
    listDoorayTransfers(sql, ticket.id),
    listIssueTransfers(sql, ticket.id),
    listIssueTransfers(sql, ticket.id, 'issue'),
    listGuidanceRequests(sql, ticket.id),
  ]);
  return c.json({ dooray, issue, issueOrigin: origin[0] ?? null, guidanceRequests }, 200);
};

export const transferToDooray: AppRouteHandler<typeof routes.transferToDooray> = async (c) => {
  const { deps, agent } = c.var;
  const { sql } = deps;
  const ticket = await requireOpenTicket(deps, agent, c.req.valid('param').id);
  const body = c.req.valid('json');
  const project = await findDoorayProject(sql, agent.orgId, body.projectId);
  if (!project) throw invalidReference('projectId', body.projectId, 'is not a registered Dooray project');
  if (project.paused) {
    throw new ApiError(409, 'dooray.paused', 'Dooray! transfers are paused for this organisation; an admin can resume them in Dooray! settings.', {
      organizationId: project.organizationId,
    });
  }
  requireKeyring(deps);
  const assignees: DoorayTransferRequest['assignees'] = [];
  for (const assignee of body.assignees) {
    if ('agentId' in assignee) {
      const memberId = await findDoorayMemberId(sql, project.organizationId, assignee.agentId);
      if (!memberId) {
        throw new ApiError(422, 'dooray.member_not_found', `Agent ${assignee.agentId} has no Dooray member id in this organisation.`, {
          agentId: assignee.agentId,
        });
      }
      assignees.push({ memberId });
    } else {
      assignees.push(assignee);
    }
  }
  const request: DoorayTransferRequest = {
    transferId: businessId('DT'),
    projectId: project.id,
    createdAsMemberId: (await findDoorayMemberId(sql, project.organizationId, agent.id)) ?? project.defaultCreatorMemberId,
    subject: body.subject,
    body: body.body,
    mimeType: body.mimeType,
    tagIds: body.tagIds,
    assignees,
    callTimeoutMs: deps.config.DOORAY_TIMEOUT_MS,
  };
  const actor = ticketActor(agent, await callerGroupIds(sql, agent, ticket.serviceId));
  await sendTicketCommand(deps.temporal, ticket.id, actor, { kind: 'transfer_dooray', request });
  const transfer = (await listDoorayTransfers(sql, ticket.id)).find((t) => t.id === request.transferId)!;
  return c.json(transfer, 202);
};

export const doorayConversation: AppRouteHandler<typeof routes.doorayConversation> = async (c) => {
  const { sql } = c.get('deps');
  const ticket = await requireTicketAccess(sql, c.get('agent'), c.req.valid('param').id);
  return c.json(await listDoorayConversation(sql, ticket.id), 200);
};

export const commentOnDooray: AppRouteHandler<typeof routes.commentOnDooray> = async (c) => {
  const { deps, agent } = c.var;
  const ticket = await requireOpenTicket(deps, agent, c.req.valid('param').id);
  const body = c.req.valid('json');
  const transfer = DOORAY_COMMENTABLE.includes(ticket.status) ? await findLatestTaskTransfer(deps.sql, ticket.id) : null;
  if (!transfer) {
    throw new ApiError(409, 'dooray.no_task', 'Comments go to the Dooray! task while the ticket is transferred or in progress there.', {
      status: ticket.status,
    });
  }
  const client = doorayClientFor(doorayDeps(deps), { id: transfer.organizationRef, apiBaseUrl: transfer.apiBaseUrl, apiTokenSealed: transfer.apiTokenSealed });
  const { id } = await client.postComment(transfer.doorayProjectId, transfer.postId!, { mimeType: body.mimeType, content: body.body }).catch(doorayApiError);
  const comment = {
    transferId: transfer.id,
    commentId: id,
    direction: 'out' as const,
    authorId: actorIdOf(agent),
    authorName: agent.name,
    body: body.body,
    mimeType: body.mimeType,
    at: new Date().toISOString(),
  };
  await insertDoorayComment(deps.sql, comment);
  return c.json(comment, 201);
};

export const transferToIssueService: AppRouteHandler<typeof routes.transferToIssueService> = async (c) => {
  const { deps, agent } = c.var;
  const { sql } = deps;
  const ticket = await requireOpenTicket(deps, agent, c.req.valid('param').id);
  const body = c.req.valid('json');
  const service = await findService(sql, agent.orgId, body.serviceId);
  if (!service) throw invalidReference('serviceId', body.serviceId);
  if (service.kind !== 'issue') {
    throw new ApiError(422, 'transfer.not_issue_service', `${service.name} is a consultation service; tickets are transferred to issue services (이슈 관리).`, {
      serviceId: service.id,
    });
  }
  if (body.intakeTypeId) {
    const category = await findServiceCategory(sql, body.intakeTypeId, service.id, 'intake');
    if (!category) throw invalidReference('intakeTypeId', body.intakeTypeId, 'is not an intake type of the issue service');
  }
  const fields = Object.entries(body.fields);
  const request = {
    transferId: businessId('IT'),
    issueTicketId: businessId('T'),
    serviceId: service.id,
    intakeTypeId: body.intakeTypeId ?? null,
    subject: body.subject,
    content: fields.length > 0 ? `${body.content}\n\n${fields.map(([label, value]) => `${label}: ${value}`).join('\n')}` : body.content,
    fields: body.fields,
    creatorId: actorIdOf(agent),
    customer: {
      id: businessId('U', 12),
      name: ticket.customer?.name ?? null,
      email: ticket.customer?.email ?? null,
      phone: ticket.customer?.phone ?? null,
      userId: null,
    },
    at: new Date().toISOString(),
  };
  const actor = ticketActor(agent, await callerGroupIds(sql, agent, ticket.serviceId));
  await sendTicketCommand(deps.temporal, ticket.id, actor, { kind: 'transfer_issue', request });
  const transfer = (await listIssueTransfers(sql, ticket.id)).find((t) => t.id === request.transferId)!;
  return c.json(transfer, 201);
};

export const requestGuidance: AppRouteHandler<typeof routes.requestGuidance> = async (c) => {
  const { deps, agent } = c.var;
  const ticket = await requireTicketAccess(deps.sql, agent, c.req.valid('param').id);
  const [origin] = await listIssueTransfers(deps.sql, ticket.id, 'issue');
  if (!origin) throw new ApiError(409, 'transfer.not_issue_ticket', 'Only a ticket transferred to an issue service can ask for customer guidance.');
  const id = businessId('GR');
  const { body } = c.req.valid('json');
  await insertGuidanceRequest(deps.sql, { id, issueTransferId: origin.id, sourceTicketId: origin.sourceTicketId, requestedBy: actorIdOf(agent), body });
  await deps.temporal.workflow
    .getHandle(ticketWorkflowId(origin.sourceTicketId))
    .signal(guidanceRequestedSignal, { requestId: id, issueTicketId: ticket.id, body })
    .catch((error: unknown) => {
      // A closed original keeps the request (and the counter) without a history entry.
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    });
  return c.json((await findGuidanceRequest(deps.sql, id))!, 201);
};

export const completeGuidance: AppRouteHandler<typeof routes.completeGuidance> = async (c) => {
  const { deps, agent } = c.var;
  const { id } = c.req.valid('param');
  const request = await findGuidanceRequest(deps.sql, id);
  if (!request) throw notFound('guidance_request', id);
  await requireTicketAccess(deps.sql, agent, request.sourceTicketId).catch((error: unknown) => {
    if (error instanceof ApiError && error.status === 404) throw notFound('guidance_request', id);
    throw error;
  });
  if (!(await completeGuidanceRequest(deps.sql, id, actorIdOf(agent)))) {
    throw new ApiError(409, 'guidance_request.done', 'This guidance request is already done.', { doneAt: request.doneAt });
  }
  return c.json((await findGuidanceRequest(deps.sql, id))!, 200);
};
