import { SYSTEM_FIELDS, type FieldScope } from '../../../domain/fields';
import { businessId } from '../../../domain/ids';
import type { Db } from '../../../store/db';
import type { Keyring } from '../../../infra/keyring';
import { fieldKeyring } from '../../pii';
import { findServiceCategory } from '../../../store/tickets';
import { createField as insertField, deleteField as removeField, findField, listFields as queryFields, updateField as changeField } from '../../../store/fields';
import { actorIdOf, requireRole } from '../../auth/agent';
import type { AppRouteHandler } from '../../context';
import { ApiError, invalidReference, notFound } from '../../errors';
import { requireService } from '../../guards';
import type * as routes from './fields.routes';

/** What the definition itself must satisfy beyond its schema. */
async function checkDefinition(
  sql: Db,
  serviceId: string,
  field: { scope: FieldScope; control: string; options: unknown[]; intakeTypeId?: string | null; encrypted?: boolean },
  keyring: Keyring | null = null,
): Promise<void> {
  if (field.encrypted && (field.control === 'checkbox' || field.control === 'dropdown')) {
    throw new ApiError(422, 'field.invalid', 'Only text, textarea, date and number fields can be encrypted.', { path: ['encrypted'] });
  }
  if (field.encrypted && !keyring) {
    throw new ApiError(422, 'field.encryption_unavailable', 'Encrypted fields need FIELD_ENCRYPTION_KEY to be configured.', {});
  }
  if (field.control === 'dropdown' && field.options.length === 0) {
    throw new ApiError(422, 'field.invalid', 'A dropdown field needs at least one option.', { path: ['options'] });
  }
  if (field.control !== 'dropdown' && field.options.length > 0) {
    throw new ApiError(422, 'field.invalid', 'Only dropdown fields have options.', { path: ['options'] });
  }
  if (field.intakeTypeId) {
    if (field.scope !== 'customer') throw new ApiError(422, 'field.invalid', 'Only customer fields attach to an intake type.', { path: ['intakeTypeId'] });
    if (!(await findServiceCategory(sql, field.intakeTypeId, serviceId, 'intake'))) {
      throw invalidReference('intakeTypeId', field.intakeTypeId, 'is not an intake type of this service');
    }
  }
}

export const listFields: AppRouteHandler<typeof routes.listFields> = async (c) => {
  const { sql } = c.get('deps');
  const service = await requireService(sql, c.get('agent').orgId, c.req.valid('param').serviceId);
  return c.json({ systemFields: [...SYSTEM_FIELDS], fields: await queryFields(sql, service.id, c.req.valid('query').scope) }, 200);
};

export const createField: AppRouteHandler<typeof routes.createField> = async (c) => {
  const agent = c.get('agent');
  requireRole(agent, 'admin');
  const { sql } = c.get('deps');
  const service = await requireService(sql, agent.orgId, c.req.valid('param').serviceId);
  const body = c.req.valid('json');
  await checkDefinition(sql, service.id, body, fieldKeyring(c.get('deps').config));
  const created = await insertField(
    sql,
    { ...body, id: businessId('F'), serviceId: service.id, intakeTypeId: body.intakeTypeId ?? null },
    actorIdOf(agent),
  );
  if (!created.ok) {
    throw new ApiError(409, 'field.code_taken', `The code ${body.code} was already used in this service; a field code is never reused.`, {
      code: body.code,
    });
  }
  return c.json(created.field, 201);
};

export const updateField: AppRouteHandler<typeof routes.updateField> = async (c) => {
  const agent = c.get('agent');
  requireRole(agent, 'admin');
  const { sql } = c.get('deps');
  const { id } = c.req.valid('param');
  const changes = c.req.valid('json');
  const field = await findField(sql, agent.orgId, id);
  if (!field) throw notFound('field', id);
  await checkDefinition(sql, field.serviceId, { ...field, ...changes });
  const updated = await changeField(sql, { orgId: agent.orgId, id, actorId: actorIdOf(agent) }, changes);
  if (!updated.ok) throw notFound('field', id);
  return c.json(updated.field, 200);
};

export const deleteField: AppRouteHandler<typeof routes.deleteField> = async (c) => {
  const agent = c.get('agent');
  requireRole(agent, 'admin');
  const { id } = c.req.valid('param');
  const deleted = await removeField(c.get('deps').sql, { orgId: agent.orgId, id, actorId: actorIdOf(agent) });
  if (!deleted.ok) throw notFound('field', id);
  return c.body(null, 204);
};
