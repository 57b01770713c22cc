import { businessId } from '../../../domain/ids';
import { listMessageMasks, maskMessageSpan, readMaskedOriginal } from '../../../store/message-masks';
import { requireTicketAccess } from '../../access';
import { actorIdOf } from '../../auth/agent';
import type { AppRouteHandler } from '../../context';
import { ApiError, notFound } from '../../errors';
import { requirePermission } from '../../permissions';
import { fieldKeyring } from '../../pii';
import type * as routes from './masks.routes';

const maskContext = (ticketId: string, maskId: string) => `message_masks:${ticketId}:${maskId}`;

export const maskMessage: AppRouteHandler<typeof routes.maskMessage> = async (c) => {
  const { sql, config } = c.var.deps;
  const agent = c.var.agent;
  const { id, seq } = c.req.valid('param');
  const { start, end } = c.req.valid('json');
  const ticket = await requireTicketAccess(sql, agent, id);
  requirePermission(agent, 'ticket', 'Masking personal data');
  const keyring = fieldKeyring(config);
  if (!keyring) throw new ApiError(422, 'field.encryption_unavailable', 'Masking keeps the original encrypted: configure FIELD_ENCRYPTION_KEY.', {});
  const maskId = businessId('M');
  const masked = await maskMessageSpan(sql, { id: maskId, ticketId: ticket.id, seq, start, end, actorId: actorIdOf(agent) }, (original) =>
    keyring.seal(original, maskContext(ticket.id, maskId)),
  );
  if (!masked.ok) {
    switch (masked.reason) {
      case 'not_found':
        throw notFound('message', `${ticket.id}/${seq}`);
      case 'out_of_range':
        throw new ApiError(422, 'mask.out_of_range', 'The span is outside the message.', { start, end });
      case 'already_masked':
        throw new ApiError(409, 'mask.already_masked', 'Part of the span is already masked.', { start, end });
    }
  }
  return c.json(masked.mask, 201);
};

export const listMasks: AppRouteHandler<typeof routes.listMasks> = async (c) => {
  const { sql } = c.var.deps;
  const ticket = await requireTicketAccess(sql, c.var.agent, c.req.valid('param').id);
  return c.json(await listMessageMasks(sql, ticket.id), 200);
};

export const unmask: AppRouteHandler<typeof routes.unmask> = async (c) => {
  const { sql, config } = c.var.deps;
  const agent = c.var.agent;
  const { id, maskId } = c.req.valid('param');
  const ticket = await requireTicketAccess(sql, agent, id);
  requirePermission(agent, 'pii_unmask', 'Unmasking personal data');
  const keyring = fieldKeyring(config);
  if (!keyring) throw new ApiError(422, 'field.encryption_unavailable', 'The key that sealed the original is not configured.', {});
  const sealed = await readMaskedOriginal(sql, { ticketId: ticket.id, maskId, actorId: actorIdOf(agent) });
  if (sealed === null) throw notFound('mask', maskId);
  return c.json({ id: maskId, original: keyring.openText(sealed, maskContext(ticket.id, maskId)) }, 200);
};
