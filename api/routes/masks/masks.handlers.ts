import { businessId } from '../../../domain/ids';
import type { MaskRequest, MaskTarget } from '../../../domain/masks';
import { listMasks as listTicketMasks, maskSealContext, maskStoreRefusal, readMaskedOriginal, type MaskStoreRefusal, type PiiMask } from '../../../store/masks';
import type { TicketView } from '../../../store/tickets';
import { closedTicketMaskWorkflow, closedTicketMaskWorkflowId } from '../../../workflows/closed-ticket-mask';
import { TICKET_ERROR_STATUS } from '../../../workflows/ticket-errors';
import { callerGroupIds, requireTicketAccess } from '../../access';
import { actorIdOf, ticketActor, type AuthenticatedAgent } from '../../auth/agent';
import type { ApiDeps, AppRouteHandler } from '../../context';
import { ApiError, notFound } from '../../errors';
import { ticketFields } from '../../fields';
import { requirePermission } from '../../permissions';
import { fieldKeyring } from '../../pii';
import { workflowRefusal } from '../../workflow-refusals';
import { sendTicketCommand } from '../tickets/tickets.commands';
import type * as routes from './masks.routes';

const MASKABLE_CONTROLS = ['text', 'textarea'];

/** A refusal found in the stored text before any command is sent: nothing has changed. */
function refusalError(reason: MaskStoreRefusal, ticketId: string, mask: MaskRequest): ApiError {
  const span = { start: mask.start, end: mask.end };
  switch (reason) {
    case 'not_found':
      return notFound('message', `${ticketId}/${mask.target.kind === 'message' ? mask.target.seq : ''}`);
    case 'not_text':
      return new ApiError(422, 'mask.not_text', 'Only plain text field values can be masked.', mask.target);
    case 'out_of_range':
      return new ApiError(422, 'mask.out_of_range', 'The span is outside the text.', span);
    case 'already_masked':
      return new ApiError(409, 'mask.already_masked', 'Part of the span is already masked.', span);
  }
}

/** Field masks name a live plain text field of the ticket: encrypted values are sealed whole already. */
async function requireMaskableField(deps: ApiDeps, ticket: TicketView, target: Extract<MaskTarget, { kind: 'field' }>): Promise<void> {
  const field = (await ticketFields(deps.sql, ticket.serviceId, ticket.intakeTypeId)).find((each) => each.scope === target.scope && each.code === target.code);
  if (!field) throw notFound('field', `${target.scope}:${target.code}`);
  if (field.encrypted || !MASKABLE_CONTROLS.includes(field.control)) {
    throw new ApiError(422, 'mask.not_text', `Only plain text fields can be masked; ${target.code} is ${field.encrypted ? 'encrypted' : `a ${field.control}`}.`, target);
  }
}

/**
 * Masks a span as a command through the ticket's workflow, or through a workflow of its own once the ticket is closed;
 * either way the original is sealed by the recording activity and never enters workflow history.
 */
async function maskSpan(deps: ApiDeps, agent: AuthenticatedAgent, ticketId: string, target: MaskTarget, span: { start: number; end: number }): Promise<PiiMask> {
  const { sql, temporal } = deps;
  const ticket = await requireTicketAccess(sql, agent, ticketId);
  // The ticket machine refuses masking to API clients too, but a closed ticket's mask never reaches it.
  if (agent.apiClient) throw new ApiError(403, 'ticket.api_client_forbidden', 'Masking personal data needs an agent.', { command: 'mask' });
  requirePermission(agent, 'ticket', 'Masking personal data');
  if (!fieldKeyring(deps.config)) {
    throw new ApiError(422, 'field.encryption_unavailable', 'Masking keeps the original encrypted: configure FIELD_ENCRYPTION_KEY.', {});
  }
  if (target.kind === 'field') await requireMaskableField(deps, ticket, target);
  const mask: MaskRequest = { maskId: businessId('M'), target, ...span };
  // The ticket workflow does not hold message bodies, nor masks made before masking went through it.
  const refusal = await maskStoreRefusal(sql, ticket.id, mask);
  if (refusal) throw refusalError(refusal, ticket.id, mask);
  if (ticket.status === 'closed') {
    await temporal.workflow
      .execute(closedTicketMaskWorkflow, {
        workflowId: closedTicketMaskWorkflowId(ticket.id, mask.maskId),
        taskQueue: deps.taskQueue,
        args: [{ ticketId: ticket.id, actorId: actorIdOf(agent), mask, at: new Date().toISOString() }],
      })
      .catch((error: unknown) => {
        throw workflowRefusal(error, { ...TICKET_ERROR_STATUS, 'message.not_found': 404 }) ?? error;
      });
  } else {
    await sendTicketCommand(temporal, ticket.id, ticketActor(agent, await callerGroupIds(sql, agent, ticket.serviceId)), { kind: 'mask', mask });
  }
  return (await listTicketMasks(sql, ticket.id)).find((each) => each.id === mask.maskId)!;
}

export const maskMessage: AppRouteHandler<typeof routes.maskMessage> = async (c) => {
  const { id, seq } = c.req.valid('param');
  return c.json(await maskSpan(c.get('deps'), c.get('agent'), id, { kind: 'message', seq }, c.req.valid('json')), 201);
};

export const maskContent: AppRouteHandler<typeof routes.maskContent> = async (c) => {
  return c.json(await maskSpan(c.get('deps'), c.get('agent'), c.req.valid('param').id, { kind: 'content' }, c.req.valid('json')), 201);
};

export const maskField: AppRouteHandler<typeof routes.maskField> = async (c) => {
  const { id, scope, code } = c.req.valid('param');
  return c.json(await maskSpan(c.get('deps'), c.get('agent'), id, { kind: 'field', scope, code }, c.req.valid('json')), 201);
};

export const listMasks: AppRouteHandler<typeof routes.listMasks> = async (c) => {
  const { sql } = c.get('deps');
  const ticket = await requireTicketAccess(sql, c.get('agent'), c.req.valid('param').id);
  return c.json(await listTicketMasks(sql, ticket.id), 200);
};

export const unmask: AppRouteHandler<typeof routes.unmask> = async (c) => {
  const { sql, config } = c.get('deps');
  const agent = c.get('agent');
  const { id, maskId } = c.req.valid('param');
  const ticket = await requireTicketAccess(sql, agent, id);
  requirePermission(agent, 'pii_unmask', 'Unmasking personal data');
  const keyring = fieldKeyring(config);
  if (!keyring) throw new ApiError(422, 'field.encryption_unavailable', 'The key that sealed the original is not configured.', {});
  const sealed = await readMaskedOriginal(sql, { ticketId: ticket.id, maskId, actorId: actorIdOf(agent) });
  if (sealed === null) throw notFound('mask', maskId);
  return c.json({ id: maskId, original: keyring.openText(sealed, maskSealContext(ticket.id, maskId)) }, 200);
};
