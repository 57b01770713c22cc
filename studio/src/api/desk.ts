/**
 * Typed calls to the ticket desk routes: bulk jobs (api/routes/bulk-jobs) and ticket edits (PATCH /tickets/{id}).
 */
import type { z } from 'zod';
import type { BulkAction, BulkJob as BulkJobSchema } from '../../../api/routes/bulk-jobs/bulk-jobs.schemas';
import type { EditTicketBody } from '../../../api/routes/tickets/tickets.schemas';
import { api, ApiError, followEvents, readSession } from './client';
import type { Ticket } from './types';

export type BulkJob = z.infer<typeof BulkJobSchema>;
export type BulkActionInput = z.input<typeof BulkAction>;
export type TicketEdit = z.input<typeof EditTicketBody>;

export const deskApi = {
  startBulkJob: (ticketIds: string[], action: BulkActionInput) => api.post<BulkJob>('/bulk-jobs', { ticketIds, action }),
  editTicket: (id: string, edit: TicketEdit) => api.patch<Ticket>(`/tickets/${encodeURIComponent(id)}`, edit),

  /** Follows a job's server-sent events until it finishes, calling `onProgress` with every update. */
  followBulkJob: (id: string, onProgress: (job: BulkJob) => void, signal: AbortSignal) =>
    followEvents('GET', `/bulk-jobs/${encodeURIComponent(id)}/events`, { signal }, (_event, job) => onProgress(job as BulkJob)),
};

export type ReplyTemplate = { id: string; code: string; title: string; body: string; resolutionTypeId: string | null };
export type UploadedAttachment = { id: string; filename: string; mediaType: string; sizeBytes: number; sha256: string };

export const composerApi = {
  templates: (serviceId: string, query: string) =>
    api.get<ReplyTemplate[]>(`/services/${encodeURIComponent(serviceId)}/reply-templates`, { query: { q: query }, quiet: true }),
  render: (ticketId: string, templateId: string) =>
    api.get<{ body: string }>(`/tickets/${encodeURIComponent(ticketId)}/reply-templates/${encodeURIComponent(templateId)}`),

  /** Uploads files as multipart (the JSON client cannot), with the same error shape. */
  async upload(ticketId: string, files: File[]): Promise<UploadedAttachment[]> {
    const form = new FormData();
    for (const file of files) form.append('files', file, file.name);
    const session = readSession();
    const response = await fetch(`/tickets/${encodeURIComponent(ticketId)}/attachments`, {
      method: 'POST',
      body: form,
      headers: session ? { authorization: `Bearer ${session.token}` } : {},
    });
    const payload = (await response.json().catch(() => null)) as { error?: { code: string; message: string; details?: unknown } } | null;
    if (!response.ok) {
      throw new ApiError(response.status, payload?.error?.code ?? `http.${response.status}`, payload?.error?.message ?? response.statusText, payload?.error?.details);
    }
    return payload as unknown as UploadedAttachment[];
  },
};

export type FieldDefinition = {
  id: string;
  scope: 'customer' | 'agent';
  code: string;
  control: 'text' | 'textarea' | 'checkbox' | 'dropdown' | 'date' | 'number';
  labels: Record<string, string>;
  options: { code: string; labels: Record<string, string> }[];
  intakeTypeId: string | null;
  editableBy: 'admin' | 'all';
  required: boolean;
  encrypted: boolean;
};

export const fieldsApi = {
  list: (serviceId: string) =>
    api.get<{ systemFields: string[]; fields: FieldDefinition[] }>(`/services/${encodeURIComponent(serviceId)}/fields`, { quiet: true }),
};
