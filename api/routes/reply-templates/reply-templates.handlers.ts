import { renderTemplate, loadTemplateContext } from '../../../activities/templates';
import { businessId } from '../../../domain/ids';
import { REPLY_TEMPLATE_CODES, substitutionCodesIn } from '../../../rules/substitution';
import type { Db } from '../../../store/db';
import { listFields } from '../../../store/fields';
import {
  createReplyTemplate as insertTemplate,
  deleteReplyTemplate as removeTemplate,
  findReplyTemplate,
  listReplyTemplates as queryTemplates,
  updateReplyTemplate as changeTemplate,
} from '../../../store/reply-templates';
import { findServiceCategory } from '../../../store/tickets';
import { requireServiceAccess, requireTicketAccess } from '../../access';
import { actorIdOf, requireRole } from '../../auth/agent';
import type { AppRouteHandler } from '../../context';
import { ApiError, invalidReference, notFound } from '../../errors';
import { requireService } from '../../guards';
import type * as routes from './reply-templates.routes';

/** Codes a reply template may use beyond the triggers' ones: the agent who replies. */
const REPLY_CODES = new Set(REPLY_TEMPLATE_CODES);

/** Refuses (422 `reply_template.unknown_code`) codes nobody can fill: fixed codes, and fields the service has. */
async function requireKnownCodes(sql: Db, serviceId: string, body: string): Promise<void> {
  const fields = await listFields(sql, serviceId);
  const fieldCodes = new Set(fields.map((field) => `${field.scope}Field.${field.code}`));
  const unknown = [...new Set(substitutionCodesIn(body))].filter((code) => !REPLY_CODES.has(code) && !fieldCodes.has(code));
  if (unknown.length > 0) {
    throw new ApiError(422, 'reply_template.unknown_code', `Unknown substitution codes: ${unknown.map((code) => `#{${code}}`).join(', ')}.`, {
      codes: unknown,
    });
  }
}

async function requireResolutionType(sql: Db, serviceId: string, id: string | null | undefined): Promise<void> {
  if (id && !(await findServiceCategory(sql, id, serviceId, 'resolution'))) {
    throw invalidReference('resolutionTypeId', id, 'is not a resolution type of this service');
  }
}

const codeTaken = (code: string) => new ApiError(409, 'reply_template.code_taken', `A template of this service already has the code ${code}.`, { code });

export const listReplyTemplates: AppRouteHandler<typeof routes.listReplyTemplates> = async (c) => {
  const { sql } = c.get('deps');
  const service = await requireServiceAccess(sql, c.get('agent'), c.req.valid('param').serviceId);
  const { q, resolutionTypeId } = c.req.valid('query');
  return c.json(await queryTemplates(sql, service.id, { query: q, resolutionTypeId }), 200);
};

export const createReplyTemplate: AppRouteHandler<typeof routes.createReplyTemplate> = async (c) => {
  const agent = c.get('agent');
  requireRole(agent, 'admin');
  const { sql } = c.get('deps');
  const service = await requireService(sql, agent.orgId, c.req.valid('param').serviceId);
  const body = c.req.valid('json');
  await requireKnownCodes(sql, service.id, body.body);
  await requireResolutionType(sql, service.id, body.resolutionTypeId);
  const created = await insertTemplate(
    sql,
    { ...body, id: businessId('R'), serviceId: service.id, resolutionTypeId: body.resolutionTypeId ?? null },
    actorIdOf(agent),
  );
  if (!created.ok) throw codeTaken(body.code);
  return c.json(created.template, 201);
};

export const updateReplyTemplate: AppRouteHandler<typeof routes.updateReplyTemplate> = async (c) => {
  const agent = c.get('agent');
  requireRole(agent, 'admin');
  const { sql } = c.get('deps');
  const { id } = c.req.valid('param');
  const changes = c.req.valid('json');
  const template = await findReplyTemplate(sql, agent.orgId, id);
  if (!template) throw notFound('reply_template', id);
  if (changes.body) await requireKnownCodes(sql, template.serviceId, changes.body);
  await requireResolutionType(sql, template.serviceId, changes.resolutionTypeId);
  const updated = await changeTemplate(sql, { orgId: agent.orgId, id, actorId: actorIdOf(agent) }, changes);
  if (!updated.ok) throw updated.reason === 'not_found' ? notFound('reply_template', id) : codeTaken(changes.code!);
  return c.json(updated.template, 200);
};

export const deleteReplyTemplate: AppRouteHandler<typeof routes.deleteReplyTemplate> = async (c) => {
  const agent = c.get('agent');
  requireRole(agent, 'admin');
  const { id } = c.req.valid('param');
  const deleted = await removeTemplate(c.get('deps').sql, { orgId: agent.orgId, id, actorId: actorIdOf(agent) });
  if (!deleted.ok) throw notFound('reply_template', id);
  return c.body(null, 204);
};

export const renderReplyTemplate: AppRouteHandler<typeof routes.renderReplyTemplate> = async (c) => {
  const { sql, config } = c.get('deps');
  const agent = c.get('agent');
  const { id, templateId } = c.req.valid('param');
  const ticket = await requireTicketAccess(sql, agent, id);
  const template = await findReplyTemplate(sql, agent.orgId, templateId);
  if (!template || template.serviceId !== ticket.serviceId) throw notFound('reply_template', templateId);
  const context = { ...(await loadTemplateContext(sql, ticket.id, config.PUBLIC_URL)), 'agent.name': agent.name };
  return c.json(
    { templateId: template.id, title: template.title, body: renderTemplate(template.body, context), resolutionTypeId: template.resolutionTypeId },
    200,
  );
};
