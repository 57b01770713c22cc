/** IVR route schemas (IVR Route 관리): thresholds are durations as admins write them (`30m`, `4h`, `1d`). */
import { z } from '@hono/zod-openapi';
import { Duration } from '../../../rules/duration';

const Id = z.string().min(1).max(64);

export const IvrRouteParams = z.object({ id: Id.openapi({ param: { name: 'id', in: 'path' } }) });
export const IvrRouteListQuery = z.object({ serviceId: Id.optional() });

export const IvrRouteBody = z
  .strictObject({
    serviceId: Id,
    code: z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . or -').openapi({ example: '1001' }),
    name: z.string().trim().min(1).max(200).openapi({ example: '결제 > 신용카드' }),
    intakeTypeId: Id.nullable().default(null),
    unassignedAfter: Duration.default('30m').openapi({ description: 'Unassigned this long (business time) → the admins are reminded.' }),
    dueAfter: Duration.default('4h').openapi({ description: 'Assigned this long (business time) without completion → the assignee is reminded.' }),
    escalateAfter: Duration.default('4h').openapi({ description: 'This long more without completion → the admins are told.' }),
  })
  .openapi('IvrRouteInput');

export const IvrRouteUpdateBody = IvrRouteBody.omit({ serviceId: true }).openapi('IvrRouteUpdate');

export const IvrRoute = z
  .object({
    id: z.string(),
    serviceId: z.string(),
    code: z.string(),
    name: z.string(),
    intakeTypeId: z.string().nullable(),
    unassignedAfter: z.string(),
    dueAfter: z.string(),
    escalateAfter: z.string(),
    createdAt: z.string(),
  })
  .openapi('IvrRoute');
export type IvrRoute = z.infer<typeof IvrRoute>;
