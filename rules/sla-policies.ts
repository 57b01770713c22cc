/**
 * SLA policies as the rule engine sees them: the trigger results a policy may run when a target is at risk or
 * breached, and which policy a ticket follows.
 *
 * @module
 */
import { z } from 'zod';
import {
  AddTagsResult,
  AssignResult,
  CallbackUrlResult,
  DoorayNotifyResult,
  ForwardToGroupResult,
  NotifyEmailResult,
  SetPriorityResult,
} from './model';

const SLA_RESULTS = [
  NotifyEmailResult,
  AssignResult,
  ForwardToGroupResult,
  SetPriorityResult,
  AddTagsResult,
  CallbackUrlResult,
  DoorayNotifyResult,
] as const;

/** The result types an SLA policy may run: notify, reassign, raise the priority, tag, call out. */
export const SLA_RESULT_TYPES = SLA_RESULTS.map((schema) => schema.shape.type.value);

export const SlaResult = z
  .discriminatedUnion('type', [...SLA_RESULTS], {
    error: (issue) =>
      issue.code === 'invalid_union' ? `an SLA policy result must be one of ${SLA_RESULT_TYPES.join(', ')}` : undefined,
  })
  .meta({ id: 'SlaResult', description: 'A trigger result of one of the kinds an SLA policy may run.' });
export type SlaResult = z.infer<typeof SlaResult>;

/**
 * The policy a ticket follows: the first whose priority is null or the ticket's, and whose intake type is null or
 * on the ticket's intake-type path (the type and its ancestors, so a policy covers a whole subtree).
 */
export function matchPolicy<P extends { priority: string | null; intakeTypeId: string | null }>(
  policies: readonly P[],
  ticket: { priority: string; intakeTypePath: readonly string[] },
): P | null {
  return (
    policies.find(
      (policy) =>
        (policy.priority === null || policy.priority === ticket.priority) &&
        (policy.intakeTypeId === null || ticket.intakeTypePath.includes(policy.intakeTypeId)),
    ) ?? null
  );
}
