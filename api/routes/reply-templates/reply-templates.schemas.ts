/**
 * Reply-template schemas (답변 템플릿): a code, a title and a body with substitution codes such as
 * `#{customer.name}`, `#{ticket.id}`, `#{agent.name}` or `#{customerField.<code>}`.
 */
import { z } from '@hono/zod-openapi';
import { Id, pathId } from '../../params';

const Code = z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'letters, digits, _ . or -, up to 64');

export const ReplyTemplate = z
  .object({
    id: z.string(),
    serviceId: z.string(),
    code: z.string(),
    title: z.string(),
    body: z.string(),
    resolutionTypeId: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('ReplyTemplate');

export const ReplyTemplateQuery = z.object({
  q: z.string().trim().max(100).optional().openapi({ description: 'Part of the title or code.' }),
  resolutionTypeId: Id.optional(),
});

export const NewReplyTemplateBody = z
  .strictObject({
    code: Code,
    title: z.string().trim().min(1).max(200),
    body: z.string().trim().min(1).max(20_000),
    resolutionTypeId: Id.nullish(),
  })
  .openapi('NewReplyTemplate');

export const ReplyTemplateChangesBody = z
  .strictObject({
    code: Code.optional(),
    title: z.string().trim().min(1).max(200).optional(),
    body: z.string().trim().min(1).max(20_000).optional(),
    resolutionTypeId: Id.nullable().optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), 'Give at least one change.')
  .openapi('ReplyTemplateChanges');

export const ReplyTemplateParams = z.object({ id: pathId('id', 'R1603851004648zfnA') });
export const RenderParams = z.object({
  id: pathId('id', 'T1603851004648zfnA'),
  templateId: pathId('templateId', 'R1603851004648zfnA'),
});

export const RenderedTemplate = z
  .object({ templateId: z.string(), title: z.string(), body: z.string(), resolutionTypeId: z.string().nullable() })
  .openapi('RenderedTemplate');
