/**
 * Downloads of a ticket search as a spreadsheet: at once when the server allows it (up to 5,000 rows), otherwise as
 * an export job whose progress is reported until its file is ready (api/routes/exports).
 */
import type { TicketSearch } from '../search/query';
import { ApiError, api, readSession } from './client';

export interface ExportJob {
  id: string;
  status: 'running' | 'done' | 'failed';
  fileName: string;
  rowsTotal: number;
  rowsWritten: number;
  truncated: boolean;
  error: string | null;
}

/** What an export job writes: a ticket search or a customer search, without paging. */
export type ExportRequest =
  | { kind: 'tickets'; search: TicketSearch }
  | { kind: 'customers'; search: Record<string, string | undefined> };

const POLL_MS = 1000;

function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(header)?.[1];
  return encoded ? decodeURIComponent(encoded) : fallback;
}

async function saveResponse(response: Response, fallback: string): Promise<void> {
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response, fallback);
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function authorisedFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const session = readSession();
  const headers: Record<string, string> = { ...(init.headers as Record<string, string>) };
  if (session) headers.authorization = `Bearer ${session.token}`;
  return fetch(path, { ...init, headers });
}

async function errorOf(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string; details?: unknown } } | null;
  return new ApiError(response.status, body?.error?.code ?? `http.${response.status}`, body?.error?.message ?? response.statusText, body?.error?.details);
}

/** Downloads the search as XLSX; `onProgress(written, total)` reports a job's progress when the search is large. */
export async function exportTicketSearch(
  search: Record<string, unknown>,
  language: 'ko' | 'en',
  onProgress: (written: number, total: number) => void,
): Promise<void> {
  const direct = await authorisedFetch(`/tickets/search/download?format=xlsx&language=${language}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(search),
  });
  if (direct.ok) return saveResponse(direct, 'tickets.xlsx');
  const refusal = await errorOf(direct);
  if (refusal.code !== 'export.too_large') throw refusal;

  let job = await api.post<ExportJob>('/exports', { kind: 'tickets', format: 'xlsx', language, search });
  while (job.status === 'running') {
    onProgress(job.rowsWritten, job.rowsTotal);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    job = await api.get<ExportJob>(`/exports/${encodeURIComponent(job.id)}`, { quiet: true });
  }
  if (job.status === 'failed') throw new ApiError(500, 'export.failed', job.error ?? 'The export failed.');
  onProgress(job.rowsTotal, job.rowsTotal);
  const file = await authorisedFetch(`/exports/${encodeURIComponent(job.id)}/file`);
  if (!file.ok) throw await errorOf(file);
  return saveResponse(file, 'tickets.xlsx');
}

/** An agent's default search conditions (조건 설정), as GET/PUT /search-defaults hold them. */
export interface SearchDefaults {
  conditions: { text?: string; priority?: string[]; channel?: string[] } & Record<string, unknown>;
  sort: 'created' | 'updated' | 'priority';
  direction: 'desc' | 'asc';
}

export const searchDefaultsApi = {
  get: () => api.get<SearchDefaults>('/search-defaults', { quiet: true }),
  save: (defaults: SearchDefaults) => api.put<SearchDefaults>('/search-defaults', defaults),
};

/** Export jobs (POST /exports) whose progress a page shows, and whose file it offers as a link when done. */
export const exportJobsApi = {
  start: (request: ExportRequest, format: 'csv' | 'xlsx', language: 'ko' | 'en') => api.post<ExportJob>('/exports', { ...request, format, language }),
  get: (id: string) => api.get<ExportJob>(`/exports/${encodeURIComponent(id)}`, { quiet: true }),
  /** The finished file as an object URL (the file route needs the bearer token, which a plain link cannot send). */
  async file(id: string): Promise<string> {
    const response = await authorisedFetch(`/exports/${encodeURIComponent(id)}/file`);
    if (!response.ok) throw await errorOf(response);
    return URL.createObjectURL(await response.blob());
  },
  pollMs: POLL_MS,
};
