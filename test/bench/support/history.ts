/**
 * What one run of a workflow cost Temporal, read from its history: events, activities, workflow tasks, search
 * attribute upserts and the bytes of every payload it carried.
 */
import type { Client } from '@temporalio/client';
import protos from '@temporalio/proto';

export interface HistoryCost {
  events: number;
  activities: number;
  workflowTasks: number;
  searchAttributeUpserts: number;
  payloadBytes: number;
  /** The history as Temporal stores and sends it (protobuf). */
  historyBytes: number;
}

/** Sums the `data` of every payload (an object with `metadata` and binary `data`) anywhere in the event. */
function payloadBytes(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  if (value instanceof Uint8Array) return 0;
  const record = value as Record<string, unknown>;
  if (record.data instanceof Uint8Array && 'metadata' in record) return record.data.length;
  let total = 0;
  for (const child of Object.values(record)) total += payloadBytes(child);
  return total;
}

export async function historyCost(temporal: Client, workflowId: string): Promise<HistoryCost> {
  const history = await temporal.workflow.getHandle(workflowId).fetchHistory();
  const cost: HistoryCost = { events: 0, activities: 0, workflowTasks: 0, searchAttributeUpserts: 0, payloadBytes: 0, historyBytes: protos.temporal.api.history.v1.History.encode(history).finish().length };
  for (const event of history.events ?? []) {
    cost.events++;
    if (event.activityTaskScheduledEventAttributes) cost.activities++;
    if (event.workflowTaskCompletedEventAttributes) cost.workflowTasks++;
    if (event.upsertWorkflowSearchAttributesEventAttributes) cost.searchAttributeUpserts++;
    cost.payloadBytes += payloadBytes(event);
  }
  return cost;
}

/** `after` minus `before`, divided by the number of commands between them. */
export function perCommand(before: HistoryCost, after: HistoryCost, commands: number): HistoryCost {
  const per = (key: keyof HistoryCost) => (after[key] - before[key]) / commands;
  return {
    events: per('events'),
    activities: per('activities'),
    workflowTasks: per('workflowTasks'),
    searchAttributeUpserts: per('searchAttributeUpserts'),
    payloadBytes: per('payloadBytes'),
    historyBytes: per('historyBytes'),
  };
}
