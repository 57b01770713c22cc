import { createHash } from 'node:crypto';
import type { z } from '@hono/zod-openapi';
import { businessId } from '../../../domain/ids';
import type { CallbackActor } from '../../../domain/callback';
import { callbackWorkflowId } from '../../../domain/callback';
import {
  bindCallbackIdempotencyKey,
  eligibleCallbackAgents,
  findCallbackIdempotencyKey,
  findCallbackInOrg,
  listCallbackEvents,
  listCallbackPage,
  listPhonePresence,
  openCallbackCounts,
  setPhonePresence,
  type CallbackView,
} from '../../../store/callbacks';
import { callbackStats as loadCallbackStats, type CallbackStatsRow } from '../../../store/callback-stats';
import { findAgent } from '../../../store/directory/agents';
import { findIvrRouteByCode } from '../../../store/ivr-routes';
import { findServiceCategory } from '../../../store/tickets';
import type { Sql } from '../../../store/db';
import { tableHeaders, tableStream, type Column } from '../../../infra/tabular';
import { mintHookUrl } from '../../../infra/signing';
import { openedUpdate, ticketWorkflowId } from '../../../workflows/ticket';
import { actorIdOf, requireRole, type AuthenticatedAgent } from '../../auth/agent';
import { callerGroupIds } from '../../access';
import type { ApiDeps, AppRouteHandler } from '../../context';
import { ApiError, invalidReference, notFound } from '../../errors';
import { invalid } from '../../validation';
import { callbackApiError, sendCallbackCommand, startCallback, type CommandArgs } from './callbacks.commands';
import type * as routes from './callbacks.routes';
import type { StatsQuery } from './callbacks.schemas';

/** How far in the past a requested time may be (clock skew between the phone system and us). */
const PAST_TOLERANCE_MS = 60_000;
const ANSWER_URL_ACTION = 'answer';

/** Admins and agents with the callback-assign permission see and assign every request; other agents their own. */
const mayAssign = (agent: AuthenticatedAgent) => agent.role === 'admin' || agent.permissions.includes('callback_assign');

function requireCallbackWorker(agent: AuthenticatedAgent): void {
  if (agent.role === 'org_admin') throw new ApiError(403, 'callback.forbidden', 'Organisation admins manage organisation settings only; callbacks are for admins and agents.');
}

function requireAssigner(agent: AuthenticatedAgent): void {
  requireCallbackWorker(agent);
  if (!mayAssign(agent)) throw new ApiError(403, 'callback.assign_forbidden', 'Assigning callback requests needs an admin or the callback-assign permission.');
}

const actorOf = (agent: AuthenticatedAgent): CallbackActor => ({
  kind: agent.apiClient ? 'api_client' : 'agent',
  id: actorIdOf(agent),
  role: agent.role,
  permissions: agent.permissions,
});

/** A request the caller may read: 404 outside their organisation, 403 an agent's request that is not theirs. */
async function requireCallbackAccess(sql: Sql, agent: AuthenticatedAgent, id: string): Promise<CallbackView> {
  requireCallbackWorker(agent);
  const callback = await findCallbackInOrg(sql, agent.orgId, id);
  if (!callback) throw notFound('callback', id);
  if (!mayAssign(agent) && callback.assignee?.id !== agent.id) {
    throw new ApiError(403, 'callback.forbidden', 'Agents see only the callback requests assigned to them.', { callbackId: id });
  }
  return callback;
}

async function reload(sql: Sql, orgId: string, id: string): Promise<CallbackView> {
  return (await findCallbackInOrg(sql, orgId, id))!;
}

/** Digits only (and a leading +), as the list shows and the phone search matches. */
export const normalisePhone = (phone: string) => phone.replace(/[\s-]/g, '');

export const createCallback: AppRouteHandler<typeof routes.createCallback> = async (c) => {
  const { sql, temporal, taskQueue, config } = c.var.deps;
  const agent = c.var.agent;
  requireCallbackWorker(agent);
  const body = c.req.valid('json');
  const route = await findIvrRouteByCode(sql, agent.orgId, body.routeCode);
  if (!route) {
    throw invalid('callback.invalid', 'callback request', [
      { path: ['routeCode'], code: 'reference.unknown_route', message: `no IVR route has the code ${body.routeCode}` },
    ]);
  }
  const now = Date.now();
  if (body.requestedAt && Date.parse(body.requestedAt) < now - PAST_TOLERANCE_MS) {
    throw invalid('callback.invalid', 'callback request', [
      { path: ['requestedAt'], code: 'callback.requested_in_past', message: 'the requested time is in the past' },
    ]);
  }

  const key = c.req.valid('header')['idempotency-key'];
  let callbackId = businessId('C');
  let repeated = false;
  if (key) {
    const requestHash = createHash('sha256').update(JSON.stringify(body)).digest('hex');
    const claimed = await bindCallbackIdempotencyKey(sql, { agentId: agent.id, key, requestHash, callbackId });
    if (!claimed) {
      const existing = (await findCallbackIdempotencyKey(sql, agent.id, key))!;
      if (existing.request_hash !== requestHash) throw new ApiError(422, 'idempotency.key_reused', 'This Idempotency-Key was used for a different request.', { key });
      callbackId = existing.callback_id;
      repeated = true;
    }
  }
  const at = new Date(now).toISOString();
  await startCallback(
    temporal,
    taskQueue,
    {
      callbackId,
      serviceId: route.serviceId,
      routeId: route.id,
      phone: normalisePhone(body.phone),
      customerRef: body.customerRef ?? null,
      requestedAt: body.requestedAt ? new Date(body.requestedAt).toISOString() : at,
      creatorId: actorIdOf(agent),
      at,
    },
    key !== undefined,
  );
  if (repeated) c.header('idempotent-replayed', 'true');
  const keys = config.CALLBACK_SIGNING_KEY;
  const answerUrl = keys
    ? mintHookUrl(keys, config.PUBLIC_URL, {
        workflowId: callbackWorkflowId(callbackId),
        action: ANSWER_URL_ACTION,
        ttlSeconds: config.CALLBACK_URL_TTL_HOURS * 3600,
        singleUse: false,
      }).url
    : null;
  return c.json({ ...(await reload(sql, agent.orgId, callbackId)), answerUrl }, 201);
};

/** The first instant of a local day, and the first instant after the last one: the period [from, to]. */
function period(timezone: string, from?: string, to?: string): { from?: string; to?: string } {
  const start = (day: string) => zonedMidnight(day, timezone).toISOString();
  const next = (day: string) => {
    const date = new Date(`${day}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() + 1);
    return start(date.toISOString().slice(0, 10));
  };
  return { from: from ? start(from) : undefined, to: to ? next(to) : undefined };
}

/** Midnight of a local date in a time zone, as an instant. */
function zonedMidnight(day: string, timezone: string): Date {
  const utc = new Date(`${day}T00:00:00Z`);
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: timezone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(utc);
  const value = (type: string) => Number(parts.find((part) => part.type === type)!.value);
  const shown = Date.UTC(value('year'), value('month') - 1, value('day'), value('hour'), value('minute'), value('second'));
  return new Date(utc.getTime() - (shown - utc.getTime()));
}

function encodeCursor(last: CallbackView): string {
  return Buffer.from(`${last.createdAt}|${last.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: string; id: string } {
  const [createdAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!id || Number.isNaN(Date.parse(createdAt))) throw new ApiError(400, 'request.invalid_cursor', 'The cursor is not one this API returned.');
  return { createdAt, id };
}

export const listCallbacks: AppRouteHandler<typeof routes.listCallbacks> = async (c) => {
  const { sql } = c.var.deps;
  const agent = c.var.agent;
  requireCallbackWorker(agent);
  const { cursor, timezone, from, to, phone, ...query } = c.req.valid('query');
  const { items, more } = await listCallbackPage(sql, agent.orgId, {
    ...query,
    ...period(timezone, from, to),
    phone: phone ? normalisePhone(phone) : undefined,
    ownerId: mayAssign(agent) ? undefined : agent.id,
    after: cursor ? decodeCursor(cursor) : null,
  });
  return c.json({ items, nextCursor: more ? encodeCursor(items[items.length - 1]) : null }, 200);
};

export const getCallback: AppRouteHandler<typeof routes.getCallback> = async (c) => {
  return c.json(await requireCallbackAccess(c.var.deps.sql, c.var.agent, c.req.valid('param').id), 200);
};

export const callbackEvents: AppRouteHandler<typeof routes.callbackEvents> = async (c) => {
  const { sql } = c.var.deps;
  const callback = await requireCallbackAccess(sql, c.var.agent, c.req.valid('param').id);
  return c.json(await listCallbackEvents(sql, callback.id), 200);
};

async function runCommand(c: { var: { deps: Pick<ApiDeps, 'sql' | 'temporal'>; agent: AuthenticatedAgent } }, id: string, command: CommandArgs) {
  const { sql, temporal } = c.var.deps;
  const callback = await requireCallbackAccess(sql, c.var.agent, id);
  await sendCallbackCommand(temporal, callback.id, actorOf(c.var.agent), command);
  return reload(sql, c.var.agent.orgId, callback.id);
}

export const connect: AppRouteHandler<typeof routes.connect> = async (c) => {
  const body = c.req.valid('json');
  return c.json(await runCommand(c, c.req.valid('param').id, { kind: 'connect', ...body }), 200);
};

export const complete: AppRouteHandler<typeof routes.complete> = async (c) => {
  const body = c.req.valid('json');
  return c.json(await runCommand(c, c.req.valid('param').id, { kind: 'complete', ...body }), 200);
};

/**
 * Registers the call as a ticket on the phone channel (customer merged by phone number), started by the request's
 * workflow as a child that outlives it; answers once the ticket is stored.
 */
export const registerHistory: AppRouteHandler<typeof routes.registerHistory> = async (c) => {
  const { sql, temporal } = c.var.deps;
  const agent = c.var.agent;
  const body = c.req.valid('json');
  const callback = await requireCallbackAccess(sql, agent, c.req.valid('param').id);
  const intakeTypeId = body.intakeTypeId ?? (await routeIntakeType(sql, agent.orgId, callback.route.code));
  if (body.intakeTypeId) {
    const category = await findServiceCategory(sql, body.intakeTypeId, callback.serviceId, 'intake');
    if (!category?.enabled) throw invalidReference('intakeTypeId', body.intakeTypeId, 'is not an enabled intake type of this service');
  }
  // The agent who spoke to the customer keeps the ticket, in their first group of the service.
  const [groupId = null] = await callerGroupIds(sql, agent, callback.serviceId);
  const ticketId = businessId('T');
  const at = new Date().toISOString();
  await sendCallbackCommand(temporal, callback.id, actorOf(agent), {
    kind: 'register_history',
    ticketId,
    ticket: {
      ticketId,
      serviceId: callback.serviceId,
      channel: 'phone',
      subject: body.subject ?? `Callback ${callback.phone} (${callback.route.name})`,
      content: body.content ?? `Callback request ${callback.id} through ${callback.route.name} (${callback.route.code}).`,
      priority: 'normal',
      intakeTypeId,
      groupId,
      assigneeId: groupId ? agent.id : null,
      creatorId: actorIdOf(agent),
      tags: ['callback'],
      customer: { id: businessId('U', 12), name: null, email: null, phone: callback.phone, userId: null },
      at,
    },
  });
  await temporal.workflow.getHandle(ticketWorkflowId(ticketId)).executeUpdate(openedUpdate);
  return c.json(await reload(sql, agent.orgId, callback.id), 200);
};

async function routeIntakeType(sql: Sql, orgId: string, code: string): Promise<string | null> {
  return (await findIvrRouteByCode(sql, orgId, code))?.intakeTypeId ?? null;
}

/** Checks the batch's requests exist in the caller's organisation and the agents are its active agents. */
async function loadBatch(sql: Sql, agent: AuthenticatedAgent, callbackIds: string[]): Promise<CallbackView[]> {
  const callbacks: CallbackView[] = [];
  for (const id of [...new Set(callbackIds)]) {
    const callback = await findCallbackInOrg(sql, agent.orgId, id);
    if (!callback) throw notFound('callback', id);
    callbacks.push(callback);
  }
  return callbacks;
}

type Outcome = { done: { callbackId: string; agentId: string | null }[]; skipped: { callbackId: string; code: string; message: string }[] };

/**
 * Even (균등할당): each request in turn goes to the eligible selected agent with the fewest open requests (ties in
 * the order given). Manual (수동할당): every request to the one agent. A request another assigner took meanwhile is
 * refused by its workflow and reported as skipped, so each request ends with exactly one assignee.
 */
export const assign: AppRouteHandler<typeof routes.assign> = async (c) => {
  const { sql, temporal } = c.var.deps;
  const agent = c.var.agent;
  requireAssigner(agent);
  const body = c.req.valid('json');
  const agentIds = [...new Set(body.agentIds)];
  for (const agentId of agentIds) {
    const target = await findAgent(sql, agent.orgId, agentId);
    if (!target || !target.active || target.role === 'org_admin') throw invalidReference('agentIds', agentId, 'is not an active agent of this organisation');
  }
  const callbacks = await loadBatch(sql, agent, body.callbackIds);
  const open = await openCallbackCounts(sql, agentIds);
  const eligibleByService = new Map<string, string[]>();
  const outcome: Outcome = { done: [], skipped: [] };
  for (const callback of callbacks) {
    if (!eligibleByService.has(callback.serviceId)) {
      eligibleByService.set(callback.serviceId, await eligibleCallbackAgents(sql, callback.serviceId, agentIds, body.mode === 'even' && body.loggedInOnly));
    }
    const eligible = agentIds.filter((id) => eligibleByService.get(callback.serviceId)!.includes(id));
    const chosen = eligible.reduce<string | null>((best, id) => (best === null || open.get(id)! < open.get(best)! ? id : best), null);
    if (!chosen) {
      outcome.skipped.push({ callbackId: callback.id, code: 'callback.no_eligible_agent', message: 'None of the selected agents works in this request’s service (or is logged in to the phone).' });
      continue;
    }
    try {
      await sendCallbackCommand(temporal, callback.id, actorOf(agent), { kind: 'assign', agentId: chosen });
      open.set(chosen, open.get(chosen)! + 1);
      outcome.done.push({ callbackId: callback.id, agentId: chosen });
    } catch (error) {
      outcome.skipped.push(skipped(callback.id, error));
    }
  }
  return c.json(outcome, 200);
};

export const cancelAssignment: AppRouteHandler<typeof routes.cancelAssignment> = async (c) => {
  const { sql, temporal } = c.var.deps;
  const agent = c.var.agent;
  requireAssigner(agent);
  const callbacks = await loadBatch(sql, agent, c.req.valid('json').callbackIds);
  const outcome: Outcome = { done: [], skipped: [] };
  for (const callback of callbacks) {
    try {
      await sendCallbackCommand(temporal, callback.id, actorOf(agent), { kind: 'cancel_assignment' });
      outcome.done.push({ callbackId: callback.id, agentId: null });
    } catch (error) {
      outcome.skipped.push(skipped(callback.id, error));
    }
  }
  return c.json(outcome, 200);
};

function skipped(callbackId: string, error: unknown): Outcome['skipped'][number] {
  const refusal = error instanceof ApiError ? error : callbackApiError(error);
  return { callbackId, code: refusal.code, message: refusal.message };
}

async function stats(c: { var: { deps: { sql: Sql }; agent: AuthenticatedAgent } }, query: z.infer<typeof StatsQuery>) {
  const agent = c.var.agent;
  requireRole(agent, 'admin');
  const { from, to } = period(query.timezone, query.from, query.to);
  return loadCallbackStats(c.var.deps.sql, { ...query, orgId: agent.orgId, from: from!, to: to! });
}

export const callbackStats: AppRouteHandler<typeof routes.callbackStats> = async (c) => {
  return c.json(await stats(c, c.req.valid('query')), 200);
};

const STATS_COLUMNS: Column<CallbackStatsRow>[] = [
  { header: 'Key', value: (row) => row.key, width: 22 },
  { header: 'Label', value: (row) => row.label, width: 24 },
  { header: 'Received', value: (row) => row.received },
  { header: 'Assigned', value: (row) => row.assigned },
  { header: 'Completed', value: (row) => row.completed },
  { header: 'Unprocessed', value: (row) => row.unprocessed },
  { header: 'Completion rate', value: (row) => (row.completionRate === null ? null : Math.round(row.completionRate * 10_000) / 100), width: 16 },
  { header: 'Attempts', value: (row) => row.attempts },
];

export const exportCallbackStats: AppRouteHandler<typeof routes.exportCallbackStats> = async (c) => {
  const { format, ...query } = c.req.valid('query');
  const { rows, total } = await stats(c, query);
  const headers = tableHeaders(format, `callback-status-${query.groupBy}-${query.from}-${query.to}`);
  return c.body(tableStream(format, STATS_COLUMNS, [...rows, total], { sheetName: 'Callback status' }), 200, headers) as never;
};

export const listPresence: AppRouteHandler<typeof routes.listPresence> = async (c) => {
  requireCallbackWorker(c.var.agent);
  return c.json(await listPhonePresence(c.var.deps.sql, c.var.agent.orgId), 200);
};

/** The phone system (an API client of an admin) sets anyone's presence; an agent may set their own. */
export const setPresence: AppRouteHandler<typeof routes.setPresence> = async (c) => {
  const { sql } = c.var.deps;
  const agent = c.var.agent;
  requireCallbackWorker(agent);
  const { agentId } = c.req.valid('param');
  if (agent.role !== 'admin' && agentId !== agent.id) {
    throw new ApiError(403, 'auth.forbidden', 'Only admins (or the phone system acting for one) set another agent’s phone presence.');
  }
  const target = await findAgent(sql, agent.orgId, agentId);
  if (!target) throw notFound('agent', agentId);
  const { presence } = c.req.valid('json');
  const updatedAt = await setPhonePresence(sql, agentId, presence);
  return c.json({ agentId, name: target.name, presence, updatedAt }, 200);
};
