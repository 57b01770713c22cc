/**
 * The callback request workflow (`callback-<callbackId>`) owns one request's lifecycle: registered → assigned
 * (unprocessed) → completed, cancellation back to reassignable, call attempts, and the ticket its history is
 * registered as. Commands arrive as updates whose validators refuse them before they reach history; every accepted
 * change is written to the read model before the update returns. Two admins assigning the same request at once
 * are serialised here: the first assignment wins and the second is refused as `callback.not_assignable`.
 *
 * Reminders are durable timers: the next one (unassigned too long, past the deadline, escalated) is planned in the
 * service's business hours by an activity and slept on exactly, re-planned whenever the request changes phase.
 */
import {
  ParentClosePolicy,
  allHandlersFinished,
  condition,
  continueAsNew,
  defineQuery,
  defineUpdate,
  proxyActivities,
  setHandler,
  startChild,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { defineSearchAttributeKey } from '@temporalio/common';
import type { Activities } from '../activities';
import type { NewCallback, PlannedReminder } from '../activities/callbacks';
import type { NewTicket } from '../activities/tickets';
import {
  callbackWorkflowId,
  isCallbackFinished,
  type CallbackActor,
  type CallbackCommand,
  type CallbackReminderKind,
  type CallbackState,
} from '../domain/callback';
import { CALLBACK_SEARCH_ATTRIBUTES } from '../domain/search-attributes';
import { decideCallback } from './callback-machine';
import { CURRENT_PATHS, ticketWorkflow, ticketWorkflowId } from './ticket';

const { openCallback, recordCallbackChange, planCallbackReminder } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  // Unlimited attempts, as for tickets: a database restart delays a change, never loses it; data refused for good
  // comes back at once as a non-retryable failure.
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '10 seconds' },
});

const { sendCallbackReminder } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  // A mail server that keeps refusing must not hold the request: after the last attempt the reminder is recorded
  // as failed and the request goes on to its next reminder.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 8 },
});

type Args<K extends CallbackCommand['kind']> = Omit<Extract<CallbackCommand, { kind: K }>, 'kind'> & { actor: CallbackActor };

export const callbackOpenedUpdate = defineUpdate<CallbackState>('opened');
export const assignCallbackUpdate = defineUpdate<CallbackState, [Args<'assign'>]>('assign');
export const cancelCallbackAssignmentUpdate = defineUpdate<CallbackState, [Args<'cancel_assignment'>]>('cancel_assignment');
export const connectCallbackUpdate = defineUpdate<CallbackState, [Args<'connect'>]>('connect');
export const completeCallbackUpdate = defineUpdate<CallbackState, [Args<'complete'>]>('complete');
/** Registers the request's history as a ticket: the ticket is started as a child workflow that outlives the request. */
export const registerCallbackHistoryUpdate = defineUpdate<CallbackState, [Args<'register_history'> & { ticket: NewTicket }]>('register_history');
export const answerCallbackUpdate = defineUpdate<CallbackState, [Args<'answer'>]>('answer');
export const callbackStateQuery = defineQuery<CallbackState | null>('state');
/** The next reminder, if any: for operators and tests. */
export const callbackReminderQuery = defineQuery<PlannedReminder | null>('reminder');
/** Returns once a reminder of this kind has been sent in the current phase and the next one planned: for operators and tests. */
export const callbackReminderSentUpdate = defineUpdate<string, [CallbackReminderKind]>('reminder_sent');

/** The update for each command kind, so the API (and signed URLs) can address a command by name. */
export const callbackCommandUpdates = {
  assign: assignCallbackUpdate,
  cancel_assignment: cancelCallbackAssignmentUpdate,
  connect: connectCallbackUpdate,
  complete: completeCallbackUpdate,
  register_history: registerCallbackHistoryUpdate,
  answer: answerCallbackUpdate,
} as const;

export const CallbackSearch = {
  status: defineSearchAttributeKey(CALLBACK_SEARCH_ATTRIBUTES.status, 'KEYWORD'),
  assignee: defineSearchAttributeKey(CALLBACK_SEARCH_ATTRIBUTES.assignee, 'KEYWORD'),
};

/** Where the reminders of the current phase stand; carried over continue-as-new. */
interface Phase {
  since: string;
  round: number;
  sent: CallbackReminderKind[];
}

export type CallbackWorkflowInput = { callbackId: string } & ({ create: NewCallback } | { resume: CallbackState; phase: Phase });

export { callbackWorkflowId };

export async function callbackWorkflow(input: CallbackWorkflowInput): Promise<CallbackState> {
  const { callbackId } = input;
  let state: CallbackState | null = 'resume' in input ? input.resume : null;
  let phase: Phase | null = 'resume' in input ? input.phase : null;
  let reminder: PlannedReminder | null = null;
  let plan = 0;
  let busy = false;
  // Set once the request is stored and its first reminder planned, so the intake's caller sees both.
  let ready = false;

  const exclusive = async <T>(work: () => Promise<T>): Promise<T> => {
    while (!ready || busy) await condition(() => ready && !busy);
    busy = true;
    try {
      return await work();
    } finally {
      busy = false;
    }
  };

  const record = async (next: CallbackState, kind: string, actorId: string | null, changes: Record<string, [unknown, unknown]>) => {
    const recorded = { ...next, seq: state!.seq + 1 };
    await recordCallbackChange({ state: recorded, kind, actorId, changes, at: new Date().toISOString() });
    state = recorded;
    indexForSearch(recorded);
  };

  /** Plans the next reminder of the phase; a new phase starts whenever the request is assigned or unassigned. */
  const replan = async (newPhase: boolean) => {
    if (newPhase || phase === null) phase = { since: new Date().toISOString(), round: state!.seq, sent: [] };
    reminder = isCallbackFinished(state!)
      ? null
      : await planCallbackReminder({ callbackId, routeId: state!.routeId, serviceId: state!.serviceId, status: state!.status, since: phase.since, sent: phase.sent });
    plan++;
  };

  setHandler(callbackStateQuery, () => state);
  setHandler(callbackReminderQuery, () => reminder);
  setHandler(callbackOpenedUpdate, async () => {
    await condition(() => ready);
    return state!;
  });
  setHandler(callbackReminderSentUpdate, async (kind) => {
    // Not while busy: the phase records the reminder before the next one is planned, and a query must not see the old plan.
    await condition(() => phase !== null && phase.sent.includes(kind) && !busy);
    return phase!.since;
  });

  for (const [kind, update] of Object.entries(callbackCommandUpdates)) {
    const toCommand = ({ actor: _actor, ...args }: Args<CallbackCommand['kind']>) => ({ kind, ...args }) as CallbackCommand;
    setHandler(
      update as typeof connectCallbackUpdate,
      (args) =>
        exclusive(async () => {
          const { next, changes } = decideCallback(state!, args.actor, toCommand(args));
          const assigned = kind === 'assign' ? { ...next, assignedAt: new Date().toISOString() } : next;
          if (kind === 'register_history') {
            const { ticket } = args as unknown as { ticket: NewTicket };
            await startChild(ticketWorkflow, {
              workflowId: ticketWorkflowId(ticket.ticketId),
              args: [{ ticketId: ticket.ticketId, ...CURRENT_PATHS, create: ticket }],
              parentClosePolicy: ParentClosePolicy.ABANDON,
            });
          }
          await record(assigned, kind, args.actor.kind === 'hook' ? null : args.actor.id, changes);
          if (changes.status) await replan(true);
          return state!;
        }),
      {
        validator: (args) => {
          if (state) decideCallback(state, args.actor, toCommand(args));
        },
      },
    );
  }

  if (state === null) {
    state = await openCallback((input as { create: NewCallback }).create);
    indexForSearch(state);
  }
  await replan(phase === null);
  ready = true;

  // Sleeps until the next reminder falls due or the request changes; a reminder is recorded in the event log.
  while (!isCallbackFinished(state!) && !workflowInfo().continueAsNewSuggested) {
    const seen = plan;
    const woken = () => isCallbackFinished(state!) || plan !== seen || workflowInfo().continueAsNewSuggested;
    const due = reminder as PlannedReminder | null;
    if (!due) {
      await condition(woken);
      continue;
    }
    if (await condition(woken, Math.max(0, Date.parse(due.at) - Date.now()))) continue;
    await exclusive(async () => {
      if (plan !== seen) return;
      const current = phase!;
      const sent = await sendCallbackReminder({
        callbackId,
        serviceId: state!.serviceId,
        kind: due.kind,
        round: current.round,
        assigneeId: state!.assigneeId,
      }).then(
        ({ recipients }) => ({ recipients: [null, recipients] as [unknown, unknown] }),
        (error: unknown) => ({ failed: [null, error instanceof Error ? error.message : String(error)] as [unknown, unknown] }),
      );
      await record(state!, `reminder_${due.kind}`, null, { reminder: [null, due.kind], ...sent });
      phase = { ...current, sent: [...current.sent, due.kind] };
      await replan(false);
    });
  }

  await condition(allHandlersFinished);
  if (!isCallbackFinished(state!)) {
    return continueAsNew<typeof callbackWorkflow>({ callbackId, resume: state!, phase: phase! });
  }
  return state!;
}

function indexForSearch(state: CallbackState): void {
  upsertSearchAttributes([
    { key: CallbackSearch.status, value: state.status },
    { key: CallbackSearch.assignee, value: state.assigneeId ?? '' },
  ]);
}
