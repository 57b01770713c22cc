import { previewAssignment } from '../../../store/assignment';
import { intakeTypePath, loadTicketSnapshot } from '../../../store/ticket-snapshot';
import type { TicketSnapshot } from '../../../rules';
import { ruleCatalogue as catalogue } from '../../../rules/catalogue';
import { explainCycle } from '../../../rules/replay';
import { DRAFT_VERSION_ID, runRuleSet, type RuleSetSource } from '../../../rules/runner';
import type { Sql } from '../../../store/db';
import { listTicketEvaluations, type StoredEvaluation, type TicketEvaluation } from '../../../store/evaluations';
import { loadDraftRuleSet, loadPublishedRuleSet, loadRuleSetVersion } from '../../../store/rule-sets';
import { requireRole } from '../../auth/agent';
import type { AppRouteHandler } from '../../context';
import { requireServiceAccess, requireTicketAccess } from '../../access';
import { ApiError, invalidReference } from '../../errors';
import { requireService } from '../../guards';
import { findTicket } from '../../../store/tickets';
import type * as routes from './rules.routes';

const SNAPSHOT_DEFAULTS: TicketSnapshot = {
  id: 'SIMULATED',
  status: 'unassigned',
  channel: 'created',
  priority: 'normal',
  intakeTypeId: null,
  intakeTypePath: [],
  resolutionTypeId: null,
  groupId: null,
  assigneeId: null,
  subject: '',
  content: '',
  tags: [],
  customerEmail: null,
  customerPhone: null,
  customerFields: {},
  agentFields: {},
  withinBusinessHours: true,
  createdAt: new Date(0).toISOString(),
  updatedAt: new Date(0).toISOString(),
};

async function withIntakePath(sql: Sql, snapshot: Partial<TicketSnapshot>, base: TicketSnapshot): Promise<TicketSnapshot> {
  const merged = { ...base, ...snapshot };
  if (snapshot.intakeTypeId && !snapshot.intakeTypePath) {
    const path = await intakeTypePath(sql, snapshot.intakeTypeId);
    if (!path) throw invalidReference('ticket.intakeTypeId', snapshot.intakeTypeId);
    merged.intakeTypePath = path;
  }
  return merged;
}

async function loadSource(sql: Sql, serviceId: string, version: string) {
  if (version === DRAFT_VERSION_ID) return loadDraftRuleSet(sql, serviceId);
  const source = version === 'published' ? await loadPublishedRuleSet(sql, serviceId) : await loadRuleSetVersion(sql, version);
  if (!source || source.serviceId !== serviceId) {
    throw new ApiError(404, 'rule_version.not_found', version === 'published' ? 'The service has no published rule set.' : `No rule-set version ${version} in this service.`);
  }
  return source;
}

export const simulate: AppRouteHandler<typeof routes.simulate> = async (c) => {
  const { sql, config } = c.get('deps');
  requireRole(c.get('agent'), 'admin', 'agent');
  const body = c.req.valid('json');
  await requireService(sql, c.get('agent').orgId, body.serviceId);

  let ticket: TicketSnapshot;
  if (body.ticketId) {
    // A stored ticket is read under the ticket read rule: the service's agents and the organisation's admins.
    await requireServiceAccess(sql, c.get('agent'), body.serviceId);
    const stored = await findTicket(sql, body.ticketId);
    if (!stored || stored.serviceId !== body.serviceId) throw invalidReference('ticketId', body.ticketId, 'is not a ticket of this service');
    const { serviceId: _serviceId, ...snapshot } = await loadTicketSnapshot(sql, body.ticketId);
    ticket = snapshot;
  } else {
    ticket = await withIntakePath(sql, body.ticket!, SNAPSHOT_DEFAULTS);
  }
  const previous = body.previous ? await withIntakePath(sql, body.previous, ticket) : null;
  const event = body.event ?? (previous ? 'updated' : 'created');
  if (event === 'updated' && !previous) {
    throw new ApiError(422, 'simulation.previous_required', 'An updated event needs the previous snapshot.', { path: ['previous'] });
  }

  const source = await loadSource(sql, body.serviceId, body.version);
  const outcome = await runRuleSet(
    source,
    config.RULES_EVALUATOR,
    { event, ticket, previous: event === 'created' ? null : previous },
    { assign: (result) => previewAssignment(sql, result), intakeTypePath: (id) => intakeTypePath(sql, id) },
  );
  const { ticket: final, ...trace } = outcome;
  return c.json({ version: { id: source.versionId, number: source.number }, event, ticket: final, trace }, 200);
};

/**
 * The evaluations as the trace route answers them: a trigger cycle's trace recomputed from its record against the
 * version it pinned (each version loaded once), or read as recorded by cycles recorded before records and time rules.
 */
async function explainEvaluations(sql: Sql, stored: StoredEvaluation[]): Promise<TicketEvaluation[]> {
  const versions = new Map<string, Promise<RuleSetSource | null>>();
  const explained: TicketEvaluation[] = [];
  for (const evaluation of stored) {
    if (evaluation.event === 'time_rule') {
      explained.push(evaluation);
      continue;
    }
    const { recorded, ...rest } = evaluation;
    if ('trace' in recorded) {
      explained.push({ ...rest, trace: recorded.trace });
      continue;
    }
    const versionId = evaluation.versionId;
    if (versionId === null) throw new Error(`evaluation ${evaluation.evaluation} recorded a cycle without its version`);
    if (!versions.has(versionId)) versions.set(versionId, loadRuleSetVersion(sql, versionId));
    const source = await versions.get(versionId)!;
    if (!source) throw new Error(`evaluation ${evaluation.evaluation} pinned version ${versionId}, which does not exist`);
    const trace = await explainCycle(recorded.replay, { event: evaluation.event, source, evaluator: evaluation.evaluator });
    explained.push({ ...rest, trace });
  }
  return explained;
}

export const ticketTrace: AppRouteHandler<typeof routes.ticketTrace> = async (c) => {
  const { sql } = c.get('deps');
  const ticket = await requireTicketAccess(sql, c.get('agent'), c.req.valid('param').id);
  return c.json(await explainEvaluations(sql, await listTicketEvaluations(sql, ticket.id)), 200);
};

export const ruleCatalogue: AppRouteHandler<typeof routes.ruleCatalogue> = (c) => c.json(catalogue(), 200);
