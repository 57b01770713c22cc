import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses } from '../../errors';
import { json } from '../../openapi';
import {
  HookOutcome,
  HookParams,
  HookPayload,
  LookupResult,
  Member,
  MemberBody,
  MemberParams,
  NewOrganizationBody,
  NewProjectBody,
  Organization,
  OrganizationParams,
  OrganizationPatchBody,
  Project,
} from './dooray.schemas';

const tags = ['Dooray!'];

export const listOrganizations = createRoute({
  method: 'get',
  path: '/dooray/organizations',
  tags,
  summary: 'Dooray! organisations (tokens are never returned)',
  responses: { 200: { description: 'Organisations', content: json(z.array(Organization)) }, ...errorResponses(401, 403) },
});

export const createOrganization = createRoute({
  method: 'post',
  path: '/dooray/organizations',
  tags,
  summary: 'Register a Dooray! organisation (admins); the API token is stored encrypted',
  request: { body: { required: true, content: json(NewOrganizationBody) } },
  responses: { 201: { description: 'The organisation', content: json(Organization) }, ...errorResponses(400, 401, 403, 409) },
});

export const updateOrganization = createRoute({
  method: 'patch',
  path: '/dooray/organizations/{id}',
  tags,
  summary: 'Rename, change the token or host, or pause transfers (admins)',
  request: { params: OrganizationParams, body: { required: true, content: json(OrganizationPatchBody) } },
  responses: { 200: { description: 'The organisation', content: json(Organization) }, ...errorResponses(400, 401, 403, 404, 409) },
});

export const listProjects = createRoute({
  method: 'get',
  path: '/dooray/organizations/{id}/projects',
  tags,
  summary: 'The organisation’s projects; admins also see each webhook URL',
  request: { params: OrganizationParams },
  responses: { 200: { description: 'Projects', content: json(z.array(Project)) }, ...errorResponses(401, 403, 404) },
});

export const createProject = createRoute({
  method: 'post',
  path: '/dooray/organizations/{id}/projects',
  tags,
  summary: 'Register a Dooray! project (admins); answers the webhook URL to set in Dooray',
  request: { params: OrganizationParams, body: { required: true, content: json(NewProjectBody) } },
  responses: { 201: { description: 'The project', content: json(Project) }, ...errorResponses(400, 401, 403, 404, 409) },
});

export const listMembers = createRoute({
  method: 'get',
  path: '/dooray/organizations/{id}/members',
  tags,
  summary: 'Agents and their Dooray! member ids (admins)',
  request: { params: OrganizationParams },
  responses: { 200: { description: 'Agents', content: json(z.array(Member)) }, ...errorResponses(401, 403, 404) },
});

export const setMember = createRoute({
  method: 'put',
  path: '/dooray/organizations/{id}/members/{agentId}',
  tags,
  summary: 'Set (or clear, with null) an agent’s Dooray! member id by hand (admins)',
  request: { params: MemberParams, body: { required: true, content: json(MemberBody) } },
  responses: { 200: { description: 'The agent’s entry', content: json(Member) }, ...errorResponses(400, 401, 403, 404) },
});

export const lookupMembers = createRoute({
  method: 'post',
  path: '/dooray/organizations/{id}/members/lookup',
  tags,
  summary: 'Look up agents without a member id by their email in Dooray! (admins)',
  request: { params: OrganizationParams },
  responses: { 200: { description: 'What was found', content: json(LookupResult) }, ...errorResponses(401, 403, 404, 422, 503) },
});

export const doorayHook = createRoute({
  method: 'post',
  path: '/hooks/dooray/{projectId}/{secret}',
  tags,
  summary: 'The project’s outgoing webhook (task status changed, comment added); no bearer token, the secret is in the URL',
  request: { params: HookParams, body: { required: true, content: json(HookPayload) } },
  responses: { 200: { description: 'What the delivery did', content: json(HookOutcome) }, ...errorResponses(400, 401, 404, 422) },
});
