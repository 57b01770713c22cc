import type { RuleProperties } from 'json-rules-engine';
import { compileTrigger, InvalidTriggerError } from '../../../rules/index';
import { findRuleSetVersion, insertCurrentVersion, listRuleSetVersions as listVersions } from '../../../store/rule-sets';
import { listDraftTriggers, lockServiceTriggers, replaceDraftTriggers } from '../../../store/triggers';
import { writeAudit } from '../../audit-log';
import { requireRole } from '../../auth/agent';
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
  const agent = c.var.agent;
  requireRole(agent, 'admin');
  const { sql } = c.var.deps;
  const service = await requireService(sql, agent.orgId, c.req.valid('param').serviceId);
  const note = c.req.valid('json').note ?? null;

  const version = await sql.begin(async (tx) => {
    await lockServiceTriggers(tx, service.id);
    const triggers = await listDraftTriggers(tx, service.id);
    const published = await insertCurrentVersion(tx, {
      serviceId: service.id,
      triggers,
      definitions: triggers.map(compileDraft),
      publishedBy: agent.id,
      note,
      rolledBackFrom: null,
    });
    await writeAudit(tx, {
      actorId: agent.id,
      action: 'rules.published',
      target: published.id,
      details: { serviceId: service.id, number: published.number, triggerIds: triggers.map((trigger) => trigger.id), note },
    });
    return published;
  });
  return c.json(version, 201);
};

export const listRuleSetVersions: AppRouteHandler<typeof routes.listRuleSetVersions> = async (c) => {
  const { sql } = c.var.deps;
  const service = await requireService(sql, c.var.agent.orgId, c.req.valid('param').serviceId);
  return c.json(await listVersions(sql, service.id, c.req.valid('query')), 200);
};

export const getRuleSetVersion: AppRouteHandler<typeof routes.getRuleSetVersion> = async (c) => {
  const { id } = c.req.valid('param');
  const version = await findRuleSetVersion(c.var.deps.sql, c.var.agent.orgId, id);
  if (!version) throw versionNotFound(id);
  return c.json(version, 200);
};

export const rollbackRuleSet: AppRouteHandler<typeof routes.rollbackRuleSet> = async (c) => {
  const agent = c.var.agent;
  requireRole(agent, 'admin');
  const { sql } = c.var.deps;
  const { id } = c.req.valid('param');
  const note = c.req.valid('json').note ?? null;
  const old = await findRuleSetVersion(sql, agent.orgId, id);
  if (!old) throw versionNotFound(id);

  const version = await sql.begin(async (tx) => {
    await lockServiceTriggers(tx, old.serviceId);
    // The stored rules are copied, not recompiled: the new version runs exactly what the old one ran.
    const republished = await insertCurrentVersion(tx, {
      serviceId: old.serviceId,
      triggers: old.triggers,
      definitions: old.definitions,
      publishedBy: agent.id,
      note,
      rolledBackFrom: old.number,
    });
    // Rollback replaces the drafts wholesale, enabled triggers included, so the studio shows what runs.
    await replaceDraftTriggers(tx, old.serviceId, old.triggers, agent.id);
    await writeAudit(tx, {
      actorId: agent.id,
      action: 'rules.rolled_back',
      target: republished.id,
      details: {
        serviceId: old.serviceId,
        number: republished.number,
        rolledBackFrom: old.number,
        rolledBackFromVersionId: old.id,
        note,
      },
    });
    return republished;
  });
  return c.json(version, 201);
};
