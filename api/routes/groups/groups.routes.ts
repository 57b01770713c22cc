import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses } from '../../errors';
import { json } from '../../openapi';
import { ServiceIdParams } from '../../params';
import { Group, GroupChangesBody, GroupMembersBody, GroupParams, NewGroupBody } from './groups.schemas';

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

export const updateGroup = createRoute({
  method: 'patch',
  path: '/groups/{id}',
  tags,
  summary: 'Rename a group (admins and organisation admins)',
  request: { params: GroupParams, body: { required: true, content: json(GroupChangesBody) } },
  responses: { 200: { description: 'The group after the change', content: json(Group) }, ...errorResponses(400, 401, 403, 404, 409, 413) },
});

export const deleteGroup = createRoute({
  method: 'delete',
  path: '/groups/{id}',
  tags,
  summary: 'Delete a group nothing names any more (admins and organisation admins)',
  description:
    'Refused with `group.in_use` while tickets (of any status) or trigger drafts name the group, and with ' +
    '`agent.group_required` when it is the only group of some member.',
  request: { params: GroupParams },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(401, 403, 404, 409) },
});
