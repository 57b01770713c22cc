/**
 * Dooray! transfer activities: create a transfer's task exactly once, or record that Dooray refused it for good.
 *
 * The transfer id is written into the task's subject (`[CF:<id>]`); every attempt first looks for a task carrying it,
 * so a task whose creation answer was lost (a dropped connection, a worker that died before writing it down) is
 * adopted rather than created twice. A 429 is retried after the delay its rate-limit headers ask for; 5xx and
 * network failures are left to the retry policy; other 4xx answers, a missing key or an unreadable token fail for good.
 */
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { createDoorayClient, DoorayError, type DoorayClient } from '../clients/dooray';
import type { OutboundPolicy } from '../clients/outbound';
import type { Keyring } from '../infra/keyring';
import type { Sql } from '../store/db';
import { findDoorayTransferJob, markDoorayTaskCreated, markDoorayTransferFailed, type DoorayTransferJob } from '../store/transfers';
import type { DoorayMimeType } from '../domain/transfer';
import { loadTemplateContext, renderTemplate } from './templates';

export interface DoorayDeps {
  sql: Sql;
  keyring: Keyring | null;
  outbound: OutboundPolicy;
  doorayTimeoutMs: number;
  publicUrl: string;
}

/** The marker that makes a task findable by its transfer. */
export const transferMarker = (transferId: string) => `[CF:${transferId}]`;

/** The token's context: a sealed token copied to another organisation's row does not open. */
export const doorayTokenContext = (organizationId: string) => `dooray_organizations.api_token:${organizationId}`;

/** A Dooray client for an organisation's sealed token; throws a {@link DoorayError} marked permanent when it cannot. */
export function doorayClientFor(
  deps: Pick<DoorayDeps, 'keyring' | 'outbound' | 'doorayTimeoutMs'>,
  organization: { id: string; apiBaseUrl: string; apiTokenSealed: string },
): DoorayClient {
  if (!deps.keyring) throw new DoorayError('No FIELD_ENCRYPTION_KEY is configured, so the Dooray token cannot be read.', null, true);
  let token: string;
  try {
    token = deps.keyring.openText(organization.apiTokenSealed, doorayTokenContext(organization.id));
  } catch (error) {
    throw new DoorayError(`The Dooray token cannot be read: ${(error as Error).message}`, null, true);
  }
  return createDoorayClient({ baseUrl: organization.apiBaseUrl, token, timeoutMs: deps.doorayTimeoutMs, policy: deps.outbound });
}

/** A Dooray failure as the activity's failure: permanent ones non-retryable, 429 with its own delay. */
function asActivityFailure(error: unknown): unknown {
  if (!(error instanceof DoorayError)) return error;
  if (error.permanent) return ApplicationFailure.create({ type: 'dooray.rejected', message: error.message, nonRetryable: true, details: [{ status: error.status }] });
  if (error.retryAfterMs !== null) return ApplicationFailure.create({ type: 'dooray.rate_limited', message: error.message, nextRetryDelay: error.retryAfterMs });
  return error;
}

export function doorayActivities(deps: DoorayDeps) {
  const { sql } = deps;

  const create = async (job: DoorayTransferJob): Promise<{ postId: string; taskNumber: number | null }> => {
    const client = doorayClientFor(deps, { id: job.organizationRef, apiBaseUrl: job.apiBaseUrl, apiTokenSealed: job.apiTokenSealed });
    const marker = transferMarker(job.id);
    const heartbeat = () => Context.current().heartbeat();

    let [task] = await client.findTasksBySubject(job.doorayProjectId, marker);
    heartbeat();
    if (!task) {
      const context = await loadTemplateContext(sql, job.ticketId, deps.publicUrl);
      const { id } = await client.createTask(job.doorayProjectId, {
        subject: `${renderTemplate(job.subject, context)} ${marker}`,
        body: { mimeType: job.mimeType as DoorayMimeType, content: renderTemplate(job.body, context) },
        to: job.assignees.length > 0 ? job.assignees : [{ memberId: job.createdAsMemberId }],
        from: job.createdAsMemberId,
        tagIds: job.tagIds,
        priority: 'none',
      });
      heartbeat();
      task = { id, subject: '', number: null, workflowClass: null };
      // The number is for people; the transfer stands on the id alone if reading it back fails.
      task = await client.getTask(job.doorayProjectId, id).catch(() => task!);
    }
    const created = { postId: task.id, taskNumber: task.number };
    await markDoorayTaskCreated(sql, job.id, created);
    return created;
  };

  return {
    async createDoorayTask({ transferId }: { transferId: string }): Promise<{ postId: string; taskNumber: number | null }> {
      const job = await findDoorayTransferJob(sql, transferId);
      if (!job) throw ApplicationFailure.create({ type: 'dooray.rejected', message: `Dooray transfer ${transferId} is not stored.`, nonRetryable: true });
      if (job.postId) return { postId: job.postId, taskNumber: job.taskNumber };
      try {
        return await create(job);
      } catch (error) {
        throw asActivityFailure(error);
      }
    },

    async markDoorayTransferFailed({ transferId, reason }: { transferId: string; reason: string }): Promise<void> {
      await markDoorayTransferFailed(sql, transferId, reason);
    },
  };
}
