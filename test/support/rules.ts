/**
 * Helpers for tests that drive triggers through the API: define, publish, and wait for side effects.
 */
import { WorkflowNotFoundError } from '@temporalio/common';
import { expect } from 'vitest';
import type { Harness } from './harness';

export interface TriggerInput {
  title: string;
  events?: ('created' | 'updated')[];
  all?: Record<string, unknown>[];
  any?: Record<string, unknown>[];
  results: Record<string, unknown>[];
  enabled?: boolean;
}

export async function defineTrigger(h: Harness, serviceId: string, trigger: TriggerInput): Promise<string> {
  const response = await h.request('POST', `/services/${serviceId}/triggers`, {
    token: h.admin.token,
    body: {
      title: trigger.title,
      enabled: trigger.enabled ?? true,
      events: trigger.events ?? ['created', 'updated'],
      // A trigger needs at least one condition; an always-true one stands in when a test has none.
      conditions: { all: trigger.all ?? (trigger.any ? [] : [{ field: 'subject', operator: 'isNotEmpty' }]), any: trigger.any ?? [] },
      results: trigger.results,
    },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id;
}

export async function publish(h: Harness, serviceId: string): Promise<{ id: string; number: number }> {
  const response = await h.request('POST', `/services/${serviceId}/rule-versions`, { token: h.admin.token, body: {} });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

export async function createCategory(h: Harness, serviceId: string, name: string, parentId?: string, kind = 'intake'): Promise<string> {
  const response = await h.request('POST', `/services/${serviceId}/categories`, {
    token: h.admin.token,
    body: { kind, name, ...(parentId ? { parentId } : {}) },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id;
}

/** Side effects run after the update returns: wait until the workflow has performed them all. */
export async function settledSideEffects(h: Harness, ticketId: string) {
  const { sideEffectsSettledUpdate, ticketWorkflowId } = await import('../../workflows/ticket');
  await h.temporal.workflow
    .getHandle(ticketWorkflowId(ticketId))
    .executeUpdate(sideEffectsSettledUpdate)
    .catch((error) => {
      // A workflow that completed (e.g. forwarded then completed) has settled everything it had.
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    });
  return h.sql<{ status: string }[]>`select status from trigger_side_effects where ticket_id = ${ticketId} order by evaluation, index`;
}
