import { z } from '@hono/zod-openapi';
import { DOORAY_MIME_TYPES, DOORAY_TASK_CLASSES, DOORAY_TRANSFER_STATUSES } from '../../../domain/transfer';
import { pathId } from '../../params';

const Text = (max: number) => z.string().trim().min(1).max(max);

export const GuidanceParams = z.object({ id: pathId('id', 'GR1603851004648zfnA') });

export const DoorayTransferBody = z
  .object({
    projectId: Text(64).openapi({ description: 'A project registered under Dooray! settings' }),
    subject: Text(200).openapi({ description: 'The task subject; substitution codes such as #{ticket.id} are filled in' }),
    body: Text(20_000).openapi({ description: 'The task content (template already chosen); substitution codes are filled in' }),
    mimeType: z.enum(DOORAY_MIME_TYPES).default('text/x-markdown'),
    tagIds: z.array(Text(64)).max(20).default([]),
    assignees: z
      .array(
        z.union([
          z.object({ agentId: Text(64) }).strict(),
          z.object({ memberId: Text(64) }).strict(),
          z.object({ email: z.email().max(200), name: z.string().trim().max(100).nullable().default(null) }).strict(),
        ]),
      )
      .max(20)
      .default([])
      .openapi({ description: 'Who the task is for: agents (by their Dooray member id), Dooray members or email users; empty means the creator' }),
  })
  .strict();

export const DoorayTransfer = z
  .object({
    id: z.string(),
    ticketId: z.string(),
    projectId: z.string(),
    projectName: z.string(),
    organizationId: z.string(),
    organizationName: z.string(),
    status: z.enum(DOORAY_TRANSFER_STATUSES),
    subject: z.string(),
    postId: z.string().nullable(),
    taskNumber: z.number().nullable(),
    taskClass: z.enum(DOORAY_TASK_CLASSES).nullable(),
    taskUrl: z.string().nullable(),
    failure: z.string().nullable(),
    requestedBy: z.string().nullable(),
    createdAt: z.string(),
    taskCreatedAt: z.string().nullable(),
  })
  .openapi('DoorayTransfer');

export const DoorayComment = z
  .object({
    transferId: z.string(),
    commentId: z.string(),
    direction: z.enum(['in', 'out']),
    authorId: z.string().nullable(),
    authorName: z.string().nullable(),
    body: z.string(),
    mimeType: z.string(),
    at: z.string(),
  })
  .openapi('DoorayComment');

export const DoorayCommentBody = z.object({ body: Text(10_000), mimeType: z.enum(DOORAY_MIME_TYPES).default('text/x-markdown') }).strict();

export const IssueTransferBody = z
  .object({
    serviceId: Text(64).openapi({ description: 'An issue service (이슈 관리) of the organisation' }),
    intakeTypeId: Text(64).optional(),
    subject: Text(200),
    content: Text(20_000),
    fields: z.record(Text(100), z.string().max(2000)).default({}).openapi({ description: 'The issue service’s fields, label → value' }),
  })
  .strict();

export const IssueTransfer = z
  .object({
    id: z.string(),
    sourceTicketId: z.string(),
    issueTicketId: z.string(),
    issueServiceId: z.string(),
    issueServiceName: z.string(),
    fields: z.record(z.string(), z.string()),
    status: z.enum(['transferred', 'answered']),
    answerStatus: z.string().nullable(),
    answerBody: z.string().nullable(),
    createdAt: z.string(),
    answeredAt: z.string().nullable(),
  })
  .openapi('IssueTransfer');

export const GuidanceRequest = z
  .object({
    id: z.string(),
    issueTransferId: z.string(),
    sourceTicketId: z.string(),
    issueTicketId: z.string(),
    requestedBy: z.string().nullable(),
    body: z.string(),
    createdAt: z.string(),
    doneAt: z.string().nullable(),
    doneBy: z.string().nullable(),
  })
  .openapi('GuidanceRequest');

export const GuidanceBody = z.object({ body: Text(5000) }).strict();

export const TicketTransfers = z
  .object({
    dooray: z.array(DoorayTransfer),
    issue: z.array(IssueTransfer),
    issueOrigin: IssueTransfer.nullable().openapi({ description: 'For an issue ticket: the transfer that created it' }),
    guidanceRequests: z.array(GuidanceRequest),
  })
  .openapi('TicketTransfers');
