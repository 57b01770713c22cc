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
  getExternalWorkflowHandle,
  log,
  ParentClosePolicy,
  patched,
  proxyActivities,
  setHandler,
  startChild,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { defineSearchAttributeKey } from '@temporalio/common';
import type { Activities } from '../activities';
import type { SideEffectRef } from '../activities/side-effects';
import type { NewTicket, TicketChange, TransferWrite } from '../activities/tickets';
import type { ChangeOutcome } from '../activities/ticket-changes';
import type { TicketStateColumns } from '../store/tickets';
import type { PlannedTimer } from '../rules/time-rules';
import type { Actor } from '../domain/people';
import type { ActivityFailureType } from '../domain/error-codes';
import type { MaskRequest } from '../domain/masks';
import type { DeliveryRef } from '../domain/workflow-kinds';
import { TICKET_SEARCH_ATTRIBUTES } from '../domain/search-attributes';
import { CUSTOMER_FACING, type TicketCommand, type TicketEventType, type TicketState, type TicketStatus } from '../domain/ticket';
import { applyFieldChanges, isFinished, openingState } from '../domain/ticket-state';
import { ISSUE_ANSWER_STATUSES, doorayTransferWorkflowId } from '../domain/transfer';
import { decide, type Decision } from './ticket-machine';
import { doorayTransferWorkflow } from './dooray-transfer';
import {
  doorayTaskCreatedSignal,
  doorayTaskMovedSignal,
  doorayTransferFailedSignal,
  guidanceRequestedSignal,
  issueAnsweredSignal,
} from './ticket-signals';
import { doorayTaskCreated, doorayTaskMoved, doorayTransferFailed, guidanceRequested, issueAnswered } from './ticket-transfers';

const {
  createTicket,
  changeTicket,
  openTicket,
  recordTicketChange,
  evaluateTriggers,
  planTimeRules,
  fireTimeRule,
  fireTimeRuleChange,
  reopenDelivery,
} = proxyActivities<Activities>({
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
export const transferDoorayUpdate = defineUpdate<TicketState, [Args<'transfer_dooray'>]>('transfer_dooray');
export const transferIssueUpdate = defineUpdate<TicketState, [Args<'transfer_issue'>]>('transfer_issue');
/** Changes priority, intake or resolution type, tags, the star, the subject or field values (`PATCH /tickets/{id}`). */
export const editUpdate = defineUpdate<TicketState, [Args<'edit'>]>('edit');
/** Masks a span of a message or field value (개인정보 마스킹); the recording activity seals the original. */
export const maskUpdate = defineUpdate<TicketState, [Args<'mask'>]>('mask');
export const ticketStateQuery = defineQuery<TicketState | null>('state');
/** Returns once every queued delivery (trigger side effects, customer replies) is done: for operators and tests. */
export const sideEffectsSettledUpdate = defineUpdate<void>('side_effects_settled');
/** The ticket's pending time rules (SLA stages, automations), earliest first. */
export const ticketTimersQuery = defineQuery<PlannedTimer[]>('timers');
/** Returns once a time rule whose key starts with the prefix has fired: for operators and tests. */
export const timeRuleFiredUpdate = defineUpdate<string, [string]>('time_rule_fired');

/**
 * An operator retries a delivery given up as failed: it is reopened (refused as `delivery.not_failed` unless it
 * is failed) and queued again, and goes out with the same idempotency key as before.
 */
export const retryDeliveryUpdate = defineUpdate<void, [DeliveryRef]>('retry_delivery');

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
  transfer_dooray: transferDoorayUpdate,
  transfer_issue: transferIssueUpdate,
  edit: editUpdate,
  mask: maskUpdate,
} as const;

export const TicketSearch = {
  status: defineSearchAttributeKey(TICKET_SEARCH_ATTRIBUTES.status, 'KEYWORD'),
  assignee: defineSearchAttributeKey(TICKET_SEARCH_ATTRIBUTES.assignee, 'KEYWORD'),
  group: defineSearchAttributeKey(TICKET_SEARCH_ATTRIBUTES.group, 'KEYWORD'),
  service: defineSearchAttributeKey(TICKET_SEARCH_ATTRIBUTES.service, 'KEYWORD'),
  priority: defineSearchAttributeKey(TICKET_SEARCH_ATTRIBUTES.priority, 'KEYWORD'),
  channel: defineSearchAttributeKey(TICKET_SEARCH_ATTRIBUTES.channel, 'KEYWORD'),
};

export type TicketWorkflowInput = {
  ticketId: string;
  /**
   * Set by every start and continue-as-new since changes ran as one activity: such a run has no history of the
   * four activities to replay, so it takes the one activity without asking `patched`, whose marker also upserts
   * `TemporalChangeVersion`, one more search-attribute write in every run. Absent in runs started before.
   */
  oneActivityPerChange?: true;
  /** The same for time rules: set since a firing runs as one activity, so the run does not ask its patch. */
  oneActivityPerFiring?: true;
  /** The same for outside events (Dooray, issue answers, guidance requests). */
  oneActivityPerEvent?: true;
} & (
  | { create: NewTicket }
  | { resume: TicketState; outbox: OutboxItem[]; firedTimeRules: string[] }
);

/** Deliveries queued for after the state settles: a trigger's side effect, or a reply mailed to the customer. */
type OutboxItem = ({ kind: 'side_effect' } & Omit<SideEffectRef, 'ticketId'>) | { kind: 'customer_reply'; seq: number };

export const ticketWorkflowId = (ticketId: string) => `ticket-${ticketId}`;

/**
 * Opening a ticket and recording a command each run one activity (`createTicket`, `changeTicket`) that records the
 * change, runs its trigger cycle and plans the time rules. Runs whose history scheduled the four activities of
 * before (`openTicket` or `recordTicketChange`, `evaluateTriggers`, `recordTicketChange`, `planTimeRules`) replay
 * them where they did; their next change takes the one activity.
 */
const ONE_ACTIVITY_PER_CHANGE = 'one-activity-per-change';

/**
 * A due time rule fires through one activity (`fireTimeRuleChange`) that also records its changes, runs the
 * `updated` cycle they cause and plans again. Runs whose history fired rules with the activities of before
 * (`fireTimeRule`, `recordTicketChange`, `evaluateTriggers`, `recordTicketChange`, `planTimeRules`) replay them.
 */
const ONE_ACTIVITY_PER_FIRING = 'one-activity-per-firing';

/**
 * An outside event (a signal: Dooray, an issue answer, a guidance request) is recorded through `changeTicket`, like a
 * command, with the `updated` cycle when it moved the status. Runs whose history recorded events with
 * `recordTicketChange`, `evaluateTriggers` and `planTimeRules` replay them.
 */
const ONE_ACTIVITY_PER_EVENT = 'one-activity-per-event';

/** What every start and continue-as-new passes: the run takes today's paths without asking their patches. */
export const CURRENT_PATHS = { oneActivityPerChange: true, oneActivityPerFiring: true, oneActivityPerEvent: true } as const;

export async function ticketWorkflow(input: TicketWorkflowInput): Promise<TicketState> {
  const { ticketId } = input;
  const oneActivityPerChange = () => input.oneActivityPerChange === true || patched(ONE_ACTIVITY_PER_CHANGE);
  const oneActivityPerFiring = () => input.oneActivityPerFiring === true || patched(ONE_ACTIVITY_PER_FIRING);
  const oneActivityPerEvent = () => input.oneActivityPerEvent === true || patched(ONE_ACTIVITY_PER_EVENT);
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
  // Set when a change's activity planned the time rules already, so they are not planned again after it.
  let planned = false;

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
      planned = false;
      const result = await work();
      await replanUnlessPlanned();
      return result;
    } finally {
      busy = false;
    }
  };

  const replanUnlessPlanned = async () => {
    if (planned) planned = false;
    else
      setTimers(
        isFinished(state!)
          ? []
          : await orSkip(ticketId, 'planning time rules', () => planTimeRules({ ticketId, now: new Date().toISOString() }), []),
      );
  };

  const setTimers = (next: PlannedTimer[]) => {
    timers = next.filter((timer) => !skippedTimeRules.includes(timer.key));
    plan++;
  };

  /**
   * Takes what a change's activity did beyond the recorded change: the evaluation it spent, the cycle's field
   * changes (recorded as the next event), its side effects and the time-rule plan; then indexes the ticket once.
   */
  const settleChange = (recorded: TicketState, evaluation: number | null, outcome: ChangeOutcome) => {
    let next = outcome.evaluated ? { ...recorded, evaluations: evaluation! } : recorded;
    if (Object.keys(outcome.changes).length > 0) next = { ...applyFieldChanges(next, outcome.changes), seq: next.seq + 1 };
    state = next;
    indexForSearch(next);
    if (outcome.evaluated) queueSideEffects(evaluation!, outcome.sideEffects);
    setTimers(outcome.timers);
    planned = true;
  };

  const fireTimeRuleDue = (timer: PlannedTimer) =>
    exclusive(async () => {
      const evaluation = state!.evaluations + 1;
      const now = new Date().toISOString();
      if (oneActivityPerFiring()) {
        const fire = () => fireTimeRuleChange({ state: changedColumns(state!, state!), key: timer.key, evaluation, now });
        const outcome = await orSkip(ticketId, `time rule ${timer.key}`, fire, null);
        if (!outcome) return void skippedTimeRules.push(timer.key);
        if (outcome.fired) {
          state = { ...state!, evaluations: evaluation };
          queueSideEffects(evaluation, outcome.rule.sideEffects);
          firedTimeRules.push(timer.key);
        }
        if (Object.keys(outcome.rule.changes).length > 0) {
          settleChange({ ...applyFieldChanges(state!, outcome.rule.changes), seq: state!.seq + 1 }, evaluation + 1, outcome);
        } else {
          setTimers(outcome.timers);
          planned = true;
        }
        return;
      }
      const outcome = await orSkip(ticketId, `time rule ${timer.key}`, () => fireTimeRule({ ticketId, key: timer.key, evaluation, now }), null);
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
    transfer: TransferWrite | null = null,
    mask: MaskRequest | null = null,
  ) => {
    const recorded = { ...next, seq: state!.seq + 1 };
    await recordTicketChange({ state: recorded, kind, actorId, changes, message, transfer, mask, at: new Date().toISOString() });
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
    queueSideEffects(evaluation, outcome.sideEffects);
  };

  const queueSideEffects = (evaluation: number, count: number) => {
    for (let index = 0; index < count; index++) outbox.push({ kind: 'side_effect', evaluation, index });
  };

  let performing = false;
  setHandler(ticketStateQuery, () => state);
  setHandler(sideEffectsSettledUpdate, () => until(() => ready && outbox.length === 0 && !performing));
  setHandler(ticketTimersQuery, () => timers);
  setHandler(timeRuleFiredUpdate, async (prefix) => {
    await until(() => firedTimeRules.some((key) => key.startsWith(prefix)));
    return firedTimeRules.find((key) => key.startsWith(prefix))!;
  });
  setHandler(
    retryDeliveryUpdate,
    async (delivery) => {
      await reopenDelivery({ ticketId, delivery });
      outbox.push(delivery);
    },
    {
      validator: (delivery) => {
        const queued = outbox.some((item) =>
          item.kind === 'side_effect' && delivery.kind === 'side_effect'
            ? item.evaluation === delivery.evaluation && item.index === delivery.index
            : item.kind === 'customer_reply' && delivery.kind === 'customer_reply' && item.seq === delivery.seq,
        );
        if (queued) throw ApplicationFailure.create({ type: NOT_FAILED, message: 'The delivery is already queued.', nonRetryable: true });
      },
    },
  );
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
          const command = toCommand(args);
          const { next, changes, message, event } = decide(state!, args.actor, command);
          // An edit that changes nothing leaves no event and runs no triggers.
          if (kind === 'edit' && Object.keys(changes).length === 0) return state!;
          const mask = command.kind === 'mask' ? command.mask : null;
          const refused = (error: unknown) => {
            throw unprocessable(ticketId, `its ${kind} could not be stored`, error) ?? error;
          };
          const recorded = { ...next, seq: state!.seq + 1 };
          if (oneActivityPerChange()) {
            const evaluation = isFinished(recorded) ? null : state!.evaluations + 1;
            const at = new Date().toISOString();
            const change = {
              state: changedColumns(state!, recorded),
              kind: event ?? kind,
              actorId: args.actor.id,
              changes,
              message: message ?? null,
              transfer: transferWrite(command),
              mask,
              at,
            };
            // The state moves only once the change is stored, so a refused change leaves it as it was.
            const outcome = await changeTicket({ change, evaluation, now: at }).catch(refused);
            if (message && CUSTOMER_FACING.includes(message.kind)) outbox.push({ kind: 'customer_reply', seq: recorded.seq });
            settleChange(recorded, evaluation, outcome);
            await startTransfer(command, recorded);
            await answerIssueOrigin(recorded.status, changes, message?.body ?? null);
            return state!;
          }
          // `record` commits the state only once the change is stored, so a refused change leaves it as it was.
          await record(next, event ?? kind, args.actor.id, changes, message ?? null, transferWrite(command), mask).catch(refused);
          if (message && CUSTOMER_FACING.includes(message.kind)) outbox.push({ kind: 'customer_reply', seq: state!.seq });
          await startTransfer(command, state!);
          await answerIssueOrigin(state!.status, changes, message?.body ?? null);
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

  /** Starts what a transfer command asked for, under an id of its own so a replayed or retried start is the same one. */
  const startTransfer = async (command: TicketCommand, from: TicketState) => {
    if (command.kind === 'transfer_dooray') {
      await startChild(doorayTransferWorkflow, {
        workflowId: doorayTransferWorkflowId(command.request.transferId),
        args: [{ transferId: command.request.transferId, ticketId, callTimeoutMs: command.request.callTimeoutMs }],
        // The transfer outlives this run (continue-as-new) and reports back by signal.
        parentClosePolicy: ParentClosePolicy.ABANDON,
      });
    } else if (command.kind === 'transfer_issue') {
      const { request } = command;
      await startChild(ticketWorkflow, {
        workflowId: ticketWorkflowId(request.issueTicketId),
        args: [
          {
            ticketId: request.issueTicketId,
            ...CURRENT_PATHS,
            create: {
              ticketId: request.issueTicketId,
              serviceId: request.serviceId,
              channel: 'issue_transfer',
              subject: request.subject,
              content: request.content,
              priority: from.priority,
              intakeTypeId: request.intakeTypeId,
              groupId: null,
              creatorId: request.creatorId,
              tags: [],
              customer: request.customer,
              at: request.at,
              issueOf: { ticketId, transferId: request.transferId },
            },
          },
        ],
        parentClosePolicy: ParentClosePolicy.ABANDON,
      });
    }
  };

  /** An issue ticket resolved, held or internally resolved answers the ticket it was transferred from. */
  const answerIssueOrigin = async (status: TicketStatus, changes: Record<string, [unknown, unknown]>, body: string | null) => {
    const origin = state!.issueOf;
    if (!origin || !changes.status || !ISSUE_ANSWER_STATUSES.includes(status)) return;
    try {
      await getExternalWorkflowHandle(ticketWorkflowId(origin.ticketId)).signal(issueAnsweredSignal, {
        transferId: origin.transferId,
        issueTicketId: ticketId,
        status,
        body,
      });
    } catch (error) {
      log.warn(`Ticket ${ticketId}: its origin ${origin.ticketId} could not be answered: ${(error as Error).message}`);
    }
  };

  /** Applies an outside event's decision, if it still applies, and re-runs the triggers when the status moved. */
  const applyEvent = (kind: string, decideEvent: () => Decision | null, write: (next: TicketState) => TransferWrite | null) =>
    exclusive(async () => {
      if (isFinished(state!)) return;
      const decision = decideEvent();
      if (!decision) return;
      if (oneActivityPerEvent()) {
        const recorded = { ...decision.next, seq: state!.seq + 1 };
        const evaluation = decision.changes.status && !isFinished(recorded) ? state!.evaluations + 1 : null;
        const at = new Date().toISOString();
        const change = {
          state: changedColumns(state!, recorded),
          kind,
          actorId: null,
          changes: decision.changes,
          message: decision.message ?? null,
          transfer: write(decision.next),
          mask: null,
          at,
        };
        const outcome = await orSkip(ticketId, `the ${kind} event`, () => changeTicket({ change, evaluation, now: at }), null);
        if (outcome) settleChange(recorded, evaluation, outcome);
        return;
      }
      const stored = await orSkip(ticketId, `the ${kind} event`, async () => {
        await record(decision.next, kind, null, decision.changes, decision.message ?? null, write(decision.next));
        return true;
      }, false);
      if (stored && decision.changes.status) await runTriggers('updated', decision.changes);
    });

  setHandler(doorayTaskCreatedSignal, (event) => applyEvent('dooray_task_created', () => doorayTaskCreated(state!, event), () => null));
  setHandler(doorayTransferFailedSignal, (event) => applyEvent('dooray_transfer_failed', () => doorayTransferFailed(state!, event), () => null));
  setHandler(doorayTaskMovedSignal, (event) =>
    applyEvent('dooray_task_moved', () => doorayTaskMoved(state!, event), () => ({ kind: 'dooray_moved', transferId: event.transferId, taskClass: event.taskClass })),
  );
  setHandler(issueAnsweredSignal, (event) =>
    applyEvent('issue_answered', () => issueAnswered(state!, event), () => ({
      kind: 'issue_answered',
      transferId: event.transferId,
      status: event.status,
      body: event.body,
    })),
  );
  setHandler(guidanceRequestedSignal, (event) => applyEvent('guidance_requested', () => guidanceRequested(state!, event), () => null));

  if (state === null) {
    const create = (input as { create: NewTicket }).create;
    let opened: ChangeOutcome | null = null;
    try {
      if (oneActivityPerChange()) opened = await createTicket({ ticket: create, now: new Date().toISOString() });
      else state = await openTicket(create);
    } catch (error) {
      failure = unprocessable(ticketId, 'it could not be stored', error);
      if (!failure) throw error;
      // The creator's update answers with the failure before the run ends failed with it.
      await condition(allHandlersFinished);
      throw failure;
    }
    if (opened) {
      settleChange(openingState(create), 1, opened);
    } else {
      indexForSearch(state!);
      await runTriggers('created', {});
    }
  }
  await replanUnlessPlanned();
  ready = true;

  // Deliveries run here, after the state they describe has settled, one at a time in order; between them
  // the workflow sleeps until the earliest time rule falls due or something changes.
  for (;;) {
    if (outbox.length === 0) {
      if (isFinished(state!) || workflowInfo().continueAsNewSuggested) {
        // An operator's retry still in flight queues its delivery here, and it must go out before the run ends.
        await condition(allHandlersFinished);
        if (outbox.length === 0) break;
        continue;
      }
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
  const settled = state!;
  if (!isFinished(settled)) {
    return continueAsNew<typeof ticketWorkflow>({ ticketId, ...CURRENT_PATHS, resume: settled, outbox, firedTimeRules });
  }
  return settled;
}

const INVALID_DATA: ActivityFailureType = 'data.invalid';
const NOT_FAILED: ActivityFailureType = 'delivery.not_failed';

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

/** What a change writes to the ticket row: the subject, star and field values only when the change moved them. */
function changedColumns(before: TicketState, after: TicketState): TicketStateColumns {
  const { id, seq, status, priority, groupId, assigneeId, resolutionTypeId, intakeTypeId, tags, deleted } = after;
  return {
    id,
    seq,
    status,
    priority,
    groupId,
    assigneeId,
    resolutionTypeId,
    intakeTypeId,
    tags,
    deleted,
    ...(after.subject !== before.subject ? { subject: after.subject } : {}),
    ...(after.important !== before.important ? { important: after.important } : {}),
    ...(after.customerFields !== before.customerFields ? { customerFields: after.customerFields } : {}),
    ...(after.agentFields !== before.agentFields ? { agentFields: after.agentFields } : {}),
  };
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

/** What a transfer command writes beside its event, in the same transaction. */
function transferWrite(command: TicketCommand): TransferWrite | null {
  if (command.kind === 'transfer_dooray') return { kind: 'dooray_requested', request: command.request };
  if (command.kind === 'transfer_issue') return { kind: 'issue_requested', request: command.request };
  return null;
}
