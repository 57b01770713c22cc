import type { Sql } from 'postgres';
import { previewAssignment } from '../../../activities/assignment';
import { runRuleSet } from '../../../activities/rule-runner';
import { DRAFT_VERSION_ID, loadDraftRuleSet, loadPublishedRuleSet, loadRuleSetVersion } from '../../../activities/rule-sets';
import { loadTicketSnapshot } from '../../../activities/ticket-snapshot';
import { intakeTypePath } from '../../../store/ticket-snapshot';
import { TicketSnapshot } from '../../../rules';
import { requireRole } from '../../auth/agent';
import type { AppRouteHandler } from '../../context';
import { ApiError, invalidReference, notFound } from '../../errors';
import { requireService } from '../services/services.queries';
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
  const { sql, config } = c.var.deps;
  requireRole(c.var.agent, 'admin', 'agent');
  const body = c.req.valid('json');
  await requireService(sql, c.var.agent.orgId, body.serviceId);

  let ticket: TicketSnapshot;
  if (body.ticketId) {
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

export const ticketTrace: AppRouteHandler<typeof routes.ticketTrace> = async (c) => {
  const { sql } = c.var.deps;
  const { id } = c.req.valid('param');
  if (!(await findTicket(sql, id))) throw notFound('ticket', id);
  const evaluations = await sql`
    select evaluation, event, version_id, version_number, evaluator, at, trace from trigger_evaluations
    where ticket_id = ${id} order by evaluation`;
  const effects = await sql`
    select evaluation, index, trigger_id, result->>'type' as type, status, attempts, last_error, detail
    from trigger_side_effects where ticket_id = ${id} order by evaluation, index`;
  return c.json(
    evaluations.map((row) => ({
      evaluation: row.evaluation,
      event: row.event,
      versionId: row.version_id,
      versionNumber: row.version_number,
      evaluator: row.evaluator,
      at: row.at.toISOString(),
      trace: row.trace,
      sideEffects: effects
        .filter((effect) => effect.evaluation === row.evaluation)
        .map((effect) => ({
          index: effect.index,
          triggerId: effect.trigger_id,
          type: effect.type,
          status: effect.status,
          attempts: effect.attempts,
          lastError: effect.last_error,
          detail: effect.detail,
        })),
    })),
    200,
  );
};
