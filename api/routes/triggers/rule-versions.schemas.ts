/**
 * Rule-set version schemas. A version is an immutable, numbered snapshot of a service's triggers together with
 * the json-rules-engine rules compiled from them, which is what evaluation runs.
 */
import { z } from '@hono/zod-openapi';
import { pathId } from '../../params';
import { Trigger } from './triggers.schemas';

const Note = z.string().trim().max(500);

export const RuleDefinition = z.record(z.string(), z.unknown()).openapi('RuleDefinition', {
  description: 'A json-rules-engine rule definition (RuleProperties) compiled from one trigger: the stored, portable form.',
});

export const RuleSetVersionSummary = z
  .object({
    id: z.string(),
    serviceId: z.string(),
    number: z.number().int().openapi({ description: '1, 2, 3… per service.' }),
    publishedBy: z.string().nullable(),
    publishedAt: z.string(),
    note: z.string().nullable(),
    rolledBackFrom: z.number().int().nullable().openapi({ description: 'The number of the version this one republished.' }),
    triggerCount: z.number().int(),
    current: z.boolean().openapi({ description: 'Whether this is the version the service evaluates.' }),
  })
  .openapi('RuleSetVersionSummary');
export type RuleSetVersionSummary = z.infer<typeof RuleSetVersionSummary>;

export const RuleSetVersion = RuleSetVersionSummary.extend({
  triggers: z.array(Trigger).openapi({ description: 'The triggers as published, in the order they run.' }),
  definitions: z.array(RuleDefinition),
}).openapi('RuleSetVersion');
export type RuleSetVersion = z.infer<typeof RuleSetVersion>;

export const PublishBody = z.strictObject({ note: Note.optional() }).openapi('PublishRuleSet');

export const RollbackBody = z.strictObject({ note: Note.optional() }).openapi('RollbackRuleSet');

export const RuleSetVersionsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.coerce.number().int().min(1).optional().openapi({ description: 'Only versions numbered below this one.' }),
});

export const RuleSetVersionParams = z.object({ id: pathId('id', 'V1603851004648zfnA') });
