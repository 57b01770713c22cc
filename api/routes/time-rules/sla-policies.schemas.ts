/**
 * SLA policies: first-response and resolution targets in business time for tickets of a priority and intake type,
 * and what happens when a target is at risk or breached. Results are the trigger model's (`rules/`), limited to
 * the kinds that make sense for a late ticket.
 */
import { z } from '@hono/zod-openapi';
import { TicketPriority } from '../../../domain/schemas';
import { Duration } from '../../../rules/duration';
import { SlaResult } from '../../../rules/sla-policies';
import { Id, pathId } from '../../params';

export const DEFAULT_AT_RISK_RATIO = 0.8;

export const SlaPolicyBody = z
  .strictObject({
    title: z.string().min(1).max(200),
    enabled: z.boolean().optional().openapi({
      description: 'Defaults to true for a new policy; a replacement without it keeps the current value.',
    }),
    priority: TicketPriority.nullable().optional().openapi({ description: 'Tickets of this priority; null or absent: any.' }),
    intakeTypeId: Id.nullable().optional().openapi({
      description: 'Tickets of this intake type or one below it; null or absent: any.',
    }),
    firstResponse: Duration.nullable().optional().openapi({ description: 'Business time to the first reply.', example: '4h' }),
    resolution: Duration.nullable().optional().openapi({ description: 'Business time to resolution.', example: '3d' }),
    atRiskRatio: z.number().gt(0).lt(1).optional().openapi({
      description: `Share of a target after which it is at risk; defaults to ${DEFAULT_AT_RISK_RATIO}.`,
    }),
    onAtRisk: z.array(SlaResult).max(20),
    onBreach: z.array(SlaResult).max(20),
  })
  .openapi('SlaPolicyBody', { description: 'At least one of firstResponse and resolution is required.' });
export type SlaPolicyBody = z.infer<typeof SlaPolicyBody>;

export const SlaPolicy = z
  .object({
    id: z.string(),
    serviceId: z.string(),
    title: z.string(),
    enabled: z.boolean(),
    position: z.int(),
    priority: TicketPriority.nullable(),
    intakeTypeId: z.string().nullable(),
    firstResponse: z.string().nullable().openapi({ description: 'In the largest unit that expresses it exactly.' }),
    firstResponseMs: z.number().nullable(),
    resolution: z.string().nullable(),
    resolutionMs: z.number().nullable(),
    atRiskRatio: z.number(),
    onAtRisk: z.array(SlaResult),
    onBreach: z.array(SlaResult),
  })
  .openapi('SlaPolicy', {
    description: 'A ticket follows the first enabled policy (by position) whose priority and intake type match it.',
  });
export type SlaPolicy = z.infer<typeof SlaPolicy>;

export const SlaPolicyList = z
  .object({ policies: z.array(SlaPolicy).openapi({ description: 'Policies in the order they are matched.' }) })
  .openapi('SlaPolicyList');
export type SlaPolicyList = z.infer<typeof SlaPolicyList>;

export const SlaPolicyOrderBody = z
  .strictObject({
    policyIds: z.array(Id).max(1000).openapi({
      description: 'Every policy of the service, each once, in the order they are to be matched (first wins).',
    }),
  })
  .openapi('SlaPolicyOrder');

export const SlaPolicyParams = z.object({ id: pathId('id', 'P1603851004648zfnA') });

export const TicketSla = z
  .strictObject({
    policy: z.strictObject({ id: z.string(), title: z.string() }).nullable().openapi({ description: 'The policy the ticket follows; null when none matches.' }),
    targets: z.array(
      z.strictObject({
        target: z.enum(['first_response', 'resolution']),
        goalMs: z.number(),
        elapsedMs: z.number().openapi({ description: 'Business time the clock ran, paused while on hold: until the target was met, or until now.' }),
        state: z.enum(['met', 'running', 'paused', 'at_risk', 'breached']),
        metAt: z.string().nullable(),
        dueAt: z.string().nullable().openapi({ description: 'When the target falls due if the clock keeps running; null once met, breached or while paused.' }),
      }),
    ),
  })
  .openapi('TicketSla');
