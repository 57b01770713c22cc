/**
 * Automations: calendar-time rules on a ticket's stay in a status. `complete_resolved` completes a ticket left
 * resolved for `after`; `remind_on_hold` reminds the assignee of a ticket on hold for `after`.
 */
import { z } from '@hono/zod-openapi';
import { Duration } from '../../../rules/duration';
import { AUTOMATION_KINDS } from '../../../rules/time-rules';
import { pathId } from '../../params';

export const AutomationKind = z.enum(AUTOMATION_KINDS).openapi({
  description: 'complete_resolved: resolved for `after` → complete. remind_on_hold: on hold for `after` → remind the assignee.',
});
export type AutomationKind = z.infer<typeof AutomationKind>;

export const AutomationBody = z
  .strictObject({
    kind: AutomationKind,
    // zod's own `.meta`: `rules/` may be loaded before `@hono/zod-openapi` adds `.openapi` to its schemas.
    after: Duration.meta({ description: 'Calendar time in the status, not business time.', example: '3d' }),
    enabled: z.boolean().optional().openapi({
      description: 'Defaults to true for a new automation; a replacement without it keeps the current value.',
    }),
  })
  .openapi('AutomationBody');
export type AutomationBody = z.infer<typeof AutomationBody>;

export const Automation = z
  .object({
    id: z.string(),
    serviceId: z.string(),
    kind: AutomationKind,
    after: z.string().openapi({ description: 'In the largest unit that expresses it exactly.' }),
    afterMs: z.number(),
    enabled: z.boolean(),
  })
  .openapi('Automation');
export type Automation = z.infer<typeof Automation>;

export const AutomationList = z.object({ automations: z.array(Automation) }).openapi('AutomationList');

export const AutomationParams = z.object({ id: pathId('id', 'M1603851004648zfnA') });
