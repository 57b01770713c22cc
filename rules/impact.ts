/**
 * Impact preview: what a draft rule set would have done to past tickets, next to what the published one did.
 * Each ticket's creation is decided by both rule sets; the tally counts, per trigger, the tickets it fired on and
 * the tickets each of its results changed (or, for a side effect, would have been sent for), and keeps a few sample
 * tickets, those the two versions treat differently first. Pure: the caller reads the tickets and decides.
 *
 * @module
 */
import type { CycleDecision, FieldChanges } from './cycle';

/** How many sample tickets a trigger keeps. */
export const IMPACT_SAMPLES = 5;

/** One version's effect through one trigger. */
export interface TriggerTally {
  /** Tickets the trigger fired on. */
  fired: number;
  /** Per result, in the trigger's order: tickets the result changed, or a side effect was queued for. */
  results: number[];
}

export interface ImpactSample {
  ticketId: string;
  subject: string;
  /** What the whole cycle changed on the ticket under each version; null where that version does not exist. */
  draft: FieldChanges | null;
  published: FieldChanges | null;
}

export interface TriggerImpact {
  triggerId: string;
  title: string;
  /** Null when the trigger is not in that version. */
  draft: TriggerTally | null;
  published: TriggerTally | null;
  samples: ImpactSample[];
}

export interface ImpactSummary {
  /** Tickets decided. */
  tickets: number;
  /** Tickets whose creation the version changes in any way (a field or a side effect). */
  changedByDraft: number;
  changedByPublished: number;
  /** Tickets the two versions treat differently (other triggers fire, or other changes follow); with nothing published, those the draft changes. */
  differing: number;
  triggers: TriggerImpact[];
}

/** A version's triggers, in the order they run: id, title and how many results each has. */
export type VersionTriggers = { id: string; title: string; results: number }[];

interface Entry {
  impact: TriggerImpact;
  differing: ImpactSample[];
  same: ImpactSample[];
}

/** What one version did to one ticket, in the form the tally compares. */
interface Decided {
  fired: Set<string>;
  /** `<trigger>:<result index>` of every result that changed the ticket or queued a side effect. */
  results: Set<string>;
  changes: FieldChanges;
  changedAnything: boolean;
}

function decided(decision: CycleDecision): Decided {
  const results = new Set<string>();
  for (const pass of decision.passes) {
    for (const applied of pass.applied) if (Object.keys(applied.changes).length > 0) results.add(`${applied.triggerId}:${applied.resultIndex}`);
  }
  for (const effect of decision.sideEffects) results.add(`${effect.triggerId}:${effect.resultIndex}`);
  return {
    fired: new Set(decision.passes.flatMap((pass) => pass.fired)),
    results,
    changes: decision.changes,
    changedAnything: results.size > 0,
  };
}

function tally(triggers: VersionTriggers | null, id: string): TriggerTally | null {
  const trigger = triggers?.find((candidate) => candidate.id === id);
  return trigger ? { fired: 0, results: new Array<number>(trigger.results).fill(0) } : null;
}

/** Counts decisions ticket by ticket; `summary()` answers at any point (the preview streams its progress). */
export class ImpactTally {
  readonly #entries = new Map<string, Entry>();
  #tickets = 0;
  #changedByDraft = 0;
  #changedByPublished = 0;
  #differing = 0;

  /** The draft's triggers first, in their order, then those only the published version has. */
  constructor(draft: VersionTriggers, published: VersionTriggers | null) {
    for (const trigger of [...draft, ...(published ?? [])]) {
      if (this.#entries.has(trigger.id)) continue;
      const impact = { triggerId: trigger.id, title: trigger.title, draft: tally(draft, trigger.id), published: tally(published, trigger.id), samples: [] };
      this.#entries.set(trigger.id, { impact, differing: [], same: [] });
    }
  }

  add(ticket: { id: string; subject: string }, draftDecision: CycleDecision, publishedDecision: CycleDecision | null): void {
    const draft = decided(draftDecision);
    const published = publishedDecision ? decided(publishedDecision) : null;
    this.#tickets++;
    if (draft.changedAnything) this.#changedByDraft++;
    if (published?.changedAnything) this.#changedByPublished++;
    const differs = published
      ? !sameSet(draft.fired, published.fired) || JSON.stringify(draft.changes) !== JSON.stringify(published.changes)
      : draft.changedAnything;
    if (differs) this.#differing++;

    for (const [triggerId, entry] of this.#entries) {
      const inDraft = count(entry.impact.draft, draft, triggerId);
      const inPublished = published ? count(entry.impact.published, published, triggerId) : false;
      if (!inDraft && !inPublished) continue;
      const samples = inDraft !== inPublished || differs ? entry.differing : entry.same;
      if (samples.length < IMPACT_SAMPLES) {
        samples.push({ ticketId: ticket.id, subject: ticket.subject, draft: draft.changes, published: published?.changes ?? null });
      }
    }
  }

  summary(): ImpactSummary {
    return {
      tickets: this.#tickets,
      changedByDraft: this.#changedByDraft,
      changedByPublished: this.#changedByPublished,
      differing: this.#differing,
      triggers: [...this.#entries.values()].map(({ impact, differing, same }) => ({
        ...impact,
        samples: [...differing, ...same].slice(0, IMPACT_SAMPLES),
      })),
    };
  }
}

/** Adds one ticket to a trigger's tally under one version; whether the trigger fired there. */
function count(tally: TriggerTally | null, decision: Decided, triggerId: string): boolean {
  if (!tally || !decision.fired.has(triggerId)) return false;
  tally.fired++;
  tally.results.forEach((_, index) => {
    if (decision.results.has(`${triggerId}:${index}`)) tally.results[index]++;
  });
  return true;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((value) => b.has(value));
}
