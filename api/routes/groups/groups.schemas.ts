/**
 * Group schemas. Agents belong to one or more groups (그룹); member order is the order agents were added,
 * which round-robin assignment (순차배분) walks.
 */
import { z } from '@hono/zod-openapi';
import { Id, pathId } from '../../params';

export const Group = z
  .object({
    id: z.string(),
    serviceId: z.string(),
    name: z.string(),
    memberIds: z.array(z.string()).openapi({ description: 'Member agent ids in the order they were added.' }),
    createdAt: z.string(),
  })
  .openapi('Group');
export type Group = z.infer<typeof Group>;

export const NewGroupBody = z.strictObject({ name: z.string().trim().min(1).max(100) }).openapi('NewGroup');

export const GroupChangesBody = z.strictObject({ name: z.string().trim().min(1).max(100) }).openapi('GroupChanges');

export const GroupMembersBody = z
  .strictObject({
    agentIds: z
      .array(Id)
      .max(1000)
      .refine((ids) => new Set(ids).size === ids.length, 'agentIds must not repeat an agent')
      .openapi({ description: 'The complete new membership; agents already in the group keep their place in the order.' }),
  })
  .openapi('GroupMembers');

export const GroupParams = z.object({ id: pathId('id', 'G1603851004648zfnA') });
