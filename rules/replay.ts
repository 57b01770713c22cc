/**
 * A trigger evaluation's record, and its trace recomputed on demand. The ticket workflow decides through the trigger
 * index and records what the evaluation needs to be explained again: the facts its first pass saw, what the cycle's
 * two lookups answered, and what each pass fired and applied. Every later pass's facts follow from those through the
 * cycle's own code, so running the cycle again against the pinned version (published versions are immutable) with
 * the lookups answered from the record reproduces the per-condition trace exactly. The record grows with the ticket
 * and with what fired, not with the rule set.
 *
 * @module
 */
import type { AssignResult, CycleDecision, CycleEnvironment, CycleInput, CycleOutcome, FieldChanges, PassDecision } from './cycle';
import type { EvaluatorKind } from './evaluation';
import type { TicketSnapshot } from './facts';
import { runRuleSet, type RuleSetSource } from './runner';
import type { TriggerCycleTrace } from './trace';
import type { TicketEventType } from '../domain/ticket';

type Lookups = Pick<CycleEnvironment, 'assign' | 'intakeTypePath'>;

/** What the assignment lookup answered for one assign result. */
export interface AssignmentAnswer {
  agentId: string | null;
  note?: string;
}

/** What the lookups answered during a cycle, keyed as the cycle asked: an assignment by its key, a path by intake type. */
export interface LookupAnswers {
  assignments: Record<string, AssignmentAnswer>;
  intakeTypePaths: Record<string, string[] | null>;
}

/** What is stored of a trigger evaluation: enough to recompute its trace, and what it decided. */
export interface CycleRecord extends LookupAnswers {
  /** The ticket as the first pass saw it. */
  ticket: TicketSnapshot;
  /** The ticket before the event; null on a created event. */
  previous: TicketSnapshot | null;
  skipped: 'closed' | null;
  capped: boolean;
  passes: PassDecision[];
  changes: FieldChanges;
}

/** Wraps the lookups so that every answer they give is kept, for the record. */
export function recordingLookups(lookups: Lookups): { lookups: Lookups; answers: () => LookupAnswers } {
  const assignments = new Map<string, AssignmentAnswer>();
  const intakeTypePaths = new Map<string, string[] | null>();
  return {
    lookups: {
      async assign(result: AssignResult, ticket: TicketSnapshot, key: string) {
        const answer = await lookups.assign(result, ticket, key);
        assignments.set(key, answer.note === undefined ? { agentId: answer.agentId } : { agentId: answer.agentId, note: answer.note });
        return answer;
      },
      async intakeTypePath(intakeTypeId: string) {
        const path = await lookups.intakeTypePath(intakeTypeId);
        intakeTypePaths.set(intakeTypeId, path);
        return path;
      },
    },
    answers: () => ({ assignments: Object.fromEntries(assignments), intakeTypePaths: Object.fromEntries(intakeTypePaths) }),
  };
}

/** The record of a decided cycle. */
export function cycleRecord(input: CycleInput, decision: CycleDecision, answers: LookupAnswers): CycleRecord {
  return {
    ticket: input.ticket,
    previous: input.previous,
    ...answers,
    skipped: decision.skipped,
    capped: decision.capped,
    passes: decision.passes,
    changes: decision.changes,
  };
}

/** The trace form of an explained cycle, as `GET /tickets/{id}/trace` answers it. */
export function cycleTrace(outcome: CycleOutcome): TriggerCycleTrace {
  return {
    skipped: outcome.skipped,
    capped: outcome.capped,
    // A condition's `actual` is typed unknown where it is read; read from a snapshot, it is one of the trace's values.
    passes: outcome.passes as TriggerCycleTrace['passes'],
    changes: outcome.changes,
    sideEffects: outcome.sideEffects.map(({ index, triggerId, title, resultIndex, result }) => ({
      index,
      triggerId,
      title,
      resultIndex,
      type: result.type,
    })),
  };
}

/** The lookups answered from a record; a question the evaluation did not ask means the record does not fit. */
function replayedLookups(answers: LookupAnswers): Lookups {
  const answer = <T>(table: Record<string, T>, key: string, what: string): T => {
    if (!Object.hasOwn(table, key)) throw new Error(`the recorded evaluation has no answer for ${what} "${key}"`);
    return table[key];
  };
  return {
    assign: async (_result, _ticket, key) => answer(answers.assignments, key, 'the assignment'),
    intakeTypePath: async (intakeTypeId) => answer(answers.intakeTypePaths, intakeTypeId, 'the intake type'),
  };
}

/** JSON text with object keys sorted, so values read back from jsonb (which reorders keys) compare by content. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0)))
      : inner,
  );
}

/**
 * Recomputes the trace of a recorded evaluation: the cycle run again, explaining every pass, against the version the
 * evaluation pinned, with the evaluator kind it used. Throws when the recomputation does not decide what the record
 * says was decided, rather than explain something that did not happen.
 */
export async function explainCycle(
  record: CycleRecord,
  evaluation: { event: TicketEventType; source: RuleSetSource; evaluator: EvaluatorKind },
): Promise<TriggerCycleTrace> {
  const outcome = await runRuleSet(
    evaluation.source,
    evaluation.evaluator,
    { event: evaluation.event, ticket: record.ticket, previous: record.previous },
    replayedLookups(record),
  );
  const decided = (cycle: Pick<CycleRecord, 'skipped' | 'capped' | 'changes' | 'passes'>) =>
    canonical({ skipped: cycle.skipped, capped: cycle.capped, changes: cycle.changes, passes: cycle.passes });
  const recomputed = {
    ...outcome,
    passes: outcome.passes.map(({ pass, triggers, applied }) => ({
      pass,
      fired: triggers.filter((trigger) => trigger.fired).map((trigger) => trigger.triggerId),
      applied,
    })),
  };
  if (decided(recomputed) !== decided(record)) {
    throw new Error(`recomputing the trace of version ${evaluation.source.versionId} did not decide what the evaluation recorded`);
  }
  return cycleTrace(outcome);
}
