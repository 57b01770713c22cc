/**
 * Typed calls to the transfer routes (api/routes/transfers) and the Dooray! settings agents read for the transfer
 * dialog (api/routes/dooray).
 */
import type { z } from 'zod';
import type {
  DoorayComment as DoorayCommentSchema,
  DoorayTransferBody,
  IssueTransferBody,
  TicketTransfers as TicketTransfersSchema,
  DoorayTransfer as DoorayTransferSchema,
  IssueTransfer as IssueTransferSchema,
  GuidanceRequest as GuidanceRequestSchema,
} from '../../../api/routes/transfers/transfers.schemas';
import type {
  LookupResult,
  Member,
  NewOrganizationBody,
  NewProjectBody,
  Organization,
  OrganizationPatchBody,
  Project,
} from '../../../api/routes/dooray/dooray.schemas';
import { api } from './client';

export type TicketTransfers = z.infer<typeof TicketTransfersSchema>;
export type DoorayTransfer = z.infer<typeof DoorayTransferSchema>;
export type IssueTransfer = z.infer<typeof IssueTransferSchema>;
export type GuidanceRequest = z.infer<typeof GuidanceRequestSchema>;
export type DoorayComment = z.infer<typeof DoorayCommentSchema>;
export type DoorayOrganization = z.infer<typeof Organization>;
export type DoorayProject = z.infer<typeof Project>;
export type DoorayMember = z.infer<typeof Member>;
export type DoorayLookup = z.infer<typeof LookupResult>;
export type NewDoorayOrganization = z.input<typeof NewOrganizationBody>;
export type DoorayOrganizationPatch = z.input<typeof OrganizationPatchBody>;
export type NewDoorayProject = z.input<typeof NewProjectBody>;
export type NewDoorayTransfer = z.input<typeof DoorayTransferBody>;
export type NewIssueTransfer = z.input<typeof IssueTransferBody>;

const ticketPath = (id: string, suffix: string) => `/tickets/${encodeURIComponent(id)}${suffix}`;

export const transfersApi = {
  of: (ticketId: string) => api.get<TicketTransfers>(ticketPath(ticketId, '/transfers'), { quiet: true }),
  toDooray: (ticketId: string, body: NewDoorayTransfer) => api.post<DoorayTransfer>(ticketPath(ticketId, '/dooray-transfers'), body),
  toIssueService: (ticketId: string, body: NewIssueTransfer) => api.post<IssueTransfer>(ticketPath(ticketId, '/issue-transfers'), body),
  conversation: (ticketId: string) => api.get<DoorayComment[]>(ticketPath(ticketId, '/dooray-conversation'), { quiet: true }),
  comment: (ticketId: string, body: string) => api.post<DoorayComment>(ticketPath(ticketId, '/dooray-comments'), { body }),
  requestGuidance: (ticketId: string, body: string) => api.post<GuidanceRequest>(ticketPath(ticketId, '/guidance-requests'), { body }),
  guidanceDone: (id: string) => api.post<GuidanceRequest>(`/guidance-requests/${encodeURIComponent(id)}/done`, {}),
};

const organizationPath = (id: string, suffix = '') => `/dooray/organizations/${encodeURIComponent(id)}${suffix}`;

export const doorayApi = {
  organizations: () => api.get<DoorayOrganization[]>('/dooray/organizations', { quiet: true }),
  projects: (organizationId: string) => api.get<DoorayProject[]>(organizationPath(organizationId, '/projects'), { quiet: true }),
  // Settings (admins)
  createOrganization: (body: NewDoorayOrganization) => api.post<DoorayOrganization>('/dooray/organizations', body),
  updateOrganization: (id: string, body: DoorayOrganizationPatch) => api.patch<DoorayOrganization>(organizationPath(id), body),
  createProject: (organizationId: string, body: NewDoorayProject) => api.post<DoorayProject>(organizationPath(organizationId, '/projects'), body),
  members: (organizationId: string) => api.get<DoorayMember[]>(organizationPath(organizationId, '/members'), { quiet: true }),
  setMember: (organizationId: string, agentId: string, memberId: string | null) =>
    api.put<DoorayMember>(organizationPath(organizationId, `/members/${encodeURIComponent(agentId)}`), { memberId }),
  lookupMembers: (organizationId: string) => api.post<DoorayLookup>(organizationPath(organizationId, '/members/lookup'), {}),
};
