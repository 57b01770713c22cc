import { z } from '@hono/zod-openapi';
import { DOORAY_TASK_CLASSES } from '../../../domain/transfer';
import { pathId } from '../../params';

const Name = z.string().trim().min(1).max(100);
const MemberId = z.string().trim().min(1).max(64);
const HttpUrl = z.url({ protocol: /^https?$/ }).max(500);

export const OrganizationParams = z.object({ id: pathId('id', 'DO1603851004648zfnA') });
export const MemberParams = z.object({ id: pathId('id', 'DO1603851004648zfnA'), agentId: pathId('agentId', 'A1603851004648zfnA') });

export const NewOrganizationBody = z
  .object({
    name: Name,
    doorayOrgId: z.string().trim().min(1).max(64).openapi({ description: 'The Dooray! organisation id' }),
    apiBaseUrl: HttpUrl.default('https://api.dooray.com').openapi({ description: 'https://api.dooray.com, or your cloud’s API host' }),
    apiToken: z.string().trim().min(1).max(500).openapi({ description: 'A Dooray! API token; stored encrypted and never returned' }),
  })
  .strict();

export const OrganizationPatchBody = z
  .object({
    name: Name.optional(),
    apiBaseUrl: HttpUrl.optional(),
    apiToken: z.string().trim().min(1).max(500).optional(),
    paused: z.boolean().optional().openapi({ description: 'Pause switch (일시 중지): refuses new transfers while true' }),
  })
  .strict();

export const Organization = z
  .object({ id: z.string(), name: z.string(), doorayOrgId: z.string(), apiBaseUrl: z.string(), paused: z.boolean(), createdAt: z.string() })
  .openapi('DoorayOrganization');

export const NewProjectBody = z
  .object({
    name: Name,
    url: HttpUrl.nullable().default(null).openapi({ description: 'The project’s address in Dooray (links to tasks)' }),
    doorayProjectId: z.string().trim().min(1).max(64),
    defaultCreatorMemberId: MemberId.openapi({ description: 'Tasks of agents without a Dooray member id are created as this member' }),
  })
  .strict();

export const Project = z
  .object({
    id: z.string(),
    organizationId: z.string(),
    name: z.string(),
    url: z.string().nullable(),
    doorayProjectId: z.string(),
    defaultCreatorMemberId: z.string(),
    createdAt: z.string(),
    webhookUrl: z.string().nullable().openapi({ description: 'For the project’s outgoing webhook; carries its secret (admins only)' }),
  })
  .openapi('DoorayProject');

export const Member = z
  .object({
    agentId: z.string(),
    agentName: z.string(),
    agentEmail: z.string(),
    memberId: z.string().nullable(),
    source: z.enum(['lookup', 'manual']).nullable(),
  })
  .openapi('DoorayMember');

export const MemberBody = z.object({ memberId: MemberId.nullable() }).strict();
export const LookupResult = z.object({ found: z.number(), notFound: z.array(z.string()), members: z.array(Member) });

export const HookParams = z.object({ projectId: pathId('projectId', 'DP1603851004648zfnA'), secret: pathId('secret', 'k3y') });

const Names = z.array(z.object({ locale: z.string(), name: z.string() }).loose());
const MemberRef = z.object({ id: z.string().optional(), organizationMemberId: z.string().optional(), name: z.string().optional() }).loose();

/** Both payload variants Dooray sends (`webhookType`/`version` or `hookEventType`/`hookVersion`). */
export const HookPayload = z
  .object({
    webhookType: z.string().optional(),
    hookEventType: z.string().optional(),
    version: z.number().optional(),
    hookVersion: z.number().optional(),
    workflow: z.object({ id: z.string().optional(), name: z.string().optional(), names: Names.optional(), class: z.enum(DOORAY_TASK_CLASSES) }).loose().optional(),
    comment: z
      .object({
        id: z.string().min(1),
        createdAt: z.string().optional(),
        body: z.object({ mimeType: z.string().optional(), content: z.string() }).loose(),
        creator: z.object({ type: z.string().optional(), member: MemberRef.optional() }).loose().optional(),
      })
      .loose()
      .optional(),
    post: z.object({ id: z.string().min(1) }).loose(),
    project: z.object({ id: z.string() }).loose().optional(),
    source: z.object({ type: z.string().optional(), member: MemberRef.optional() }).loose().optional(),
    requestOrigin: z.object({ type: z.string() }).loose().optional(),
  })
  .loose()
  .refine((payload) => payload.webhookType ?? payload.hookEventType, { message: 'webhookType or hookEventType is required' });

export const HookOutcome = z
  .object({ outcome: z.enum(['delivered', 'stored', 'duplicate', 'echo', 'unknown_post', 'ignored', 'ticket_closed']) })
  .openapi('DoorayHookOutcome');
