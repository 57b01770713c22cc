/**
 * Events from outside that reach a ticket workflow as signals: its Dooray! transfer's task (created, refused for
 * good, moved by Dooray's webhook), its issue transfer's answer, and the issue side's customer-guidance requests.
 * Defined apart from the ticket workflow so that the transfer workflows can send them without importing it.
 */
import { defineSignal } from '@temporalio/workflow';
import type { DoorayTaskClass } from '../domain/transfer';

export const doorayTaskCreatedSignal = defineSignal<[{ transferId: string; postId: string; taskNumber: number | null }]>('dooray_task_created');
export const doorayTransferFailedSignal = defineSignal<[{ transferId: string; reason: string }]>('dooray_transfer_failed');
export const doorayTaskMovedSignal = defineSignal<[{ transferId: string; taskClass: DoorayTaskClass; name: string | null }]>('dooray_task_moved');
export const issueAnsweredSignal = defineSignal<[{ transferId: string; issueTicketId: string; status: string; body: string | null }]>(
  'issue_answered',
);
export const guidanceRequestedSignal = defineSignal<[{ requestId: string; issueTicketId: string; body: string }]>('guidance_requested');
