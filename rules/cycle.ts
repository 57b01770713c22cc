/**
 * The trigger cycle: what happens to a ticket when it is created or updated. Pure apart from the two
 * lookups it is given (assignment and the intake-type tree), so the worker runs it against the database and
 * `POST /rules/simulate` runs it against previews that change nothing.
 *
 * Semantics (also in the README):
 * - enabled triggers listening to the event run in position order; each fires at most once per cycle;
 * - in a pass every trigger sees the ticket as the pass began; fired triggers' state-changing results then
 *   apply in order, so when several assign, the last assignment wins;
 * - when a pass changed the ticket, another pass runs, until one changes nothing, at most {@link MAX_PASSES};
 * - change operators (`changed`, `changedTo`, `changedFrom`) compare against the ticket before the event, so
 *   a change made by an earlier trigger counts as a change;
 * - closed tickets run no triggers; side-effect results are collected here and performed afterwards.
 *
 * The cycle runs in two forms that fire the same triggers with the same results: decided through the trigger index
 * (what the ticket workflow runs) or explained, with every condition's outcome in every pass (simulation, and the
 * trace recomputed from an evaluation's record, see `replay.ts`).
 */
import type { TicketSnapshot } from './facts';
import type { ConditionOutcome, GroupOutcome, TriggerEvaluator } from './evaluation';
import { isStateChangingResult, type Result } from './model';
import type { TicketEventType } from '../domain/ticket';

export const MAX_PASSES = 10;

export type AssignResult = Extract<Result, { type: 'assign' }>;
export type SideEffectResult = Extract<Result, { type: 'notifyEmail' | 'forwardEmail' | 'callbackUrl' | 'doorayNotify' }>;

export interface TriggerInfo {
  title: string;
  results: readonly Result[];
}

export interface CycleEnvironment {
  evaluator: TriggerEvaluator;
  triggers: ReadonlyMap<string, TriggerInfo>;
  /** Chooses the agent for an assign result; `key` is stable across retries of the same cycle. */
  assign(result: AssignResult, ticket: TicketSnapshot, key: string): Promise<{ agentId: string | null; note?: string }>;
  /** Ancestor ids (root → self) of an intake type, or null when it does not exist. */
  intakeTypePath(intakeTypeId: string): Promise<string[] | null>;
}

export type FieldChanges = Record<string, [unknown, unknown]>;

export interface AppliedResult {
  triggerId: string;
  resultIndex: number;
  type: Result['type'];
  changes: FieldChanges;
  note?: string;
}

export interface PassTrace {
  pass: number;
  triggers: {
    triggerId: string;
    title: string;
    fired: boolean;
    skippedAlreadyFired: boolean;
    conditions: ConditionOutcome[];
    groups?: GroupOutcome[];
  }[];
  applied: AppliedResult[];
}

/** What one pass decided: the triggers that fired in it, in order, and the results they applied. */
export interface PassDecision {
  pass: number;
  fired: string[];
  applied: AppliedResult[];
}

export interface PendingSideEffect {
  index: number;
  triggerId: string;
  title: string;
  resultIndex: number;
  result: SideEffectResult;
}

export interface CycleOutcome {
  event: TicketEventType;
  skipped: 'closed' | null;
  passes: PassTrace[];
  capped: boolean;
  changes: FieldChanges;
  ticket: TicketSnapshot;
  sideEffects: PendingSideEffect[];
}

/** The cycle as decided on the indexed path: what fired and what it did, without the conditions' outcomes. */
export interface CycleDecision extends Omit<CycleOutcome, 'passes'> {
  passes: PassDecision[];
}

const TRACKED: readonly (keyof TicketSnapshot)[] = ['status', 'priority', 'groupId', 'assigneeId', 'intakeTypeId', 'tags'];

/** One ticket event to run the cycle for: the ticket now and, on an update, before the event. */
export type CycleInput = { event: TicketEventType; ticket: TicketSnapshot; previous: TicketSnapshot | null };

/**
 * Runs the cycle and explains it: every pass lists every trigger listening to the event with every condition's
 * outcome. What `POST /rules/simulate` answers, and how a recorded evaluation's trace is recomputed.
 */
export async function runTriggerCycle(input: CycleInput, env: CycleEnvironment): Promise<CycleOutcome> {
  const { passes, ...rest } = await cycle(input, env, true);
  return { ...rest, passes: passes.map(({ pass, triggers, applied }) => ({ pass, triggers, applied })) };
}

/**
 * Runs the cycle deciding through the trigger index (`matches`): the same triggers fire, with the same results and
 * side effects, as in {@link runTriggerCycle}, at a cost that follows the candidates rather than the rule set.
 * What the ticket workflow runs.
 */
export async function decideTriggerCycle(input: CycleInput, env: CycleEnvironment): Promise<CycleDecision> {
  const { passes, ...rest } = await cycle(input, env, false);
  return { ...rest, passes: passes.map(({ pass, fired, applied }) => ({ pass, fired, applied })) };
}

/** A pass with both forms: when it is not explained, `triggers` stays empty. */
type CyclePass = PassTrace & PassDecision;
type CycleRun = Omit<CycleOutcome, 'passes'> & { passes: CyclePass[] };

async function cycle(input: CycleInput, env: CycleEnvironment, explain: boolean): Promise<CycleRun> {
  const outcome: CycleRun = {
    event: input.event,
    skipped: null,
    passes: [],
    capped: false,
    changes: {},
    ticket: input.ticket,
    sideEffects: [],
  };
  if (input.ticket.status === 'closed') return { ...outcome, skipped: 'closed' };

  const fired = new Set<string>();
  let ticket = input.ticket;
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    const facts = { event: input.event, ticket, previous: input.previous };
    const trace: CyclePass = { pass, fired: [], triggers: [], applied: [] };
    if (explain) {
      for (const evaluation of await env.evaluator.evaluate(facts)) {
        const already = fired.has(evaluation.triggerId);
        trace.triggers.push({
          triggerId: evaluation.triggerId,
          title: env.triggers.get(evaluation.triggerId)?.title ?? evaluation.triggerId,
          fired: evaluation.fired && !already,
          skippedAlreadyFired: evaluation.fired && already,
          conditions: evaluation.conditions,
          ...(evaluation.groups ? { groups: evaluation.groups } : {}),
        });
        if (evaluation.fired && !already) trace.fired.push(evaluation.triggerId);
      }
    } else {
      for (const match of await env.evaluator.matches(facts)) if (!fired.has(match.triggerId)) trace.fired.push(match.triggerId);
    }

    const passStart = ticket;
    for (const triggerId of trace.fired) {
      fired.add(triggerId);
      const info = env.triggers.get(triggerId)!;
      const applied = await applyResults(ticket, info.results, `${pass}:${triggerId}`, env);
      ticket = applied.ticket;
      trace.applied.push(...applied.applied.map((entry) => ({ triggerId, ...entry })));
      for (const { resultIndex, result } of applied.sideEffects) {
        outcome.sideEffects.push({ index: outcome.sideEffects.length, triggerId, title: info.title, resultIndex, result });
      }
    }
    outcome.passes.push(trace);
    if (Object.keys(diff(passStart, ticket)).length === 0) break;
    if (pass === MAX_PASSES) outcome.capped = true;
  }
  return { ...outcome, ticket, changes: diff(input.ticket, ticket) };
}

/**
 * Applies results in order: state-changing ones to the snapshot (each assignment keyed `<keyPrefix>:<index>`),
 * side-effect ones collected for later. Shared by the trigger cycle and by time rules.
 */
export async function applyResults(
  ticket: TicketSnapshot,
  results: readonly Result[],
  keyPrefix: string,
  env: Pick<CycleEnvironment, 'assign' | 'intakeTypePath'>,
): Promise<{
  ticket: TicketSnapshot;
  applied: Omit<AppliedResult, 'triggerId'>[];
  sideEffects: { resultIndex: number; result: SideEffectResult }[];
}> {
  const applied: Omit<AppliedResult, 'triggerId'>[] = [];
  const sideEffects: { resultIndex: number; result: SideEffectResult }[] = [];
  for (const [resultIndex, result] of results.entries()) {
    if (!isStateChangingResult(result)) {
      sideEffects.push({ resultIndex, result: result as SideEffectResult });
      continue;
    }
    const { next, note } = await applyResult(ticket, result, `${keyPrefix}:${resultIndex}`, env);
    applied.push({ resultIndex, type: result.type, changes: diff(ticket, next), ...(note ? { note } : {}) });
    ticket = next;
  }
  return { ticket, applied, sideEffects };
}

/** Applies one state-changing result to the snapshot (side-effect results leave it as it is). */
async function applyResult(
  ticket: TicketSnapshot,
  result: Result,
  key: string,
  env: Pick<CycleEnvironment, 'assign' | 'intakeTypePath'>,
): Promise<{ next: TicketSnapshot; note?: string }> {
  switch (result.type) {
    case 'assign': {
      const { agentId, note } = await env.assign(result, ticket, key);
      if (!agentId) return { next: ticket, note: note ?? 'no agent available in the group' };
      const status = ticket.status === 'unassigned' ? 'in_progress' : ticket.status;
      return { next: { ...ticket, groupId: result.groupId, assigneeId: agentId, status }, note };
    }
    case 'forwardToGroup': {
      const status = ticket.status === 'in_progress' ? 'unassigned' : ticket.status;
      return { next: { ...ticket, groupId: result.groupId, assigneeId: null, status } };
    }
    case 'setIntakeType': {
      const path = await env.intakeTypePath(result.intakeTypeId);
      if (!path) return { next: ticket, note: `intake type ${result.intakeTypeId} no longer exists` };
      return { next: { ...ticket, intakeTypeId: result.intakeTypeId, intakeTypePath: path } };
    }
    case 'setPriority':
      return { next: { ...ticket, priority: result.priority } };
    case 'addTags':
      return { next: { ...ticket, tags: [...new Set([...ticket.tags, ...result.tags])] } };
    case 'removeTags':
      return { next: { ...ticket, tags: ticket.tags.filter((tag) => !result.tags.includes(tag)) } };
    default:
      return { next: ticket };
  }
}

/** The tracked fields that differ between two snapshots, as [before, after]. */
export function diff(before: TicketSnapshot, after: TicketSnapshot): FieldChanges {
  const changes: FieldChanges = {};
  for (const field of TRACKED) {
    if (!sameValue(before[field], after[field])) changes[field] = [before[field], after[field]];
  }
  return changes;
}

/** Equality of tracked values: scalars, or lists of them (tags), compared item by item. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, index) => item === b[index]);
}
