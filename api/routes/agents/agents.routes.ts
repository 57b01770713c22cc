import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses } from '../../errors';
import { json } from '../../openapi';
import { AgentAccount, AgentChangesBody, AgentParams, NewAgentBody } from './agents.schemas';

const tags = ['Agents'];

export const listAgents = createRoute({
  method: 'get',
  path: '/agents',
  tags,
  summary: "The organisation's agents, in the order they were added",
  responses: { 200: { description: 'Agents', content: json(z.array(AgentAccount)) }, ...errorResponses(401) },
});

export const getAgent = createRoute({
  method: 'get',
  path: '/agents/{id}',
  tags,
  request: { params: AgentParams },
  responses: { 200: { description: 'The agent', content: json(AgentAccount) }, ...errorResponses(401, 404) },
});

export const createAgent = createRoute({
  method: 'post',
  path: '/agents',
  tags,
  summary: 'Create an agent in one or more groups (admins and organisation admins)',
  description: 'Only an organisation admin may create another organisation admin. The change is audit-logged.',
  request: { body: { required: true, content: json(NewAgentBody) } },
  responses: {
    201: { description: 'The new agent', content: json(AgentAccount) },
    ...errorResponses(400, 401, 403, 409, 413, 422),
  },
});

export const updateAgent = createRoute({
  method: 'patch',
  path: '/agents/{id}',
  tags,
  summary: "Change an agent's name, role, permissions or active flag (admins and organisation admins)",
  description: 'Each change is audit-logged with its before and after values.',
  request: { params: AgentParams, body: { required: true, content: json(AgentChangesBody) } },
  responses: {
    200: { description: 'The agent after the change', content: json(AgentAccount) },
    ...errorResponses(400, 401, 403, 404, 409, 413),
  },
});
