/**
 * A fake Dooray! for tests and for `DOORAY_DEMO=true npm start`: a real HTTP server on loopback speaking the shapes
 * of Dooray's project API (tasks, task statuses, comments, members, project webhooks), keeping everything in memory.
 *
 * Failure modes, for the tests that prove transfers survive them: answer 500 (or any status) for the next N calls,
 * rate-limit with 429 and the token bucket's headers, drop the connection after creating a task, or hold a creation's
 * answer until the test lets it go. Moving a task or commenting on it (as a Dooray user would) sends the project's
 * outgoing webhooks, in either payload variant.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type TaskClass = 'backlog' | 'registered' | 'working' | 'closed';

export interface FakeTask {
  id: string;
  projectId: string;
  number: number;
  subject: string;
  body: { mimeType: string; content: string };
  users: { from?: unknown; to: unknown[]; cc?: unknown[] };
  tagIds: string[];
  priority: string;
  workflowId: string;
  createdAt: string;
  updatedAt: string;
  comments: FakeComment[];
}

export interface FakeComment {
  id: string;
  body: { mimeType: string; content: string };
  creator: { type: 'member'; member: { organizationMemberId: string; name: string } };
  createdAt: string;
  viaApi: boolean;
}

export interface FakeRequest {
  method: string;
  path: string;
  at: number;
  status: number;
  authorization: string | undefined;
}

export interface HookDelivery {
  url: string;
  payload: Record<string, unknown>;
  status: number;
  body: unknown;
}

interface Workflow {
  id: string;
  name: string;
  names: { locale: string; name: string }[];
  class: TaskClass;
  order: number;
}

interface Project {
  id: string;
  code: string;
  tasks: Map<string, FakeTask>;
  hooks: string[];
  nextNumber: number;
}

const WORKFLOWS: Workflow[] = [
  { id: 'wf-backlog', class: 'backlog', order: 0, name: '대기', names: [{ locale: 'ko_KR', name: '대기' }, { locale: 'en_US', name: 'Backlog' }] },
  { id: 'wf-registered', class: 'registered', order: 1, name: '등록', names: [{ locale: 'ko_KR', name: '등록' }, { locale: 'en_US', name: 'To do' }] },
  { id: 'wf-working', class: 'working', order: 2, name: '진행 중', names: [{ locale: 'ko_KR', name: '진행 중' }, { locale: 'en_US', name: 'In progress' }] },
  { id: 'wf-closed', class: 'closed', order: 3, name: '완료', names: [{ locale: 'ko_KR', name: '완료' }, { locale: 'en_US', name: 'Done' }] },
];

export interface FakeDoorayOptions {
  /** The token callers must send; any token is accepted when unset. */
  token?: string;
  /** The member our token belongs to: the author of comments made through the API. */
  apiMemberId?: string;
  port?: number;
  /** The organisation id webhooks carry. */
  organizationId?: string;
}

export interface FakeDooray {
  url: string;
  requests: FakeRequest[];
  deliveries: HookDelivery[];
  addProject(projectId: string, code?: string): void;
  addMember(email: string, memberId: string, name?: string): void;
  tasks(projectId: string): FakeTask[];
  task(projectId: string, postId: string): FakeTask | undefined;
  /** Creates calls seen (successful or not), for counting attempts. */
  createAttempts(projectId: string): FakeRequest[];
  /** The next `count` API calls (optionally only those whose path contains `pathPart`) answer `status`. */
  failNext(count: number, status?: number, pathPart?: string): void;
  /** The next `count` calls answer 429 with an empty bucket refilling at `replenishRate` tokens a second. */
  rateLimitNext(count: number, replenishRate?: number): void;
  /** The next `count` task creations create the task, then drop the connection without answering. */
  dropAfterCreate(count?: number): void;
  /** The next task creation creates the task and holds its answer until `release()`, or forever if the caller dies. */
  holdNextCreate(): { created: Promise<FakeTask>; release(): void };
  /** Moves a task as a Dooray user would and sends the webhooks; resolves with the deliveries' answers. */
  moveTask(projectId: string, postId: string, taskClass: TaskClass, options?: WebhookOptions): Promise<HookDelivery[]>;
  /** Adds a comment as a Dooray user would and sends the webhooks. */
  comment(projectId: string, postId: string, content: string, options?: WebhookOptions & { author?: { id: string; name: string } }): Promise<HookDelivery[]>;
  /** The payload a status change would send, for tests that deliver it themselves (duplicated, late, forged). */
  workflowChangedPayload(projectId: string, postId: string, taskClass: TaskClass, options?: WebhookOptions): Record<string, unknown>;
  commentPayload(projectId: string, postId: string, comment: FakeComment, options?: WebhookOptions): Record<string, unknown>;
  stop(): Promise<void>;
}

export interface WebhookOptions {
  /** `a`: webhookType/version; `b`: hookEventType/hookVersion (real payloads differ between versions). */
  variant?: 'a' | 'b';
  origin?: 'web' | 'open-api' | 'mobile';
  /** Whether to send to the registered hooks (default) or only build the payload. */
  send?: boolean;
}

const envelope = (result: unknown, extra: Record<string, unknown> = {}) => ({
  header: { isSuccessful: true, resultCode: 0, resultMessage: '' },
  result,
  ...extra,
});
const failure = (code: number, message: string) => ({ header: { isSuccessful: false, resultCode: code, resultMessage: message }, result: null });

export async function startFakeDooray(options: FakeDoorayOptions = {}): Promise<FakeDooray> {
  const projects = new Map<string, Project>();
  const members = new Map<string, { id: string; name: string }>();
  const requests: FakeRequest[] = [];
  const deliveries: HookDelivery[] = [];
  const failures: { status: number; pathPart?: string; rateLimit?: number }[] = [];
  let drops = 0;
  let hold: { resolve: (task: FakeTask) => void; released: Promise<void> } | null = null;
  const sockets = new Set<Socket>();
  const apiMemberId = options.apiMemberId ?? 'm-api';
  const tenant = { id: 't-fake' };

  const project = (id: string) => projects.get(id);
  const now = () => new Date().toISOString();

  const taskView = (p: Project, task: FakeTask) => {
    const workflow = WORKFLOWS.find((w) => w.id === task.workflowId)!;
    return {
      id: task.id,
      subject: task.subject,
      project: { id: p.id, code: p.code },
      taskNumber: `${p.code}/${task.number}`,
      number: task.number,
      closed: workflow.class === 'closed',
      createdAt: task.createdAt,
      updatedAt: task.updatedAt,
      priority: task.priority,
      workflowClass: workflow.class,
      workflow: { id: workflow.id, name: workflow.name },
      users: { from: task.users.from ?? { type: 'member', member: { organizationMemberId: apiMemberId } }, to: task.users.to, cc: task.users.cc ?? [] },
      body: task.body,
      tags: task.tagIds.map((id) => ({ id })),
      milestone: null,
    };
  };

  const sendHooks = async (p: Project, payload: Record<string, unknown>): Promise<HookDelivery[]> => {
    const sent: HookDelivery[] = [];
    for (const url of p.hooks) {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // Kept as text.
      }
      const delivery = { url, payload, status: response.status, body };
      deliveries.push(delivery);
      sent.push(delivery);
    }
    return sent;
  };

  const workflowChangedPayload = (projectId: string, postId: string, taskClass: TaskClass, hook: WebhookOptions = {}) => {
    const p = project(projectId)!;
    const task = p.tasks.get(postId);
    const workflow = WORKFLOWS.find((w) => w.class === taskClass)!;
    const kind = hook.variant === 'b' ? { hookEventType: 'postWorkflowChanged', hookVersion: 2 } : { webhookType: 'postWorkflowChanged', version: 2 };
    return {
      ...kind,
      workflow: { id: workflow.id, names: workflow.names, class: workflow.class },
      post: { id: postId, subject: task?.subject ?? '', number: task?.number ?? 0 },
      project: { id: p.id, code: p.code },
      tenant,
      source: { type: 'member', member: { id: 'm-web', name: '두레이 담당자', userCode: 'dooray.user', emailAddress: 'user@dooray.test' } },
      requestOrigin: { type: hook.origin ?? 'web' },
      titleLink: `${server.url}/project/posts/${postId}`,
    };
  };

  const commentPayload = (projectId: string, postId: string, comment: FakeComment, hook: WebhookOptions = {}) => {
    const p = project(projectId)!;
    const task = p.tasks.get(postId);
    const kind = hook.variant === 'b' ? { hookEventType: 'postCommentCreated', hookVersion: 2 } : { webhookType: 'postCommentCreated', version: 2 };
    return {
      ...kind,
      comment: { id: comment.id, subtype: 'general', createdAt: comment.createdAt, body: comment.body, creator: comment.creator },
      post: { id: postId, subject: task?.subject ?? '', number: task?.number ?? 0 },
      project: { id: p.id, code: p.code },
      organization: { id: options.organizationId ?? 'o-fake' },
      tenant,
      source: { type: 'emailUser', emailUser: { name: comment.creator.member.name, emailAddress: 'user@dooray.test' } },
      ...(hook.origin ? { requestOrigin: { type: hook.origin } } : {}),
    };
  };

  const readBody = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });

  const answer = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
  };

  const handleApi = async (req: IncomingMessage, res: ServerResponse, log: FakeRequest): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = req.method ?? 'GET';
    const path = url.pathname;
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      log.status = status;
      answer(res, status, body, headers);
    };

    const failing = failures.findIndex((f) => !f.pathPart || path.includes(f.pathPart));
    if (failing >= 0) {
      const [f] = failures.splice(failing, 1);
      if (f.status === 429) {
        return reply(429, failure(429, 'Too many requests'), {
          'x-ratelimit-remaining': '0',
          'x-ratelimit-burst-capacity': '10',
          'x-ratelimit-replenish-rate': String(f.rateLimit ?? 1),
        });
      }
      return reply(f.status, failure(f.status, 'Failing on purpose'));
    }
    if (options.token && req.headers.authorization !== `dooray-api ${options.token}`) return reply(401, failure(401, 'Unauthorized'));
    const bucket = { 'x-ratelimit-remaining': '9', 'x-ratelimit-burst-capacity': '10', 'x-ratelimit-replenish-rate': '5' };

    if (method === 'GET' && path === '/common/v1/members') {
      const emails = (url.searchParams.get('externalEmailAddresses') ?? '').split(',').filter(Boolean);
      if (emails.length > 10) return reply(400, failure(400, 'At most 10 addresses'));
      const found = emails
        .map((email) => ({ email, member: members.get(email.toLowerCase()) }))
        .filter((entry) => entry.member)
        .map(({ email, member }) => ({ id: member!.id, name: member!.name, externalEmailAddress: email }));
      return reply(200, envelope(found, { totalCount: found.length }), bucket);
    }

    const match = /^\/project\/v1\/projects\/([^/]+)(?:\/(posts|workflows|hooks)(?:\/([^/]+)(?:\/(set-workflow|set-done|logs))?)?)?$/.exec(path);
    if (!match) return reply(404, failure(404, 'Not found'));
    const [, projectId, collection, postId, action] = match.map((part) => (part === undefined ? undefined : decodeURIComponent(part)));
    const p = project(projectId!);
    if (!p) return reply(404, failure(404, 'No such project'));
    const text = method === 'POST' ? await readBody(req) : '';
    let body: Record<string, any> = {};
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        return reply(400, failure(400, 'Malformed JSON'));
      }
    }

    if (collection === 'workflows' && method === 'GET') return reply(200, envelope(WORKFLOWS, { totalCount: WORKFLOWS.length }), bucket);
    if (collection === 'hooks' && method === 'POST') {
      if (typeof body.url !== 'string') return reply(400, failure(400, 'url is required'));
      if (!p.hooks.includes(body.url)) p.hooks.push(body.url);
      return reply(200, envelope({ id: randomUUID() }), bucket);
    }
    if (collection !== 'posts') return reply(404, failure(404, 'Not found'));

    if (!postId && method === 'POST') {
      if (typeof body.subject !== 'string' || !body.subject || typeof body.body?.content !== 'string' || !Array.isArray(body.users?.to)) {
        return reply(400, failure(400, 'subject, body and users.to are required'));
      }
      if (!['text/html', 'text/x-markdown'].includes(body.body.mimeType)) return reply(400, failure(400, 'Unsupported mimeType'));
      const at = now();
      const task: FakeTask = {
        id: `${Date.now()}${String(p.nextNumber).padStart(4, '0')}`,
        projectId: p.id,
        number: p.nextNumber++,
        subject: body.subject,
        body: body.body,
        users: body.users,
        tagIds: Array.isArray(body.tagIds) ? body.tagIds : [],
        priority: typeof body.priority === 'string' ? body.priority : 'none',
        workflowId: 'wf-registered',
        createdAt: at,
        updatedAt: at,
        comments: [],
      };
      p.tasks.set(task.id, task);
      if (drops > 0) {
        drops--;
        log.status = 0;
        req.socket.destroy();
        return;
      }
      if (hold) {
        const held = hold;
        hold = null;
        held.resolve(task);
        await held.released;
        if (res.destroyed || req.socket.destroyed) {
          log.status = 0;
          return;
        }
      }
      return reply(200, envelope({ id: task.id }), bucket);
    }
    if (!postId && method === 'GET') {
      const subjects = url.searchParams.get('subjects');
      const found = [...p.tasks.values()]
        .filter((task) => !subjects || task.subject.includes(subjects))
        .sort((a, b) => b.number - a.number)
        .map((task) => taskView(p, task));
      return reply(200, envelope(found, { totalCount: found.length }), bucket);
    }
    const task = p.tasks.get(postId!);
    if (!task) return reply(404, failure(404, 'No such task'));
    if (!action && method === 'GET') return reply(200, envelope(taskView(p, task)), bucket);
    if (action === 'set-workflow' && method === 'POST') {
      const workflow = WORKFLOWS.find((w) => w.id === body.workflowId);
      if (!workflow) return reply(400, failure(400, 'Unknown workflow'));
      reply(200, envelope(null), bucket);
      task.workflowId = workflow.id;
      await sendHooks(p, workflowChangedPayload(p.id, task.id, workflow.class, { origin: 'open-api' })).catch(() => []);
      return;
    }
    if (action === 'set-done' && method === 'POST') {
      reply(200, envelope(null), bucket);
      task.workflowId = 'wf-closed';
      await sendHooks(p, workflowChangedPayload(p.id, task.id, 'closed', { origin: 'open-api' })).catch(() => []);
      return;
    }
    if (action === 'logs' && method === 'POST') {
      if (typeof body.body?.content !== 'string' || !body.body.content) return reply(400, failure(400, 'body.content is required'));
      const comment: FakeComment = {
        id: `c${Date.now()}${task.comments.length}`,
        body: { mimeType: body.body.mimeType ?? 'text/x-markdown', content: body.body.content },
        creator: { type: 'member', member: { organizationMemberId: apiMemberId, name: 'Contactflow' } },
        createdAt: now(),
        viaApi: true,
      };
      task.comments.push(comment);
      reply(200, envelope({ id: comment.id }), bucket);
      // Dooray sends our own comment back to us: the echo the integration must ignore.
      await sendHooks(p, commentPayload(p.id, task.id, comment, { origin: 'open-api' })).catch(() => []);
      return;
    }
    if (action === 'logs' && method === 'GET') {
      return reply(200, envelope(task.comments, { totalCount: task.comments.length }), bucket);
    }
    return reply(404, failure(404, 'Not found'));
  };

  const http = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (url.pathname.startsWith('/_demo')) {
      void handleDemo(req, res, url);
      return;
    }
    const log: FakeRequest = { method: req.method ?? 'GET', path: url.pathname + url.search, at: Date.now(), status: 0, authorization: req.headers.authorization };
    requests.push(log);
    handleApi(req, res, log).catch((error: unknown) => {
      log.status = 500;
      if (!res.headersSent) answer(res, 500, failure(500, (error as Error).message));
    });
  });
  http.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  /** A small page for demo users: every task, with buttons to move it and a box to comment as a Dooray user. */
  const handleDemo = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    if (req.method === 'POST') {
      const form = new URLSearchParams(await readBody(req));
      const projectId = form.get('project') ?? '';
      const postId = form.get('post') ?? '';
      if (url.pathname === '/_demo/move') await server.moveTask(projectId, postId, (form.get('class') ?? 'working') as TaskClass).catch(() => []);
      if (url.pathname === '/_demo/comment' && form.get('content')) await server.comment(projectId, postId, form.get('content')!).catch(() => []);
      res.writeHead(303, { location: '/_demo' }).end();
      return;
    }
    const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
    const rows = [...projects.values()].flatMap((p) =>
      [...p.tasks.values()].map((task) => {
        const workflow = WORKFLOWS.find((w) => w.id === task.workflowId)!;
        const hidden = `<input type="hidden" name="project" value="${escape(p.id)}"><input type="hidden" name="post" value="${escape(task.id)}">`;
        const buttons = (['working', 'closed'] as const)
          .map((c) => `<form method="post" action="/_demo/move">${hidden}<input type="hidden" name="class" value="${c}"><button>${c}</button></form>`)
          .join('');
        const comments = task.comments.map((c) => `<li>${escape(c.creator.member.name)}: ${escape(c.body.content)}</li>`).join('');
        return `<tr><td>${escape(p.code)}/${task.number}</td><td>${escape(task.subject)}</td><td>${workflow.class}</td><td>${buttons}</td>
          <td><ul>${comments}</ul><form method="post" action="/_demo/comment">${hidden}<input name="content" placeholder="Comment as a Dooray user"><button>Send</button></form></td></tr>`;
      }),
    );
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><meta charset="utf-8"><title>Fake Dooray!</title>
      <style>body{font:14px system-ui;margin:2rem}td,th{border-bottom:1px solid #ddd;padding:.4rem;vertical-align:top}form{display:inline}</style>
      <h1>Fake Dooray! (demo)</h1><p>Tasks created by Contactflow transfers. Moving a task or commenting sends the project webhook.</p>
      <table><tr><th>Task</th><th>Subject</th><th>Status</th><th>Move</th><th>Comments</th></tr>${rows.join('') || '<tr><td colspan="5">No tasks yet.</td></tr>'}</table>`);
  };

  await new Promise<void>((resolve) => http.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;

  const server: FakeDooray = {
    url: `http://127.0.0.1:${port}`,
    requests,
    deliveries,
    addProject(projectId, code = 'support') {
      if (!projects.has(projectId)) projects.set(projectId, { id: projectId, code, tasks: new Map(), hooks: [], nextNumber: 1 });
    },
    addMember(email, memberId, name = email) {
      members.set(email.toLowerCase(), { id: memberId, name });
    },
    tasks: (projectId) => [...(project(projectId)?.tasks.values() ?? [])],
    task: (projectId, postId) => project(projectId)?.tasks.get(postId),
    createAttempts: (projectId) => requests.filter((r) => r.method === 'POST' && r.path === `/project/v1/projects/${projectId}/posts`),
    failNext(count, status = 500, pathPart) {
      for (let i = 0; i < count; i++) failures.push({ status, pathPart });
    },
    rateLimitNext(count, replenishRate = 1) {
      for (let i = 0; i < count; i++) failures.push({ status: 429, rateLimit: replenishRate });
    },
    dropAfterCreate(count = 1) {
      drops += count;
    },
    holdNextCreate() {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let resolveCreated!: (task: FakeTask) => void;
      const created = new Promise<FakeTask>((resolve) => (resolveCreated = resolve));
      hold = { resolve: resolveCreated, released };
      return { created, release };
    },
    async moveTask(projectId, postId, taskClass, hook = {}) {
      const p = project(projectId);
      const task = p?.tasks.get(postId);
      if (!p || !task) throw new Error(`no task ${projectId}/${postId}`);
      task.workflowId = WORKFLOWS.find((w) => w.class === taskClass)!.id;
      task.updatedAt = now();
      const payload = workflowChangedPayload(projectId, postId, taskClass, hook);
      return hook.send === false ? [] : sendHooks(p, payload);
    },
    async comment(projectId, postId, content, hook = {}) {
      const p = project(projectId);
      const task = p?.tasks.get(postId);
      if (!p || !task) throw new Error(`no task ${projectId}/${postId}`);
      const author = hook.author ?? { id: 'm-web', name: '두레이 담당자' };
      const comment: FakeComment = {
        id: `c${Date.now()}${task.comments.length}`,
        body: { mimeType: 'text/x-markdown', content },
        creator: { type: 'member', member: { organizationMemberId: author.id, name: author.name } },
        createdAt: now(),
        viaApi: false,
      };
      task.comments.push(comment);
      return hook.send === false ? [] : sendHooks(p, commentPayload(projectId, postId, comment, hook));
    },
    workflowChangedPayload,
    commentPayload,
    stop: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        http.close(() => resolve());
      }),
  };
  return server;
}
