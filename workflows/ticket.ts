/**
 * The ticket workflow (`ticket-<ticketId>`) owns one ticket's lifecycle. Commands arrive as updates whose
 * validators refuse invalid transitions before they reach history; every accepted change is written to the
 * read model by an idempotent activity before the update returns, so the caller reads its own write.
 */
import {
  allHandlersFinished,
  condition,
  continueAsNew,
  defineQuery,
  defineUpdate,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { defineSearchAttributeKey } from '@temporalio/common';
import type { Activities } from '../activities';
import type { NewTicket } from '../activities/tickets';
import { decide, type Actor, type TicketCommand, type TicketState } from './ticket-machine';

const { openTicket, recordTicketChange } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  // Unlimited attempts: a database restart must delay a change, never lose it.
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '10 seconds' },
});

type Args<K extends TicketCommand['kind']> = Omit<Extract<TicketCommand, { kind: K }>, 'kind'> & { actor: Actor };

export const openedUpdate = defineUpdate<TicketState>('opened');
export const takeUpdate = defineUpdate<TicketState, [Args<'take'>]>('take');
export const forwardUpdate = defineUpdate<TicketState, [Args<'forward'>]>('forward');
export const resolveUpdate = defineUpdate<TicketState, [Args<'resolve'>]>('resolve');
export const holdUpdate = defineUpdate<TicketState, [Args<'hold'>]>('hold');
export const commentUpdate = defineUpdate<TicketState, [Args<'comment'>]>('comment');
export const internalResolveUpdate = defineUpdate<TicketState, [Args<'internal_resolve'>]>('internal_resolve');
export const restoreUpdate = defineUpdate<TicketState, [Args<'restore'>]>('restore');
export const deleteUpdate = defineUpdate<TicketState, [Args<'delete'>]>('delete');
export const completeUpdate = defineUpdate<TicketState, [Args<'complete'>]>('complete');
export const ticketStateQuery = defineQuery<TicketState | null>('state');

/** The update for each command kind, so the API can address a command by name. */
export const ticketCommandUpdates = {
  take: takeUpdate,
  forward: forwardUpdate,
  resolve: resolveUpdate,
  hold: holdUpdate,
  comment: commentUpdate,
  internal_resolve: internalResolveUpdate,
  restore: restoreUpdate,
  delete: deleteUpdate,
  complete: completeUpdate,
} as const;

export const TicketSearch = {
  status: defineSearchAttributeKey('TicketStatus', 'KEYWORD'),
  assignee: defineSearchAttributeKey('TicketAssignee', 'KEYWORD'),
  group: defineSearchAttributeKey('TicketGroup', 'KEYWORD'),
  service: defineSearchAttributeKey('TicketService', 'KEYWORD'),
  priority: defineSearchAttributeKey('TicketPriority', 'KEYWORD'),
  channel: defineSearchAttributeKey('TicketChannel', 'KEYWORD'),
};

export type TicketWorkflowInput = { ticketId: string } & ({ create: NewTicket } | { resume: TicketState });

export const ticketWorkflowId = (ticketId: string) => `ticket-${ticketId}`;

const isFinished = (state: TicketState) => state.status === 'closed' || state.deleted;

export async function ticketWorkflow(input: TicketWorkflowInput): Promise<TicketState> {
  let state: TicketState | null = 'resume' in input ? input.resume : null;
  // One command at a time: handlers await activities, and a second command must see the first one's result.
  let busy = false;

  setHandler(ticketStateQuery, () => state);
  setHandler(openedUpdate, async () => {
    await condition(() => state !== null);
    return state!;
  });

  for (const [kind, update] of Object.entries(ticketCommandUpdates)) {
    const toCommand = ({ actor: _actor, ...args }: Args<TicketCommand['kind']>) => ({ kind, ...args }) as TicketCommand;
    setHandler(
      update as typeof takeUpdate,
      async (args) => {
        await condition(() => state !== null && !busy);
        busy = true;
        try {
          const current = state!;
          const { next, changes, message } = decide(current, args.actor, toCommand(args));
          const recorded = { ...next, seq: current.seq + 1 };
          await recordTicketChange({
            state: recorded,
            kind,
            actorId: args.actor.id,
            changes,
            message: message ?? null,
            at: new Date().toISOString(),
          });
          state = recorded;
          indexForSearch(recorded);
          return recorded;
        } finally {
          busy = false;
        }
      },
      {
        validator: (args) => {
          if (state) decide(state, args.actor, toCommand(args));
        },
      },
    );
  }

  if (state === null) {
    state = await openTicket((input as { create: NewTicket }).create);
    indexForSearch(state);
  }

  await condition(() => isFinished(state!) || workflowInfo().continueAsNewSuggested);
  await condition(allHandlersFinished);
  if (!isFinished(state)) return continueAsNew<typeof ticketWorkflow>({ ticketId: input.ticketId, resume: state });
  return state;
}

function indexForSearch(state: TicketState): void {
  upsertSearchAttributes([
    { key: TicketSearch.status, value: state.deleted ? 'deleted' : state.status },
    { key: TicketSearch.assignee, value: state.assigneeId ?? '' },
    { key: TicketSearch.group, value: state.groupId ?? '' },
    { key: TicketSearch.service, value: state.serviceId },
    { key: TicketSearch.priority, value: state.priority },
    { key: TicketSearch.channel, value: state.channel },
  ]);
}
