/**
 * Typed calls to the organisation's admin routes: agents (api/routes/agents), groups (api/routes/groups), business
 * hours, SLA policies and automations (api/routes/time-rules), IVR routes (api/routes/ivr-routes), API tokens
 * (api/routes/auth) and the audit log (api/routes/audit).
 */
import type { z } from 'zod';
import type { AgentAccount as AgentSchema, AgentChangesBody, NewAgentBody } from '../../../api/routes/agents/agents.schemas';
import type { AuditPage as AuditPageSchema } from '../../../api/routes/audit/audit.schemas';
import type { ApiClient as ApiClientSchema } from '../../../api/routes/auth/auth.routes';
import type { Category as CategorySchema, CategoryChangesBody, NewCategoryBody } from '../../../api/routes/categories/categories.schemas';
import type { Group as GroupSchema } from '../../../api/routes/groups/groups.schemas';
import type { IvrRoute, IvrRouteBody as IvrRouteBodySchema, IvrRouteUpdateBody } from '../../../api/routes/ivr-routes/ivr-routes.schemas';
import type { Automation as AutomationSchema, AutomationBody as AutomationBodySchema } from '../../../api/routes/time-rules/automations.schemas';
import type { BusinessHours as BusinessHoursSchema, BusinessHoursSetting as BusinessHoursSettingSchema } from '../../../api/routes/time-rules/business-hours.schemas';
import type { SlaPolicy as SlaPolicySchema, SlaPolicyBody as SlaPolicyBodySchema, SlaPolicyList } from '../../../api/routes/time-rules/sla-policies.schemas';
import type { ApiScope } from '../../../domain/schemas';
import { api } from './client';
import type { DirectoryService as Service } from './types';

export type Agent = z.infer<typeof AgentSchema>;
export type NewAgent = z.input<typeof NewAgentBody>;
export type AgentChanges = z.input<typeof AgentChangesBody>;
export type Group = z.infer<typeof GroupSchema>;
export type Category = z.infer<typeof CategorySchema>;
export type NewCategory = z.input<typeof NewCategoryBody>;
export type CategoryChanges = z.input<typeof CategoryChangesBody>;
export type BusinessHours = z.input<typeof BusinessHoursSchema>;
export type BusinessHoursSetting = z.infer<typeof BusinessHoursSettingSchema>;
export type SlaPolicy = z.infer<typeof SlaPolicySchema>;
export type SlaPolicyBody = z.input<typeof SlaPolicyBodySchema>;
export type Automation = z.infer<typeof AutomationSchema>;
export type AutomationBody = z.input<typeof AutomationBodySchema>;
export type { IvrRoute };
export type IvrRouteBody = z.input<typeof IvrRouteBodySchema>;
export type IvrRouteChanges = z.input<typeof IvrRouteUpdateBody>;
export type ApiClient = z.infer<typeof ApiClientSchema>;
export type AuditPage = z.infer<typeof AuditPageSchema>;
export type AuditEntry = AuditPage['items'][number];

const servicePath = (serviceId: string, suffix: string) => `/services/${encodeURIComponent(serviceId)}/${suffix}`;

export const agentsApi = {
  list: () => api.get<Agent[]>('/agents'),
  create: (agent: NewAgent) => api.post<Agent>('/agents', agent),
  update: (id: string, changes: AgentChanges) => api.patch<Agent>(`/agents/${encodeURIComponent(id)}`, changes),
};

export const servicesApi = {
  list: () => api.get<Service[]>('/services'),
  create: (name: string, kind: Service['kind']) => api.post<Service>('/services', { name, kind }),
};

export const groupsApi = {
  list: (serviceId: string) => api.get<Group[]>(servicePath(serviceId, 'groups')),
  create: (serviceId: string, name: string) => api.post<Group>(servicePath(serviceId, 'groups'), { name }),
  rename: (id: string, name: string) => api.patch<Group>(`/groups/${encodeURIComponent(id)}`, { name }),
  setMembers: (id: string, agentIds: string[]) => api.put<Group>(`/groups/${encodeURIComponent(id)}/members`, { agentIds }),
  remove: (id: string) => api.delete<void>(`/groups/${encodeURIComponent(id)}`),
};

export const categorySettingsApi = {
  create: (serviceId: string, category: NewCategory) => api.post<Category>(servicePath(serviceId, 'categories'), category),
  update: (id: string, changes: CategoryChanges) => api.patch<Category>(`/categories/${encodeURIComponent(id)}`, changes),
  remove: (id: string) => api.delete<void>(`/categories/${encodeURIComponent(id)}`),
};

export const businessHoursApi = {
  get: (serviceId: string) => api.get<BusinessHoursSetting>(servicePath(serviceId, 'business-hours')),
  replace: (serviceId: string, hours: BusinessHours) => api.put<BusinessHoursSetting>(servicePath(serviceId, 'business-hours'), hours),
  remove: (serviceId: string) => api.delete<void>(servicePath(serviceId, 'business-hours')),
};

export const slaPoliciesApi = {
  list: (serviceId: string) => api.get<z.infer<typeof SlaPolicyList>>(servicePath(serviceId, 'sla-policies')),
  create: (serviceId: string, policy: SlaPolicyBody) => api.post<SlaPolicy>(servicePath(serviceId, 'sla-policies'), policy),
  replace: (id: string, policy: SlaPolicyBody) => api.put<SlaPolicy>(`/sla-policies/${encodeURIComponent(id)}`, policy),
  reorder: (serviceId: string, policyIds: string[]) => api.put<z.infer<typeof SlaPolicyList>>(servicePath(serviceId, 'sla-policies/order'), { policyIds }),
  remove: (id: string) => api.delete<void>(`/sla-policies/${encodeURIComponent(id)}`),
};

export const automationsApi = {
  list: (serviceId: string) => api.get<{ automations: Automation[] }>(servicePath(serviceId, 'automations')),
  create: (serviceId: string, automation: AutomationBody) => api.post<Automation>(servicePath(serviceId, 'automations'), automation),
  replace: (id: string, automation: AutomationBody) => api.put<Automation>(`/automations/${encodeURIComponent(id)}`, automation),
  remove: (id: string) => api.delete<void>(`/automations/${encodeURIComponent(id)}`),
};

export const ivrRoutesApi = {
  list: (serviceId: string) => api.get<IvrRoute[]>('/ivr-routes', { query: { serviceId } }),
  create: (route: IvrRouteBody) => api.post<IvrRoute>('/ivr-routes', route),
  replace: (id: string, changes: IvrRouteChanges) => api.put<IvrRoute>(`/ivr-routes/${encodeURIComponent(id)}`, changes),
  remove: (id: string) => api.delete<void>(`/ivr-routes/${encodeURIComponent(id)}`),
};

export const tokensApi = {
  list: () => api.get<ApiClient[]>('/auth/tokens'),
  create: (name: string, scopes: ApiScope[]) => api.post<ApiClient & { token: string }>('/auth/tokens', { name, scopes }),
  revoke: (id: string) => api.delete<void>(`/auth/tokens/${encodeURIComponent(id)}`),
};

export const auditApi = {
  page: (cursor?: string) => api.get<AuditPage>('/audit', { query: { limit: 50, cursor } }),
};
