import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses } from '../../errors';
import { json } from '../../openapi';
import { ServiceIdParams } from '../../params';
import {
  PublishBody,
  RollbackBody,
  RuleSetVersion,
  RuleSetVersionParams,
  RuleSetVersionsQuery,
  RuleSetVersionSummary,
} from './rule-versions.schemas';

const tags = ['Triggers'];

export const publishRuleSet = createRoute({
  method: 'post',
  path: '/services/{serviceId}/rule-versions',
  tags,
  summary: "Publish the service's draft triggers as its next rule-set version (admins)",
  description:
    'Snapshots every draft trigger, enabled or not, with its compiled rule, under the next number, and makes it the ' +
    'version the service evaluates. Publishing no triggers is allowed: it turns automation off.',
  request: { params: ServiceIdParams, body: { required: false, content: json(PublishBody) } },
  responses: {
    201: { description: 'The new version', content: json(RuleSetVersion) },
    ...errorResponses(400, 401, 403, 404, 413, 422),
  },
});

export const listRuleSetVersions = createRoute({
  method: 'get',
  path: '/services/{serviceId}/rule-versions',
  tags,
  summary: "A service's published versions, newest first",
  request: { params: ServiceIdParams, query: RuleSetVersionsQuery },
  responses: {
    200: { description: 'Versions without their triggers and rules', content: json(z.array(RuleSetVersionSummary)) },
    ...errorResponses(400, 401, 404),
  },
});

export const getRuleSetVersion = createRoute({
  method: 'get',
  path: '/rule-versions/{id}',
  tags,
  request: { params: RuleSetVersionParams },
  responses: {
    200: { description: 'The version with its triggers and compiled rules', content: json(RuleSetVersion) },
    ...errorResponses(401, 404),
  },
});

export const rollbackRuleSet = createRoute({
  method: 'post',
  path: '/rule-versions/{id}/rollback',
  tags,
  summary: "Publish an earlier version's triggers again as a new version (admins)",
  description:
    'The new version copies the old one and records `rolledBackFrom`; it becomes current and the drafts are replaced ' +
    'by its triggers, so the studio shows what runs. Versions themselves never change.',
  request: { params: RuleSetVersionParams, body: { required: false, content: json(RollbackBody) } },
  responses: {
    201: { description: 'The new version', content: json(RuleSetVersion) },
    ...errorResponses(400, 401, 403, 404, 413),
  },
});
