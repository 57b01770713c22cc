/**
 * Trigger draft schemas. The trigger itself is the model of `rules/` (one schema, one name); request bodies are
 * derived from it so the OpenAPI document shows exactly what the rule engine accepts.
 */
import { z } from '@hono/zod-openapi';
import { Trigger as TriggerModel } from '../../../rules/index';
import { Id, pathId } from '../../params';

/**
 * The trigger model of `rules/model.ts`, named in the OpenAPI document. Named with zod's own `.meta` (which the
 * document generator reads) because `rules/` may be loaded before `@hono/zod-openapi` adds `.openapi` to schemas.
 */
export const Trigger = TriggerModel.meta({
  id: 'Trigger',
  description: 'When its conditions hold on a ticket event it listens to, its results run in order.',
});
export type Trigger = TriggerModel;

/** A trigger as an admin writes it: the server assigns the id and the position. */
export const TriggerBody = TriggerModel.omit({ id: true, position: true })
  .extend({
    enabled: TriggerModel.shape.enabled.optional().openapi({
      description: 'Defaults to true for a new trigger; a replacement without it keeps the current value.',
    }),
  })
  .openapi('TriggerBody');
export type TriggerBody = z.infer<typeof TriggerBody>;

export const TriggerChangesBody = z
  .strictObject({ title: TriggerModel.shape.title.optional(), enabled: TriggerModel.shape.enabled.optional() })
  .refine((body) => body.title !== undefined || body.enabled !== undefined, 'Give at least one of title, enabled.')
  .openapi('TriggerChanges');

export const TriggerOrderBody = z
  .strictObject({
    triggerIds: z.array(Id).max(1000).openapi({
      description: "Every trigger of the service, each once, in the order they are to run (top first).",
    }),
  })
  .openapi('TriggerOrder');

export const PublishedVersionRef = z
  .object({ id: z.string(), number: z.number().int(), publishedAt: z.string() })
  .openapi('PublishedVersionRef');

export const TriggerList = z
  .object({
    triggers: z.array(Trigger).openapi({ description: 'Draft triggers in the order they run.' }),
    publishedVersion: PublishedVersionRef.nullable().openapi({ description: 'The version being evaluated, if any.' }),
    unpublishedChanges: z.boolean().openapi({ description: 'Whether the drafts differ from the published version.' }),
  })
  .openapi('TriggerList');
export type TriggerList = z.infer<typeof TriggerList>;

export const TriggerParams = z.object({ id: pathId('id', 'R1603851004648zfnA') });
