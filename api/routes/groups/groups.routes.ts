import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses } from '../../errors';
import { json } from '../../openapi';
import { ServiceIdParams } from '../../params';
import { Group, GroupMembersBody, GroupParams, NewGroupBody } from './groups.schemas';

const tags = ['Groups'];

export const listGroups = createRoute({
  method: 'get',
  path: '/services/{serviceId}/groups',
  tags,
  summary: "A service's groups with their members",
  request: { params: ServiceIdParams },
  responses: { 200: { description: 'Groups, oldest first', content: json(z.array(Group)) }, ...errorResponses(401, 404) },
});

export const createGroup = createRoute({
  method: 'post',
  path: '/services/{serviceId}/groups',
  tags,
  summary: 'Create a group (admins and organisation admins)',
  request: { params: ServiceIdParams, body: { required: true, content: json(NewGroupBody) } },
  responses: {
    201: { description: 'The new group, without members', content: json(Group) },
    ...errorResponses(400, 401, 403, 404, 409, 413),
  },
});

export const replaceGroupMembers = createRoute({
  method: 'put',
  path: '/groups/{id}/members',
  tags,
  summary: 'Replace the membership of a group (admins and organisation admins)',
  description:
    'Agents must keep at least one group: a change that would leave an agent with none is refused with `agent.group_required`.',
  request: { params: GroupParams, body: { required: true, content: json(GroupMembersBody) } },
  responses: {
    200: { description: 'The group after the change', content: json(Group) },
    ...errorResponses(400, 401, 403, 404, 409, 413, 422),
  },
});
