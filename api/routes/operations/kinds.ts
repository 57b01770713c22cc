/**
 * What the console knows of each workflow kind beyond its name: the business object behind a workflow (the
 * ticket of a ticket workflow) and whether it belongs to the caller's organisation. A kind without an entry here
 * is listed with its workflow id only, to every operator.
 */
import type { Db } from '../../../store/db';
import { bulkJobSummaries, callbackSummaries, exportSummaries, ticketSummaries, type BusinessSummary } from '../../../store/operations';
import { ticketsOfDoorayTransfers } from '../../../store/transfers';
import { WORKFLOW_KINDS, type WorkflowKind } from '../../../domain/workflow-kinds';

/** The business object behind a workflow, as the console shows it. */
export interface BusinessObject {
  kind: WorkflowKind;
  id: string;
  title: string;
  status: string;
  serviceId: string | null;
  serviceName: string | null;
  assignee: { id: string; name: string } | null;
  customer: { id: string; name: string | null } | null;
}

type Loader = (sql: Db, orgId: string, businessIds: string[]) => Promise<Map<string, BusinessObject>>;

/** A loader over a summary query, labelling what it finds as the kind. */
const summariesOf =
  (kind: WorkflowKind, summaries: (sql: Db, orgId: string, ids: string[]) => Promise<Map<string, BusinessSummary>>): Loader =>
  async (sql, orgId, ids) => {
    const found = await summaries(sql, orgId, ids);
    return new Map(
      [...found].map(([id, summary]) => [
        id,
        {
          kind,
          id,
          title: summary.subject,
          status: summary.status,
          serviceId: summary.serviceId,
          serviceName: summary.serviceName,
          assignee: summary.assignee,
          customer: summary.customer,
        },
      ]),
    );
  };

const loadTickets = summariesOf('ticket', ticketSummaries);

/**
 * A kind whose business object is shown as the ticket it works for: `ticketOf` maps its business ids to ticket ids.
 */
const viaTicket =
  (kind: WorkflowKind, ticketOf: (sql: Db, businessIds: string[]) => Promise<Map<string, string>>): Loader =>
  async (sql, orgId, ids) => {
    const ticketIds = await ticketOf(sql, ids);
    const tickets = await loadTickets(sql, orgId, [...new Set(ticketIds.values())]);
    return new Map(
      ids.flatMap((id) => {
        const ticket = tickets.get(ticketIds.get(id) ?? '');
        return ticket ? [[id, { ...ticket, kind }] as const] : [];
      }),
    );
  };

const LOADERS: Partial<Record<WorkflowKind, Loader>> = {
  ticket: loadTickets,
  // `<ticketId>-<deliveryId>-<n>`: the ticket whose delivery is retried.
  delivery_retry: viaTicket('delivery_retry', async (_sql, ids) => new Map(ids.map((id) => [id, id.split('-')[0]!]))),
  transfer: viaTicket('transfer', ticketsOfDoorayTransfers),
  callback: summariesOf('callback', callbackSummaries),
  bulk_job: summariesOf('bulk_job', bulkJobSummaries),
  export: summariesOf('export', exportSummaries),
  // `<ticketId>-<maskId>`: the closed ticket masked.
  closed_ticket_mask: viaTicket('closed_ticket_mask', async (_sql, ids) => new Map(ids.map((id) => [id, id.split('-')[0]!]))),
};

/** The business id in a workflow id of the kind (`ticket-T…` → `T…`). */
export const businessIdOf = (kind: WorkflowKind, workflowId: string) => workflowId.slice(WORKFLOW_KINDS[kind].idPrefix.length);

/**
 * The business objects behind these workflows that belong to the organisation, by workflow id; `undefined` for a
 * workflow whose kind has no loader (visible to every operator), absent for one of another organisation.
 */
export async function loadBusinessObjects(
  sql: Db,
  orgId: string,
  workflows: { kind: WorkflowKind; workflowId: string }[],
): Promise<Map<string, BusinessObject | undefined>> {
  const found = new Map<string, BusinessObject | undefined>();
  for (const kind of new Set(workflows.map((workflow) => workflow.kind))) {
    const ofKind = workflows.filter((workflow) => workflow.kind === kind);
    const loader = LOADERS[kind];
    if (!loader) {
      for (const workflow of ofKind) found.set(workflow.workflowId, undefined);
      continue;
    }
    const objects = await loader(sql, orgId, ofKind.map((workflow) => businessIdOf(kind, workflow.workflowId)));
    for (const workflow of ofKind) {
      const object = objects.get(businessIdOf(kind, workflow.workflowId));
      if (object) found.set(workflow.workflowId, object);
    }
  }
  return found;
}
