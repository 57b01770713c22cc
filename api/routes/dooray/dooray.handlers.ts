import { randomBytes, timingSafeEqual } from 'node:crypto';
import { WorkflowNotFoundError } from '@temporalio/common';
import { businessId } from '../../../domain/ids';
import { DoorayError } from '../../../clients/dooray';
import { doorayClientFor, doorayTokenContext } from '../../../activities/dooray';
import {
  findDoorayOrganization,
  findDoorayProjectForHook,
  insertDoorayOrganization,
  insertDoorayProject,
  listDoorayMembers,
  listDoorayOrganizations,
  listDoorayProjects,
  ourDoorayMemberIds,
  setDoorayMember,
  updateDoorayOrganization,
} from '../../../store/dooray-settings';
import { isUniqueViolation } from '../../../store/errors';
import { findTransferByPost, insertDoorayComment } from '../../../store/transfers';
import { doorayTaskMovedSignal } from '../../../workflows/ticket-signals';
import { ticketWorkflowId } from '../../../workflows/ticket';
import { actorIdOf, requireRole } from '../../auth/agent';
import type { ApiDeps, AppRouteHandler } from '../../context';
import { ApiError, notFound } from '../../errors';
import { doorayDeps, requireKeyring } from './dooray.keyring';
import type * as routes from './dooray.routes';

async function requireOrganization(deps: ApiDeps, orgId: string, id: string) {
  const organization = await findDoorayOrganization(deps.sql, orgId, id);
  if (!organization) throw notFound('dooray_organization', id);
  return organization;
}

const strip = <T extends { apiTokenSealed?: string }>({ apiTokenSealed: _sealed, ...organization }: T) => organization;

const hookUrl = (deps: ApiDeps, project: { id: string; webhookSecret: string }) =>
  `${deps.config.PUBLIC_URL}/hooks/dooray/${project.id}/${project.webhookSecret}`;

export const listOrganizations: AppRouteHandler<typeof routes.listOrganizations> = async (c) => {
  requireRole(c.get('agent'), 'org_admin', 'admin', 'agent');
  return c.json(await listDoorayOrganizations(c.get('deps').sql, c.get('agent').orgId), 200);
};

export const createOrganization: AppRouteHandler<typeof routes.createOrganization> = async (c) => {
  const { agent, deps } = c.var;
  requireRole(agent, 'org_admin', 'admin');
  const keyring = requireKeyring(deps);
  const body = c.req.valid('json');
  const id = businessId('DO');
  await insertDoorayOrganization(
    deps.sql,
    { id, orgId: agent.orgId, name: body.name, doorayOrgId: body.doorayOrgId, apiBaseUrl: body.apiBaseUrl, apiTokenSealed: keyring.seal(body.apiToken, doorayTokenContext(id)) },
    actorIdOf(agent),
  ).catch((error: unknown) => {
    if (isUniqueViolation(error, 'dooray_organizations_org_id_name_key')) {
      throw new ApiError(409, 'dooray.name_taken', `A Dooray organisation named ${body.name} is already registered.`, { name: body.name });
    }
    throw error;
  });
  return c.json(strip((await requireOrganization(deps, agent.orgId, id))), 201);
};

export const updateOrganization: AppRouteHandler<typeof routes.updateOrganization> = async (c) => {
  const { agent, deps } = c.var;
  requireRole(agent, 'org_admin', 'admin');
  const { id } = c.req.valid('param');
  const body = c.req.valid('json');
  await requireOrganization(deps, agent.orgId, id);
  const apiTokenSealed = body.apiToken === undefined ? undefined : requireKeyring(deps).seal(body.apiToken, doorayTokenContext(id));
  await updateDoorayOrganization(deps.sql, id, { name: body.name, apiBaseUrl: body.apiBaseUrl, paused: body.paused, apiTokenSealed }, actorIdOf(agent)).catch(
    (error: unknown) => {
      if (isUniqueViolation(error, 'dooray_organizations_org_id_name_key')) {
        throw new ApiError(409, 'dooray.name_taken', `A Dooray organisation named ${body.name} is already registered.`, { name: body.name });
      }
      throw error;
    },
  );
  return c.json(strip(await requireOrganization(deps, agent.orgId, id)), 200);
};

export const listProjects: AppRouteHandler<typeof routes.listProjects> = async (c) => {
  const { agent, deps } = c.var;
  const { id } = c.req.valid('param');
  await requireOrganization(deps, agent.orgId, id);
  const isAdmin = agent.role !== 'agent';
  const projects = await listDoorayProjects(deps.sql, agent.orgId, id);
  return c.json(projects.map(({ webhookSecret, ...project }) => ({ ...project, webhookUrl: isAdmin ? hookUrl(deps, { id: project.id, webhookSecret }) : null })), 200);
};

export const createProject: AppRouteHandler<typeof routes.createProject> = async (c) => {
  const { agent, deps } = c.var;
  requireRole(agent, 'org_admin', 'admin');
  const { id } = c.req.valid('param');
  await requireOrganization(deps, agent.orgId, id);
  const body = c.req.valid('json');
  const project = { id: businessId('DP'), organizationId: id, ...body, webhookSecret: randomBytes(24).toString('base64url') };
  await insertDoorayProject(deps.sql, project, actorIdOf(agent)).catch((error: unknown) => {
    if (isUniqueViolation(error, 'dooray_projects_dooray_organization_id_dooray_project_id_key')) {
      throw new ApiError(409, 'dooray.project_taken', `Dooray project ${body.doorayProjectId} is already registered.`, { doorayProjectId: body.doorayProjectId });
    }
    throw error;
  });
  const { webhookSecret, ...shown } = (await listDoorayProjects(deps.sql, agent.orgId, id)).find((p) => p.id === project.id)!;
  return c.json({ ...shown, webhookUrl: hookUrl(deps, { id: project.id, webhookSecret }) }, 201);
};

export const listMembers: AppRouteHandler<typeof routes.listMembers> = async (c) => {
  const { agent, deps } = c.var;
  requireRole(agent, 'org_admin', 'admin');
  const { id } = c.req.valid('param');
  await requireOrganization(deps, agent.orgId, id);
  return c.json(await listDoorayMembers(deps.sql, agent.orgId, id), 200);
};

export const setMember: AppRouteHandler<typeof routes.setMember> = async (c) => {
  const { agent, deps } = c.var;
  requireRole(agent, 'org_admin', 'admin');
  const { id, agentId } = c.req.valid('param');
  await requireOrganization(deps, agent.orgId, id);
  const entry = (await listDoorayMembers(deps.sql, agent.orgId, id)).find((member) => member.agentId === agentId);
  if (!entry) throw notFound('agent', agentId);
  await setDoorayMember(deps.sql, { organizationId: id, agentId, memberId: c.req.valid('json').memberId, source: 'manual' }, actorIdOf(agent));
  return c.json((await listDoorayMembers(deps.sql, agent.orgId, id)).find((member) => member.agentId === agentId)!, 200);
};

export const lookupMembers: AppRouteHandler<typeof routes.lookupMembers> = async (c) => {
  const { agent, deps } = c.var;
  requireRole(agent, 'org_admin', 'admin');
  const { id } = c.req.valid('param');
  const organization = await requireOrganization(deps, agent.orgId, id);
  const missing = (await listDoorayMembers(deps.sql, agent.orgId, id)).filter((member) => member.memberId === null);
  const found = await doorayClientFor(doorayDeps(deps), organization)
    .membersByEmail(missing.map((member) => member.agentEmail))
    .catch(doorayApiError);
  const notFoundEmails: string[] = [];
  for (const member of missing) {
    const memberId = found.get(member.agentEmail.toLowerCase());
    if (!memberId) notFoundEmails.push(member.agentEmail);
    else await setDoorayMember(deps.sql, { organizationId: id, agentId: member.agentId, memberId, source: 'lookup' }, actorIdOf(agent));
  }
  return c.json({ found: missing.length - notFoundEmails.length, notFound: notFoundEmails, members: await listDoorayMembers(deps.sql, agent.orgId, id) }, 200);
};

/** A failed Dooray call as an API error: a permanent refusal is 422, anything else (down, slow, 429) 503. */
export function doorayApiError(error: unknown): never {
  if (!(error instanceof DoorayError)) throw error;
  if (error.permanent) throw new ApiError(422, 'dooray.rejected', error.message, { status: error.status });
  throw new ApiError(503, 'dooray.unavailable', `${error.message}; retry shortly.`, { status: error.status });
}

const sameSecret = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

export const doorayHook: AppRouteHandler<typeof routes.doorayHook> = async (c) => {
  const { deps } = c.var;
  const { projectId, secret } = c.req.valid('param');
  const project = await findDoorayProjectForHook(deps.sql, projectId);
  if (!project) throw notFound('dooray_project', projectId);
  if (!sameSecret(secret, project.webhookSecret)) throw new ApiError(401, 'dooray.hook_forbidden', 'The webhook secret does not match this project.');
  const payload = c.req.valid('json');
  if (payload.project && payload.project.id !== project.doorayProjectId) {
    throw new ApiError(422, 'request.invalid', `This webhook is for Dooray project ${project.doorayProjectId}, not ${payload.project.id}.`, {
      projectId: payload.project.id,
    });
  }
  const type = payload.webhookType ?? payload.hookEventType;
  if (type !== 'postWorkflowChanged' && type !== 'postCommentCreated') return c.json({ outcome: 'ignored' as const }, 200);
  const transfer = await findTransferByPost(deps.sql, project.id, payload.post.id);
  if (!transfer) return c.json({ outcome: 'unknown_post' as const }, 200);

  // Our own API calls come back as webhooks too: recognised by their origin and by the member we act as.
  if (payload.requestOrigin?.type === 'open-api') {
    const ours = await ourDoorayMemberIds(deps.sql, project.organizationId);
    const member = payload.comment?.creator?.member ?? payload.source?.member;
    const memberId = member?.organizationMemberId ?? member?.id;
    if (memberId && ours.has(memberId)) return c.json({ outcome: 'echo' as const }, 200);
  }

  if (type === 'postCommentCreated') {
    const comment = payload.comment;
    if (!comment) throw new ApiError(400, 'request.invalid', 'A postCommentCreated webhook needs its comment.');
    const at = comment.createdAt && !Number.isNaN(Date.parse(comment.createdAt)) ? new Date(comment.createdAt).toISOString() : new Date().toISOString();
    const stored = await insertDoorayComment(deps.sql, {
      transferId: transfer.id,
      commentId: comment.id,
      direction: 'in',
      authorId: null,
      authorName: comment.creator?.member?.name ?? null,
      body: comment.body.content,
      mimeType: comment.body.mimeType ?? 'text/x-markdown',
      at,
    });
    return c.json({ outcome: stored ? ('stored' as const) : ('duplicate' as const) }, 200);
  }

  const workflow = payload.workflow;
  if (!workflow) throw new ApiError(400, 'request.invalid', 'A postWorkflowChanged webhook needs its workflow.');
  const names = workflow.names ?? [];
  const name = names.find((entry) => entry.locale.startsWith('ko'))?.name ?? names[0]?.name ?? workflow.name ?? null;
  try {
    await deps.temporal.workflow
      .getHandle(ticketWorkflowId(transfer.ticketId))
      .signal(doorayTaskMovedSignal, { transferId: transfer.id, taskClass: workflow.class, name });
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return c.json({ outcome: 'ticket_closed' as const }, 200);
    throw error;
  }
  return c.json({ outcome: 'delivered' as const }, 200);
};
