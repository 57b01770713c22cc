/**
 * Category schemas: intake types (접수유형, chosen by the customer or agent) and resolution types (처리유형,
 * chosen by the agent when processing), each a tree of at most five levels per service.
 */
import { z } from '@hono/zod-openapi';
import { CATEGORY_KINDS } from '../../../store/directory/categories';
import { Id, pathId } from '../../params';

export const MAX_CATEGORY_DEPTH = 5;

export const CategoryKind = z.enum(CATEGORY_KINDS);
export type CategoryKind = z.infer<typeof CategoryKind>;

const Name = z.string().trim().min(1).max(100);
const Position = z.number().int().min(0).max(100_000);

export const Category = z
  .object({
    id: z.string(),
    serviceId: z.string(),
    kind: CategoryKind,
    parentId: z.string().nullable(),
    name: z.string(),
    depth: z.number().int().min(1).max(MAX_CATEGORY_DEPTH),
    position: z.number().int(),
    enabled: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('Category');
export type Category = z.infer<typeof Category>;

export type CategoryNode = Category & { children: CategoryNode[] };
export const CategoryNode: z.ZodType<CategoryNode> = z
  .lazy(() => Category.extend({ children: z.array(CategoryNode) }))
  .openapi('CategoryNode', { description: 'A category with its children, ordered by position then name.' });

export const CategoryTreeQuery = z.object({ kind: CategoryKind });

export const NewCategoryBody = z
  .strictObject({
    kind: CategoryKind,
    name: Name,
    parentId: Id.nullish().openapi({ description: 'A category of the same service and kind; omit for a top-level one.' }),
    position: Position.optional().openapi({ description: 'Defaults to after the last sibling.' }),
  })
  .openapi('NewCategory');

export const CategoryChangesBody = z
  .strictObject({ name: Name.optional(), enabled: z.boolean().optional(), position: Position.optional() })
  .refine((body) => Object.values(body).some((value) => value !== undefined), 'Give at least one of name, enabled, position.')
  .openapi('CategoryChanges');

export const CategoryParams = z.object({ id: pathId('id', 'C1603851004648zfnA') });
