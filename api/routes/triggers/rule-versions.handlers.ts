import type { RuleProperties } from 'json-rules-engine';
import { compileTrigger, InvalidTriggerError } from '../../../rules/index';
import {
  findRuleSetVersion,
  listRuleSetVersions as listVersions,
  publishRuleSet as publishDrafts,
  rollbackRuleSet as republishVersion,
} from '../../../store/rule-sets';
import { actorIdOf, requireRole } from '../../auth/agent';
import type { AppRouteHandler } from '../../context';
import { ApiError } from '../../errors';
import { requireService } from '../../guards';
import type * as routes from './rule-versions.routes';
import type { Trigger } from './triggers.schemas';

const versionNotFound = (id: string) => new ApiError(404, 'rule_version.not_found', `No rule-set version ${id}.`, { id });

/** Drafts were validated when saved; one that no longer compiles (a stricter engine) is named, not published. */
function compileDraft(trigger: Trigger): RuleProperties {
  try {
    return compileTrigger(trigger);
  } catch (error) {
    if (!(error instanceof InvalidTriggerError)) throw error;
    throw new ApiError(422, 'trigger.invalid', `Trigger ${trigger.id} (${trigger.title}) no longer validates; fix it first.`, {
      triggerId: trigger.id,
      issues: error.issues,
    });
  }
}

export const publishRuleSet: AppRouteHandler<typeof routes.publishRuleSet> = async (c) => {
  const agent = c.get('agent');
  requireRole(agent, 'admin');
  const { sql } = c.get('deps');
  const service = await requireService(sql, agent.orgId, c.req.valid('param').serviceId);
  const note = c.req.valid('json').note ?? null;

  const version = await publishDrafts(sql, service.id, { actorId: actorIdOf(agent), note }, compileDraft);
  return c.json(version, 201);
};

export const listRuleSetVersions: AppRouteHandler<typeof routes.listRuleSetVersions> = async (c) => {
  const { sql } = c.get('deps');
  const service = await requireService(sql, c.get('agent').orgId, c.req.valid('param').serviceId);
  return c.json(await listVersions(sql, service.id, c.req.valid('query')), 200);
};

export const getRuleSetVersion: AppRouteHandler<typeof routes.getRuleSetVersion> = async (c) => {
  const { id } = c.req.valid('param');
  const version = await findRuleSetVersion(c.get('deps').sql, c.get('agent').orgId, id);
  if (!version) throw versionNotFound(id);
  return c.json(version, 200);
};

export const rollbackRuleSet: AppRouteHandler<typeof routes.rollbackRuleSet> = async (c) => {
  const agent = c.get('agent');
  requireRole(agent, 'admin');
  const { sql } = c.get('deps');
  const { id } = c.req.valid('param');
  const note = c.req.valid('json').note ?? null;
  const old = await findRuleSetVersion(sql, agent.orgId, id);
  if (!old) throw versionNotFound(id);

  const version = await republishVersion(sql, old, { actorId: actorIdOf(agent), note });
  return c.json(version, 201);
};
