import { streamSSE } from 'hono/streaming';
import { BULK_REPLY_KINDS, bulkJobWorkflowId, type BulkAction } from '../../../domain/bulk';
import { businessId } from '../../../domain/ids';
import type { Actor } from '../../../domain/people';
import {
  deleteBulkJob,
  findBulkJobProgress,
  findOrgTicketsForBulk,
  insertBulkJob,
  type BulkJobProgress,
  type BulkTicketRow,
} from '../../../store/bulk-jobs';
import type { Db, Sql } from '../../../store/db';
import { findServiceCategory, groupOfServiceExists, isAssignableGroupMember } from '../../../store/tickets';
import type { FieldValue } from '../../../domain/ticket';
import { bulkJob } from '../../../workflows/bulk-job';
import { callerGroupIds } from '../../access';
import { actorIdOf, ticketActor, type AuthenticatedAgent } from '../../auth/agent';
import type { AppRouteHandler } from '../../context';
import { ApiError, invalidReference, notFound } from '../../errors';
import { requireFilledFields, ticketFields } from '../../fields';
import { requirePermission } from '../../permissions';
import type * as routes from './bulk-jobs.routes';

/** How often the event stream looks at the job's progress. */
const PROGRESS_POLL_MS = 300;

/** Tickets outside the service a group or resolution type belongs to: refused up front, naming them. */
function requireOneService(tickets: BulkTicketRow[], serviceId: string, what: string): void {
  const outside = tickets.filter((ticket) => ticket.serviceId !== serviceId).map((ticket) => ticket.id);
  if (outside.length > 0) {
    throw new ApiError(422, 'bulk.other_service', `${what} belongs to another service than some selected tickets.`, { ticketIds: outside });
  }
}

/** The references the action names, checked against the selected tickets' service. */
async function checkActionReferences(sql: Db, action: BulkAction, tickets: BulkTicketRow[]): Promise<void> {
  if (action.kind === 'forward') {
    const serviceId = tickets[0].serviceId;
    if (!(await groupOfServiceExists(sql, action.groupId, serviceId))) {
      // Either unknown, or of another service than the first ticket's: say which.
      throw invalidReference('action.groupId', action.groupId, 'is not a group of the selected tickets’ service');
    }
    requireOneService(tickets, serviceId, `Group ${action.groupId}`);
    if (action.agentId && !(await isAssignableGroupMember(sql, action.groupId, action.agentId))) {
      throw invalidReference('action.agentId', action.agentId, 'is not an active agent of that group');
    }
  }
  if (action.kind === 'resolve' && action.resolutionTypeId) {
    const serviceId = tickets[0].serviceId;
    const category = await findServiceCategory(sql, action.resolutionTypeId, serviceId, 'resolution');
    if (!category?.enabled) throw invalidReference('action.resolutionTypeId', action.resolutionTypeId, 'is not an enabled resolution type of the selected tickets’ service');
    requireOneService(tickets, serviceId, `Resolution type ${action.resolutionTypeId}`);
  }
}

/** Tickets a resolve must skip because a required field is empty, as the refusal a single resolve would give. */
async function missingRequiredFields(sql: Db, action: BulkAction, tickets: BulkTicketRow[]) {
  if (action.kind !== 'resolve') return [];
  const refusals: { ticketId: string; code: string; message: string }[] = [];
  for (const ticket of tickets) {
    try {
      const fields = await ticketFields(sql, ticket.serviceId, ticket.intakeTypeId);
      const values = { customer: ticket.customerFields as Record<string, FieldValue>, agent: ticket.agentFields as Record<string, FieldValue> };
      requireFilledFields(fields, ['customer', 'agent'], values, 'before resolving');
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      refusals.push({ ticketId: ticket.id, code: error.code, message: error.message });
    }
  }
  return refusals;
}

async function actorsByService(sql: Sql, agent: AuthenticatedAgent, tickets: BulkTicketRow[]): Promise<Record<string, Actor>> {
  const actors: Record<string, Actor> = {};
  for (const serviceId of new Set(tickets.map((ticket) => ticket.serviceId))) {
    actors[serviceId] = ticketActor(agent, await callerGroupIds(sql, agent, serviceId));
  }
  return actors;
}

async function requireJob(sql: Db, agent: AuthenticatedAgent, id: string): Promise<BulkJobProgress> {
  const job = await findBulkJobProgress(sql, agent.orgId, id);
  // Another person's job answers as an unknown one, unless the reader is an admin.
  if (!job || (agent.role !== 'admin' && job.actorId !== actorIdOf(agent))) throw notFound('bulk_job', id);
  return job;
}

export const createBulkJob: AppRouteHandler<typeof routes.createBulkJob> = async (c) => {
  const { sql, temporal, taskQueue, config } = c.get('deps');
  const agent = c.get('agent');
  const { ticketIds, action } = c.req.valid('json');
  if (agent.role === 'org_admin') throw new ApiError(403, 'ticket.forbidden', 'Organisation admins do no ticket work.');
  requirePermission(agent, 'ticket', 'Bulk work on tickets');

  const found = await findOrgTicketsForBulk(sql, agent.orgId, ticketIds);
  const byId = new Map(found.map((ticket) => [ticket.id, ticket]));
  const unknown = ticketIds.filter((id) => !byId.has(id));
  if (unknown.length > 0) throw new ApiError(422, 'bulk.unknown_tickets', 'Some selected tickets do not exist.', { ticketIds: unknown });
  const tickets = ticketIds.map((id) => byId.get(id)!);
  if (BULK_REPLY_KINDS.includes(action.kind)) {
    const unassigned = tickets.filter((ticket) => ticket.assigneeId === null).map((ticket) => ticket.id);
    if (unassigned.length > 0) {
      throw new ApiError(422, 'bulk.unassigned_tickets', 'A bulk reply needs every selected ticket to have an assignee.', { ticketIds: unassigned });
    }
  }
  await checkActionReferences(sql, action, tickets);
  const refusedUpFront = await missingRequiredFields(sql, action, tickets);

  const id = businessId('B');
  await insertBulkJob(sql, { id, orgId: agent.orgId, actorId: actorIdOf(agent), action, ticketIds, refusedUpFront });
  const refusedIds = new Set(refusedUpFront.map((refusal) => refusal.ticketId));
  const items = tickets.filter((ticket) => !refusedIds.has(ticket.id)).map((ticket) => ({ ticketId: ticket.id, serviceId: ticket.serviceId }));
  try {
    await temporal.workflow.start(bulkJob, {
      workflowId: bulkJobWorkflowId(id),
      taskQueue,
      args: [{ jobId: id, action, items, actors: await actorsByService(sql, agent, tickets), concurrency: config.BULK_JOB_CONCURRENCY }],
    });
  } catch (error) {
    await deleteBulkJob(sql, id);
    throw error;
  }
  return c.json((await findBulkJobProgress(sql, agent.orgId, id))!, 202);
};

export const getBulkJob: AppRouteHandler<typeof routes.getBulkJob> = async (c) => {
  return c.json(await requireJob(c.get('deps').sql, c.get('agent'), c.req.valid('param').id), 200);
};

export const bulkJobEvents: AppRouteHandler<typeof routes.bulkJobEvents> = async (c) => {
  const { sql } = c.get('deps');
  const agent = c.get('agent');
  const first = await requireJob(sql, agent, c.req.valid('param').id);
  return streamSSE(c, async (stream) => {
    let job = first;
    let sent = '';
    for (;;) {
      const data = JSON.stringify(job);
      if (data !== sent) {
        await stream.writeSSE({ event: job.status === 'finished' ? 'finished' : 'progress', data });
        sent = data;
      }
      if (job.status === 'finished' || stream.aborted) break;
      await stream.sleep(PROGRESS_POLL_MS);
      job = (await findBulkJobProgress(sql, agent.orgId, job.id))!;
    }
  }) as never;
};
