/**
 * Business hours (영업시간) of a service: the schema of `rules/business-hours.ts`, named in the OpenAPI document.
 */
import { z } from '@hono/zod-openapi';
import { BusinessHours as BusinessHoursModel } from '../../../rules/business-hours';

/** Named with zod's own `.meta` because `rules/` may be loaded before `@hono/zod-openapi` adds `.openapi`. */
export const BusinessHours = BusinessHoursModel.meta({
  id: 'BusinessHours',
  description:
    'Weekly windows in local time of an IANA time zone, minus holidays. SLA clocks run only inside them. ' +
    'Several windows a day are allowed (e.g. a lunch break); a window ends after it starts, at 24:00 at the latest.',
});
export type BusinessHours = BusinessHoursModel;

export const BusinessHoursSetting = z
  .object({
    serviceId: z.string(),
    businessHours: BusinessHours.nullable().openapi({ description: 'Null: the service works around the clock.' }),
  })
  .openapi('BusinessHoursSetting');
export type BusinessHoursSetting = z.infer<typeof BusinessHoursSetting>;
