/**
 * A simulation seen on the open trigger's graph, one pass of the trigger cycle at a time: each condition node held
 * or not with the value it saw, each group's verdict, whether the trigger fired, and whether its results run. Pure:
 * the trace (rules/trace.ts) and the graph as it reads (rules/graph.ts) in, marks by node id out.
 *
 * The trace names rows and groups by their path in the trigger that was simulated (the saved drafts, or a
 * version); the canvas may differ (unsaved edits, another version), so a row is marked only when the canvas holds
 * the same comparison at that path, and a group only when it is of the same kind. The rest is counted as unmatched.
 */
import type { GraphNodeLike, GraphPlacement } from '../../../rules/graph';
import type { PassTrace } from '../api/types';
import { sameJson } from './same-json';

/** How the open trigger came out of a pass. */
export type TriggerVerdict = 'fired' | 'alreadyFired' | 'notFired' | 'absent';

export type NodeMark =
  | { kind: 'condition'; held: boolean; field: string; seen: unknown }
  | { kind: 'group'; held: boolean }
  | { kind: 'trigger'; verdict: TriggerVerdict; firedInPass: number | null }
  /** `now`: the trigger fired in this pass; `earlier`: in an earlier one; `no`: it has not fired (yet). */
  | { kind: 'result'; runs: 'now' | 'earlier' | 'no'; firedInPass: number | null };

export interface SimulationOverlay {
  /** 1-based number of the pass shown, and how many passes the cycle ran. */
  pass: number;
  passCount: number;
  verdict: TriggerVerdict;
  /** The pass the trigger fired in, if it fired at all in the cycle. */
  firedInPass: number | null;
  marks: Record<string, NodeMark>;
  /** Rows and groups of the trace that the canvas does not hold as simulated (edited since, or another version). */
  unmatched: number;
}

type TriggerOutcome = PassTrace['triggers'][number];

function verdictOf(outcome: TriggerOutcome | undefined): TriggerVerdict {
  if (!outcome) return 'absent';
  return outcome.fired ? 'fired' : outcome.skippedAlreadyFired ? 'alreadyFired' : 'notFired';
}

/**
 * The marks of pass `passIndex` (0-based, clamped to the passes there are) for the trigger `triggerId`, drawn as
 * `nodes` and placed as `placement`.
 */
export function simulationOverlay(
  passes: readonly PassTrace[],
  passIndex: number,
  triggerId: string,
  nodes: readonly GraphNodeLike[],
  placement: GraphPlacement,
): SimulationOverlay {
  const index = Math.min(Math.max(passIndex, 0), Math.max(passes.length - 1, 0));
  const outcomeIn = (pass: PassTrace | undefined) => pass?.triggers.find((trigger) => trigger.triggerId === triggerId);
  const outcome = outcomeIn(passes[index]);
  const verdict = verdictOf(outcome);
  const fired = passes.find((pass) => outcomeIn(pass)?.fired);
  const firedInPass = fired?.pass ?? null;
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const nodeAt = (path: readonly (string | number)[]) => byId.get(placement.conditions[path.join('.')] ?? '');

  const marks: Record<string, NodeMark> = {};
  let unmatched = 0;
  for (const row of outcome?.conditions ?? []) {
    const node = nodeAt(row.path ?? [row.group, row.index]);
    const drawn = node?.type === 'condition' ? node.data.row : undefined;
    if (drawn && drawn.field === row.field && drawn.operator === row.operator && sameJson(drawn.value ?? null, row.expected)) {
      marks[node!.id] = { kind: 'condition', held: row.held, field: row.field, seen: row.actual };
    } else unmatched++;
  }
  for (const group of outcome?.groups ?? []) {
    const node = nodeAt(group.path);
    if (node?.type === 'group' && node.data.kind === group.kind) marks[node.id] = { kind: 'group', held: group.held };
    else unmatched++;
  }
  marks[placement.trigger] = { kind: 'trigger', verdict, firedInPass };
  const runs = verdict === 'fired' ? 'now' : firedInPass !== null && firedInPass < index + 1 ? 'earlier' : 'no';
  for (const id of placement.results) marks[id] = { kind: 'result', runs, firedInPass };
  return { pass: passes[index]?.pass ?? 1, passCount: passes.length, verdict, firedInPass, marks, unmatched };
}
