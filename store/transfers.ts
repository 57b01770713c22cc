/**
 * Transfer rows: Dooray! transfers and their conversation, issue transfers and customer-guidance requests. The ticket
 * workflow writes a transfer's own row in the transaction of the event that requested or answered it
 * ({@link writeTransfer}), keyed by the ticket and event seq, so a retried write leaves one row.
 */
import type { Db, Tx } from './db';
import type { DoorayTaskClass, DoorayTransferRequest, DoorayTransferStatus, IssueTransferRequest } from '../domain/transfer';
import { DOORAY_TASK_CLASSES } from '../domain/transfer';

/** What a ticket event writes about its transfer. */
export type TransferWrite =
  | { kind: 'dooray_requested'; request: DoorayTransferRequest }
  | { kind: 'dooray_moved'; transferId: string; taskClass: DoorayTaskClass }
  | { kind: 'issue_requested'; request: IssueTransferRequest }
  | { kind: 'issue_answered'; transferId: string; status: string; body: string | null };

export async function writeTransfer(tx: Tx, write: TransferWrite, event: { ticketId: string; seq: number; actorId: string | null; at: string }) {
  switch (write.kind) {
    case 'dooray_requested': {
      const { request } = write;
      await tx`
        insert into dooray_transfers (id, ticket_id, project_id, seq, requested_by, created_as_member_id, subject, body, mime_type,
          tag_ids, assignees, created_at)
        values (${request.transferId}, ${event.ticketId}, ${request.projectId}, ${event.seq}, ${event.actorId}, ${request.createdAsMemberId},
          ${request.subject}, ${request.body}, ${request.mimeType}, ${request.tagIds}, ${tx.json(request.assignees as never)}, ${event.at})
        on conflict do nothing`;
      return;
    }
    case 'dooray_moved':
      // Forward only, like the ticket: a late delivery of an earlier class leaves the row as it is.
      await tx`
        update dooray_transfers set task_class = ${write.taskClass}
        where id = ${write.transferId}
          and coalesce(array_position(${DOORAY_TASK_CLASSES as unknown as string[]}::text[], task_class), 0)
            < array_position(${DOORAY_TASK_CLASSES as unknown as string[]}::text[], ${write.taskClass}::text)`;
      return;
    case 'issue_requested': {
      const { request } = write;
      await tx`
        insert into issue_transfers (id, source_ticket_id, issue_ticket_id, issue_service_id, seq, requested_by, fields, created_at)
        values (${request.transferId}, ${event.ticketId}, ${request.issueTicketId}, ${request.serviceId}, ${event.seq}, ${event.actorId},
          ${tx.json(request.fields)}, ${event.at})
        on conflict do nothing`;
      return;
    }
    case 'issue_answered':
      await tx`
        update issue_transfers set status = 'answered', answer_status = ${write.status}, answer_body = ${write.body}, answered_at = ${event.at}
        where id = ${write.transferId}`;
      return;
  }
}

/** Everything the Dooray activity needs to create a transfer's task. */
export interface DoorayTransferJob {
  id: string;
  ticketId: string;
  status: DoorayTransferStatus;
  postId: string | null;
  taskNumber: number | null;
  createdAsMemberId: string;
  subject: string;
  body: string;
  mimeType: string;
  tagIds: string[];
  assignees: DoorayTransferRequest['assignees'];
  doorayProjectId: string;
  organizationRef: string;
  apiBaseUrl: string;
  apiTokenSealed: string;
}

export async function findDoorayTransferJob(sql: Db, transferId: string): Promise<DoorayTransferJob | null> {
  const [row] = await sql<DoorayTransferJob[]>`
    select t.id, t.ticket_id as "ticketId", t.status, t.post_id as "postId", t.task_number as "taskNumber",
      t.created_as_member_id as "createdAsMemberId", t.subject, t.body, t.mime_type as "mimeType", t.tag_ids as "tagIds",
      t.assignees, p.dooray_project_id as "doorayProjectId", o.id as "organizationRef", o.api_base_url as "apiBaseUrl",
      o.api_token_sealed as "apiTokenSealed"
    from dooray_transfers t join dooray_projects p on p.id = t.project_id join dooray_organizations o on o.id = p.dooray_organization_id
    where t.id = ${transferId}`;
  return row ?? null;
}

/** Dooray answered with the task: written at once, so its webhooks find the transfer. */
export async function markDoorayTaskCreated(sql: Db, transferId: string, task: { postId: string; taskNumber: number | null }): Promise<void> {
  await sql`
    update dooray_transfers set status = 'created', post_id = ${task.postId}, task_number = ${task.taskNumber}, task_created_at = now()
    where id = ${transferId} and status <> 'created'`;
}

export async function markDoorayTransferFailed(sql: Db, transferId: string, reason: string): Promise<void> {
  await sql`update dooray_transfers set status = 'failed', failure = ${reason} where id = ${transferId} and status = 'pending'`;
}

/** A Dooray transfer as the ticket's transfer panel shows it. */
export interface DoorayTransferView {
  id: string;
  ticketId: string;
  projectId: string;
  projectName: string;
  organizationId: string;
  organizationName: string;
  status: DoorayTransferStatus;
  subject: string;
  postId: string | null;
  taskNumber: number | null;
  taskClass: DoorayTaskClass | null;
  taskUrl: string | null;
  failure: string | null;
  requestedBy: string | null;
  createdAt: string;
  taskCreatedAt: string | null;
}

export async function listDoorayTransfers(sql: Db, ticketId: string): Promise<DoorayTransferView[]> {
  const rows = await sql<(Omit<DoorayTransferView, 'createdAt' | 'taskCreatedAt' | 'taskUrl'> & { createdAt: Date; taskCreatedAt: Date | null; projectUrl: string | null })[]>`
    select t.id, t.ticket_id as "ticketId", p.id as "projectId", p.name as "projectName", o.id as "organizationId",
      o.name as "organizationName", t.status, t.subject, t.post_id as "postId", t.task_number as "taskNumber",
      t.task_class as "taskClass", t.failure, t.requested_by as "requestedBy", t.created_at as "createdAt",
      t.task_created_at as "taskCreatedAt", p.url as "projectUrl"
    from dooray_transfers t join dooray_projects p on p.id = t.project_id join dooray_organizations o on o.id = p.dooray_organization_id
    where t.ticket_id = ${ticketId} order by t.created_at, t.id`;
  return rows.map(({ projectUrl, ...row }) => ({
    ...row,
    taskUrl: projectUrl && row.postId ? `${projectUrl.replace(/\/+$/, '')}/${row.postId}` : null,
    createdAt: row.createdAt.toISOString(),
    taskCreatedAt: row.taskCreatedAt?.toISOString() ?? null,
  }));
}

/** The transfer whose task this is, found from a webhook's project and post. */
export async function findTransferByPost(sql: Db, projectId: string, postId: string): Promise<{ id: string; ticketId: string } | null> {
  const [row] = await sql<{ id: string; ticketId: string }[]>`
    select id, ticket_id as "ticketId" from dooray_transfers where project_id = ${projectId} and post_id = ${postId}`;
  return row ?? null;
}

/** The ticket's latest Dooray transfer with a task: where agents' comments go. */
export async function findLatestTaskTransfer(sql: Db, ticketId: string): Promise<DoorayTransferJob | null> {
  const [row] = await sql<{ id: string }[]>`
    select id from dooray_transfers where ticket_id = ${ticketId} and post_id is not null order by created_at desc, id desc limit 1`;
  return row ? findDoorayTransferJob(sql, row.id) : null;
}

export interface DoorayCommentRow {
  transferId: string;
  commentId: string;
  direction: 'in' | 'out';
  authorId: string | null;
  authorName: string | null;
  body: string;
  mimeType: string;
  at: string;
}

/** Stores a comment once per Dooray comment id; false when it was already there (a duplicate or our own echo). */
export async function insertDoorayComment(sql: Db, comment: DoorayCommentRow): Promise<boolean> {
  const rows = await sql`
    insert into dooray_comments (transfer_id, comment_id, direction, author_id, author_name, body, mime_type, at)
    values (${comment.transferId}, ${comment.commentId}, ${comment.direction}, ${comment.authorId}, ${comment.authorName},
      ${comment.body}, ${comment.mimeType}, ${comment.at})
    on conflict do nothing returning 1`;
  return rows.length > 0;
}

/** The ticket's Dooray conversation, every transfer's comments in time order. */
export async function listDoorayConversation(sql: Db, ticketId: string): Promise<DoorayCommentRow[]> {
  const rows = await sql<(Omit<DoorayCommentRow, 'at'> & { at: Date })[]>`
    select c.transfer_id as "transferId", c.comment_id as "commentId", c.direction, c.author_id as "authorId",
      coalesce(a.name, c.author_name) as "authorName", c.body, c.mime_type as "mimeType", c.at
    from dooray_comments c join dooray_transfers t on t.id = c.transfer_id left join agents a on a.id = c.author_id
    where t.ticket_id = ${ticketId} order by c.at, c.comment_id`;
  return rows.map((row) => ({ ...row, at: row.at.toISOString() }));
}

export async function countDoorayTransfers(sql: Db, ticketId: string): Promise<number> {
  const [row] = await sql<{ count: number }[]>`select count(*)::int as count from dooray_transfers where ticket_id = ${ticketId}`;
  return row.count;
}

// Issue transfers and customer-guidance requests.

export interface IssueTransferView {
  id: string;
  sourceTicketId: string;
  issueTicketId: string;
  issueServiceId: string;
  issueServiceName: string;
  fields: Record<string, string>;
  status: 'transferred' | 'answered';
  answerStatus: string | null;
  answerBody: string | null;
  createdAt: string;
  answeredAt: string | null;
}

/** The issue transfers a ticket made, or (`side: 'issue'`) the one that created it. */
export async function listIssueTransfers(sql: Db, ticketId: string, side: 'source' | 'issue' = 'source'): Promise<IssueTransferView[]> {
  const rows = await sql<(Omit<IssueTransferView, 'createdAt' | 'answeredAt'> & { createdAt: Date; answeredAt: Date | null })[]>`
    select i.id, i.source_ticket_id as "sourceTicketId", i.issue_ticket_id as "issueTicketId", i.issue_service_id as "issueServiceId",
      s.name as "issueServiceName", i.fields, i.status, i.answer_status as "answerStatus", i.answer_body as "answerBody",
      i.created_at as "createdAt", i.answered_at as "answeredAt"
    from issue_transfers i join services s on s.id = i.issue_service_id
    where ${side === 'source' ? sql`i.source_ticket_id = ${ticketId}` : sql`i.issue_ticket_id = ${ticketId}`}
    order by i.created_at, i.id`;
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString(), answeredAt: row.answeredAt?.toISOString() ?? null }));
}

export interface GuidanceRequestView {
  id: string;
  issueTransferId: string;
  sourceTicketId: string;
  issueTicketId: string;
  requestedBy: string | null;
  body: string;
  createdAt: string;
  doneAt: string | null;
  doneBy: string | null;
}

export async function insertGuidanceRequest(
  sql: Db,
  request: { id: string; issueTransferId: string; sourceTicketId: string; requestedBy: string; body: string },
): Promise<void> {
  await sql`
    insert into guidance_requests (id, issue_transfer_id, source_ticket_id, requested_by, body)
    values (${request.id}, ${request.issueTransferId}, ${request.sourceTicketId}, ${request.requestedBy}, ${request.body})`;
}

const GUIDANCE_SELECT = (sql: Db) => sql`
  select g.id, g.issue_transfer_id as "issueTransferId", g.source_ticket_id as "sourceTicketId", i.issue_ticket_id as "issueTicketId",
    g.requested_by as "requestedBy", g.body, g.created_at as "createdAt", g.done_at as "doneAt", g.done_by as "doneBy"
  from guidance_requests g join issue_transfers i on i.id = g.issue_transfer_id`;

type GuidanceRow = Omit<GuidanceRequestView, 'createdAt' | 'doneAt'> & { createdAt: Date; doneAt: Date | null };
const toGuidance = (row: GuidanceRow): GuidanceRequestView => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
  doneAt: row.doneAt?.toISOString() ?? null,
});

/** The guidance requests about a ticket, from either side of its transfers. */
export async function listGuidanceRequests(sql: Db, ticketId: string): Promise<GuidanceRequestView[]> {
  const rows = await sql<GuidanceRow[]>`
    ${GUIDANCE_SELECT(sql)} where g.source_ticket_id = ${ticketId} or i.issue_ticket_id = ${ticketId} order by g.created_at, g.id`;
  return rows.map(toGuidance);
}

export async function findGuidanceRequest(sql: Db, id: string): Promise<GuidanceRequestView | null> {
  const [row] = await sql<GuidanceRow[]>`${GUIDANCE_SELECT(sql)} where g.id = ${id}`;
  return row ? toGuidance(row) : null;
}

/** Marks a request done once; false when it already was. */
export async function completeGuidanceRequest(sql: Db, id: string, agentId: string): Promise<boolean> {
  const rows = await sql`update guidance_requests set done_at = now(), done_by = ${agentId} where id = ${id} and done_at is null returning 1`;
  return rows.length > 0;
}
