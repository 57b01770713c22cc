/**
 * Typed calls to the admin settings routes: fields (api/routes/fields) and reply templates
 * (api/routes/reply-templates).
 */
import type { z } from 'zod';
import type { Field as FieldSchema, FieldChangesBody, FieldList as FieldListSchema, NewFieldBody } from '../../../api/routes/fields/fields.schemas';
import type {
  NewReplyTemplateBody,
  ReplyTemplate as ReplyTemplateSchema,
  ReplyTemplateChangesBody,
} from '../../../api/routes/reply-templates/reply-templates.schemas';
import { api } from './client';

export type Field = z.infer<typeof FieldSchema>;
export type FieldList = z.infer<typeof FieldListSchema>;
export type NewField = z.input<typeof NewFieldBody>;
export type FieldChanges = z.input<typeof FieldChangesBody>;
export type ReplyTemplate = z.infer<typeof ReplyTemplateSchema>;
export type NewReplyTemplate = z.input<typeof NewReplyTemplateBody>;
export type ReplyTemplateChanges = z.input<typeof ReplyTemplateChangesBody>;

const servicePath = (serviceId: string, suffix: string) => `/services/${encodeURIComponent(serviceId)}/${suffix}`;

export const fieldSettingsApi = {
  list: (serviceId: string) => api.get<FieldList>(servicePath(serviceId, 'fields')),
  create: (serviceId: string, field: NewField) => api.post<Field>(servicePath(serviceId, 'fields'), field),
  update: (id: string, changes: FieldChanges) => api.patch<Field>(`/fields/${encodeURIComponent(id)}`, changes),
  remove: (id: string) => api.delete<void>(`/fields/${encodeURIComponent(id)}`),
};

export const templateSettingsApi = {
  list: (serviceId: string, query = '') => api.get<ReplyTemplate[]>(servicePath(serviceId, 'reply-templates'), { query: { q: query.trim() } }),
  create: (serviceId: string, template: NewReplyTemplate) => api.post<ReplyTemplate>(servicePath(serviceId, 'reply-templates'), template),
  update: (id: string, changes: ReplyTemplateChanges) => api.patch<ReplyTemplate>(`/reply-templates/${encodeURIComponent(id)}`, changes),
  remove: (id: string) => api.delete<void>(`/reply-templates/${encodeURIComponent(id)}`),
};
