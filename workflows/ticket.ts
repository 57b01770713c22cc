/**
 * The ticket workflow (`ticket-<ticketId>`) owns one ticket's lifecycle. Commands arrive as updates whose
 * validators refuse invalid transitions before they reach history; every accepted change is written to the
 * read model by an idempotent activity before the update returns, so the caller reads its own write.
 *
 * Data the database refuses for good (activities raise it as a non-retryable `data.invalid`) never wedges the
 * workflow: a ticket that cannot be stored fails its creator's update and then the run, both as
 * `ticket.unprocessable` naming the ticket; a command whose change cannot be stored fails its update and leaves
 * the state as it was; a trigger cycle, time rule or delivery that cannot be stored is skipped.
 */
import {
  ActivityFailure,
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  defineQuery,
  defineUpdate,
  log,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { defineSearchAttributeKey } from '@temporalio/common';
import type { Activities } from '../activities';
import type { SideEffectRef } from '../activities/side-effects';
import type { NewTicket, TicketChange } from '../activities/tickets';
import type { PlannedTimer } from '../rules/time-rules';
import type { Actor } from '../domain/people';
import type { ActivityFailureType } from '../domain/error-codes';
import { TICKET_SEARCH_ATTRIBUTES } from '../domain/search-attributes';
import { CUSTOMER_FACING, type TicketCommand, type TicketEventType, type TicketState } from '../domain/ticket';
import { decide } from './ticket-machine';

const { openTicket, recordTicketChange, evaluateTriggers, planTimeRules, fireTimeRule } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  // Unlimited attempts: a database restart must delay a change, never lose it. Data the database refuses for
  // good comes back at once as a non-retryable failure instead (activities/failures.ts).
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '10 seconds' },
});

const { performSideEffect, emailCustomerReply } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  // The activity reads this policy and records its last attempt as failed itself (see `deliver`), so the
  // workflow never sees a delivery throw for good.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 8 },
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
/** Changes priority, intake or resolution type, tags, the star, the subject or field values (`PATCH /tickets/{id}`). */
export const editUpdate = defineUpdate<TicketState, [Args<'edit'>]>('edit');
export const ticketStateQuery = defineQuery<TicketState | null>('state');
/** Returns once every queued delivery (trigger side effects, customer replies) is done: for operators and tests. */
export const sideEffectsSettledUpdate = defineUpdate<void>('side_effects_settled');
/** The ticket's pending time rules (SLA stages, automations), earliest first. */
export const ticketTimersQuery = defineQuery<PlannedTimer[]>('timers');
/** Returns once a time rule whose key starts with the prefix has fired: for operators and tests. */
export const timeRuleFiredUpdate = defineUpdate<string, [string]>('time_rule_fired');

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
  edit: editUpdate,
} as const;

export const TicketSearch = {
  status: defineSearchAttributeKey(TICKET_SEARCH_ATTRIBUTES.status, 'KEYWORD'),
  assignee: defineSearchAttributeKey(TICKET_SEARCH_ATTRIBUTES.assignee, 'KEYWORD'),
  group: defineSearchAttributeKey(TICKET_SEARCH_ATTRIBUTES.group, 'KEYWORD'),
  service: defineSearchAttributeKey(TICKET_SEARCH_ATTRIBUTES.service, 'KEYWORD'),
  priority: defineSearchAttributeKey(TICKET_SEARCH_ATTRIBUTES.priority, 'KEYWORD'),
  channel: defineSearchAttributeKey(TICKET_SEARCH_ATTRIBUTES.channel, 'KEYWORD'),
};

export type TicketWorkflowInput = { ticketId: string } & (
  | { create: NewTicket }
  | { resume: TicketState; outbox: OutboxItem[]; firedTimeRules: string[] }
);

/** Deliveries queued for after the state settles: a trigger's side effect, or a reply mailed to the customer. */
type OutboxItem = ({ kind: 'side_effect' } & Omit<SideEffectRef, 'ticketId'>) | { kind: 'customer_reply'; seq: number };

export const ticketWorkflowId = (ticketId: string) => `ticket-${ticketId}`;

const isFinished = (state: TicketState) => state.status === 'closed' || state.deleted;

export async function ticketWorkflow(input: TicketWorkflowInput): Promise<TicketState> {
  const { ticketId } = input;
  let state: TicketState | null = 'resume' in input ? input.resume : null;
  const outbox: OutboxItem[] = 'resume' in input ? [...input.outbox] : [];
  const firedTimeRules = 'resume' in input ? [...input.firedTimeRules] : [];
  let timers: PlannedTimer[] = [];
  // Bumped whenever the timers are re-planned, so the main loop wakes and sleeps until the new earliest one.
  let plan = 0;
  // Set once the created event's triggers have run, so the creator sees their assignment.
  let ready = state !== null;
  // One change at a time: handlers await activities, and a second command must see the first one's result.
  let busy = false;
  // Set when the ticket could not be stored: every waiting handler answers with it, then the run fails with it.
  let failure: ApplicationFailure | null = null;
  // Time rules whose firing the database refused for good: never planned again in this run.
  const skippedTimeRules: string[] = [];

  /** Waits until the predicate holds, or throws the failure that ended the ticket before it was stored. */
  const until = async (predicate: () => boolean) => {
    await condition(() => failure !== null || predicate());
    if (failure) throw failure;
  };

  const exclusive = async <T>(work: () => Promise<T>): Promise<T> => {
    // Re-checked after every wake-up: several waiters can be released in one activation, and only the first
    // to run may take the lock.
    while (!ready || busy) await until(() => ready && !busy);
    busy = true;
    try {
      const result = await work();
      await replan();
      return result;
    } finally {
      busy = false;
    }
  };

  const replan = async () => {
    const planned = isFinished(state!)
      ? []
      : await orSkip(ticketId, 'planning time rules', () => planTimeRules({ ticketId, now: new Date().toISOString() }), []);
    timers = planned.filter((timer) => !skippedTimeRules.includes(timer.key));
    plan++;
  };

  const fireTimeRuleDue = (timer: PlannedTimer) =>
    exclusive(async () => {
      const evaluation = state!.evaluations + 1;
      const outcome = await orSkip(
        ticketId,
        `time rule ${timer.key}`,
        () => fireTimeRule({ ticketId, key: timer.key, evaluation, now: new Date().toISOString() }),
        null,
      );
      if (!outcome) return void skippedTimeRules.push(timer.key);
      if (!outcome.fired) return;
      await applyEvaluation(evaluation, outcome, 'time_rule');
      if (Object.keys(outcome.changes).length > 0) await runTriggers('updated', outcome.changes);
      firedTimeRules.push(timer.key);
    });

  const record = async (
    next: TicketState,
    kind: string,
    actorId: string | null,
    changes: Record<string, [unknown, unknown]>,
    message: TicketChange['message'] = null,
  ) => {
    const recorded = { ...next, seq: state!.seq + 1 };
    await recordTicketChange({ state: recorded, kind, actorId, changes, message, at: new Date().toISOString() });
    state = recorded;
    indexForSearch(recorded);
  };

  /**
   * Runs the trigger cycle for an event, applies its field changes and queues its side effects. The change that
   * caused the event stands even when the cycle cannot be stored.
   */
  const runTriggers = async (event: TicketEventType, commandChanges: Record<string, [unknown, unknown]>) => {
    if (isFinished(state!)) return;
    const evaluation = state!.evaluations + 1;
    await orSkip(ticketId, `the ${event} triggers (evaluation ${evaluation})`, async () => {
      await applyEvaluation(evaluation, await evaluateTriggers({ ticketId, evaluation, event, commandChanges }), 'trigger');
    }, undefined);
  };

  /** Counts an evaluation, records the field changes it made, then queues its side effects. */
  const applyEvaluation = async (
    evaluation: number,
    outcome: { changes: Record<string, [unknown, unknown]>; sideEffects: number },
    kind: 'trigger' | 'time_rule',
  ) => {
    state = { ...state!, evaluations: evaluation };
    if (Object.keys(outcome.changes).length > 0) await record(applyFieldChanges(state, outcome.changes), kind, null, outcome.changes);
    for (let index = 0; index < outcome.sideEffects; index++) outbox.push({ kind: 'side_effect', evaluation, index });
  };

  let performing = false;
  setHandler(ticketStateQuery, () => state);
  setHandler(sideEffectsSettledUpdate, () => until(() => ready && outbox.length === 0 && !performing));
  setHandler(ticketTimersQuery, () => timers);
  setHandler(timeRuleFiredUpdate, async (prefix) => {
    await until(() => firedTimeRules.some((key) => key.startsWith(prefix)));
    return firedTimeRules.find((key) => key.startsWith(prefix))!;
  });
  setHandler(openedUpdate, async () => {
    await until(() => ready);
    return state!;
  });

  for (const [kind, update] of Object.entries(ticketCommandUpdates)) {
    const toCommand = ({ actor: _actor, ...args }: Args<TicketCommand['kind']>) => ({ kind, ...args }) as TicketCommand;
    setHandler(
      update as typeof takeUpdate,
      (args) =>
        exclusive(async () => {
          const { next, changes, message } = decide(state!, args.actor, toCommand(args));
          // An edit that changes nothing leaves no event and runs no triggers.
          if (kind === 'edit' && Object.keys(changes).length === 0) return state!;
          // `record` commits the state only once the change is stored, so a refused change leaves it as it was.
          await record(next, kind, args.actor.id, changes, message ?? null).catch((error: unknown) => {
            throw unprocessable(ticketId, `its ${kind} could not be stored`, error) ?? error;
          });
          if (message && CUSTOMER_FACING.includes(message.kind)) outbox.push({ kind: 'customer_reply', seq: state!.seq });
          await runTriggers('updated', changes);
          return state!;
        }),
      {
        validator: (args) => {
          if (state) decide(state, args.actor, toCommand(args));
        },
      },
    );
  }

  if (state === null) {
    try {
      state = await openTicket((input as { create: NewTicket }).create);
    } catch (error) {
      failure = unprocessable(ticketId, 'it could not be stored', error);
      if (!failure) throw error;
      // The creator's update answers with the failure before the run ends failed with it.
      await condition(allHandlersFinished);
      throw failure;
    }
    indexForSearch(state);
    await runTriggers('created', {});
  }
  await replan();
  ready = true;

  // Deliveries run here, after the state they describe has settled, one at a time in order; between them
  // the workflow sleeps until the earliest time rule falls due or something changes.
  for (;;) {
    if (outbox.length === 0) {
      if (isFinished(state!) || workflowInfo().continueAsNewSuggested) break;
      const seen = plan;
      const woken = () => outbox.length > 0 || isFinished(state!) || workflowInfo().continueAsNewSuggested || plan !== seen;
      const due = timers[0];
      if (!due) {
        await condition(woken);
      } else if (!(await condition(woken, Math.max(0, Date.parse(due.at) - Date.now())))) {
        await fireTimeRuleDue(due);
      }
      continue;
    }
    const next = outbox[0];
    performing = true;
    const thenComplete = await orSkip(
      ticketId,
      next.kind === 'customer_reply' ? `the reply of event ${next.seq}` : `side effect ${next.evaluation}/${next.index}`,
      async () =>
        next.kind === 'customer_reply'
          ? (await emailCustomerReply({ ticketId, seq: next.seq }), false)
          : (await performSideEffect({ ticketId, evaluation: next.evaluation, index: next.index })).thenComplete,
      false,
    );
    outbox.shift();
    performing = false;
    if (thenComplete) {
      await exclusive(async () => {
        if (isFinished(state!)) return;
        await record({ ...state!, status: 'closed' }, 'trigger_complete', null, { status: [state!.status, 'closed'] });
      });
    }
  }

  await condition(allHandlersFinished);
  if (!isFinished(state)) {
    return continueAsNew<typeof ticketWorkflow>({ ticketId, resume: state, outbox, firedTimeRules });
  }
  return state;
}

const INVALID_DATA: ActivityFailureType = 'data.invalid';

/** The activity's failure when the database refused its data for good, else null. */
function invalidData(error: unknown): ApplicationFailure | null {
  return error instanceof ActivityFailure && error.cause instanceof ApplicationFailure && error.cause.type === INVALID_DATA
    ? error.cause
    : null;
}

/**
 * `ticket.unprocessable` for data the database refused for good, naming the ticket, so both the caller and an
 * operator looking at the failed run can find it; null for any other error.
 */
function unprocessable(ticketId: string, what: string, error: unknown): ApplicationFailure | null {
  const cause = invalidData(error);
  if (!cause) return null;
  return ApplicationFailure.create({
    type: 'ticket.unprocessable',
    message: `Ticket ${ticketId}: ${what}. ${cause.message}`,
    nonRetryable: true,
    details: [{ ticketId, workflowId: ticketWorkflowId(ticketId), ...(cause.details?.[0] as object | undefined) }],
    cause: error as ActivityFailure,
  });
}

/**
 * Runs a step the ticket's own state does not depend on (a trigger cycle, a time rule, a delivery), or skips it
 * with `skipped` when the database refuses its data for good: the failed activity stays in the run's history
 * and the worker logs the skip, while the ticket goes on.
 */
async function orSkip<T>(ticketId: string, step: string, work: () => Promise<T>, skipped: T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const cause = invalidData(error);
    if (!cause) throw error;
    log.warn(`Ticket ${ticketId}: skipped ${step}: ${cause.message}`, { ticketId, details: cause.details?.[0] });
    return skipped;
  }
}

const FIELD_KEYS = new Set(['status', 'priority', 'groupId', 'assigneeId', 'intakeTypeId', 'tags']);

function applyFieldChanges(state: TicketState, changes: Record<string, [unknown, unknown]>): TicketState {
  const next: Record<string, unknown> = { ...state };
  for (const [field, [, after]] of Object.entries(changes)) if (FIELD_KEYS.has(field)) next[field] = after;
  return next as unknown as TicketState;
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
