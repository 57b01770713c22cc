/**
 * A client for Dooray!'s project API (the shapes of docs in dooray-api.md): tasks, comments and members, with the
 * `dooray-api` token, a timeout per call, the outbound private-range policy, and errors that say whether a retry
 * can help. A 429 carries how long to wait, from `Retry-After` or the token bucket's replenish rate.
 */
import { checkOutboundUrl, type OutboundPolicy } from './outbound';
import type { DoorayMimeType, DoorayPriority } from '../domain/transfer';

/** Why a Dooray call failed: `permanent` when the same request will fail again (4xx other than 408/429). */
export class DoorayError extends Error {
  override name = 'DoorayError';
  constructor(
    message: string,
    readonly status: number | null,
    readonly permanent: boolean,
    /** For a 429: how long the rate limit asks us to wait. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}

export interface DoorayTaskDraft {
  subject: string;
  body: { mimeType: DoorayMimeType; content: string };
  to: ({ memberId: string } | { email: string; name: string | null })[];
  from: string | null;
  tagIds: string[];
  priority: DoorayPriority;
}

export interface DoorayTask {
  id: string;
  subject: string;
  number: number | null;
  workflowClass: string | null;
}

export interface DoorayClient {
  createTask(projectId: string, draft: DoorayTaskDraft): Promise<{ id: string }>;
  /** Tasks whose subject contains the text, newest first (the API's `subjects` filter). */
  findTasksBySubject(projectId: string, text: string): Promise<DoorayTask[]>;
  getTask(projectId: string, postId: string): Promise<DoorayTask>;
  postComment(projectId: string, postId: string, body: { mimeType: DoorayMimeType; content: string }): Promise<{ id: string }>;
  /** Members by email (at most 10 at a time): email → organizationMemberId. */
  membersByEmail(emails: string[]): Promise<Map<string, string>>;
}

export interface DoorayConnection {
  baseUrl: string;
  token: string;
  timeoutMs: number;
  policy: OutboundPolicy;
}

const RETRYABLE_STATUS = new Set([408, 425, 429]);

export function createDoorayClient(connection: DoorayConnection): DoorayClient {
  const base = connection.baseUrl.replace(/\/+$/, '');
  const call = async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
    const url = `${base}${path}`;
    await checkOutboundUrl(url, connection.policy);
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: {
          authorization: `dooray-api ${connection.token}`,
          'content-type': 'application/json',
          'user-agent': 'Contactflow',
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(connection.timeoutMs),
        redirect: 'error',
      });
    } catch (error) {
      throw new DoorayError(`Dooray did not answer ${method} ${path}: ${(error as Error).message}`, null, false);
    }
    const text = await response.text().catch(() => '');
    if (response.status === 429) {
      throw new DoorayError(`Dooray is rate limiting ${method} ${path}`, 429, false, retryAfter(response.headers));
    }
    if (!response.ok) {
      const permanent = response.status < 500 && !RETRYABLE_STATUS.has(response.status);
      throw new DoorayError(`Dooray answered ${response.status} to ${method} ${path}`, response.status, permanent);
    }
    let parsed: { header?: { isSuccessful?: boolean; resultCode?: number }; result?: unknown; totalCount?: number };
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new DoorayError(`Dooray answered ${method} ${path} with something that is not JSON`, response.status, false);
    }
    if (parsed.header && parsed.header.isSuccessful === false) {
      throw new DoorayError(`Dooray refused ${method} ${path} (result code ${parsed.header.resultCode})`, response.status, true);
    }
    return parsed.result as T;
  };

  const toTask = (raw: Record<string, unknown>): DoorayTask => ({
    id: String(raw.id),
    subject: String(raw.subject ?? ''),
    number: typeof raw.number === 'number' ? raw.number : typeof raw.taskNumber === 'number' ? raw.taskNumber : null,
    workflowClass: typeof raw.workflowClass === 'string' ? raw.workflowClass : null,
  });

  return {
    async createTask(projectId, draft) {
      const users = {
        to: draft.to.map((user) =>
          'memberId' in user
            ? { type: 'member', member: { organizationMemberId: user.memberId } }
            : { type: 'emailUser', emailUser: { emailAddress: user.email, name: user.name ?? user.email } },
        ),
        cc: [],
        ...(draft.from ? { from: { type: 'member', member: { organizationMemberId: draft.from } } } : {}),
      };
      const result = await call<{ id: string }>('POST', `/project/v1/projects/${encodeURIComponent(projectId)}/posts`, {
        users,
        subject: draft.subject,
        body: draft.body,
        tagIds: draft.tagIds,
        priority: draft.priority,
      });
      if (!result?.id) throw new DoorayError('Dooray created a task without answering its id', 200, false);
      return { id: String(result.id) };
    },
    async findTasksBySubject(projectId, text) {
      const query = new URLSearchParams({ subjects: text, order: '-createdAt', size: '20' });
      const result = await call<Record<string, unknown>[]>('GET', `/project/v1/projects/${encodeURIComponent(projectId)}/posts?${query}`);
      return (result ?? []).map(toTask).filter((task) => task.subject.includes(text));
    },
    async getTask(projectId, postId) {
      return toTask(await call<Record<string, unknown>>('GET', `/project/v1/projects/${encodeURIComponent(projectId)}/posts/${encodeURIComponent(postId)}`));
    },
    async postComment(projectId, postId, body) {
      const result = await call<{ id: string }>(
        'POST',
        `/project/v1/projects/${encodeURIComponent(projectId)}/posts/${encodeURIComponent(postId)}/logs`,
        { body },
      );
      return { id: String(result.id) };
    },
    async membersByEmail(emails) {
      const found = new Map<string, string>();
      for (let start = 0; start < emails.length; start += 10) {
        const batch = emails.slice(start, start + 10);
        const query = new URLSearchParams({ externalEmailAddresses: batch.join(',') });
        const members = await call<{ id: string; externalEmailAddress?: string; emailAddress?: string }[]>('GET', `/common/v1/members?${query}`);
        for (const member of members ?? []) {
          const email = (member.externalEmailAddress ?? member.emailAddress ?? '').toLowerCase();
          if (email) found.set(email, String(member.id));
        }
      }
      return found;
    },
  };
}

/** How long a 429 asks us to wait: `Retry-After`, else one token's worth of the bucket's replenish rate. */
function retryAfter(headers: Headers): number {
  const after = Number(headers.get('retry-after'));
  if (Number.isFinite(after) && after > 0) return after * 1000;
  const rate = Number(headers.get('x-ratelimit-replenish-rate'));
  if (Number.isFinite(rate) && rate > 0) return Math.ceil(1000 / rate);
  return 1000;
}
