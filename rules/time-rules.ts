/**
 * When a ticket's time rules are due: SLA targets (first response, resolution) counted in business time and
 * paused while the ticket is on hold, and calendar-time automations. Pure: the worker feeds it the ticket's
 * timeline and configuration, the workflow sleeps until the earliest instant it returns.
 */
import { addBusinessTime, businessTimeBetween, type BusinessHours } from './business-hours';
import type { TicketStatus } from '../domain/ticket';

export type SlaTarget = 'first_response' | 'resolution';

export interface SlaClock {
  firstResponseMs: number | null;
  resolutionMs: number | null;
  atRiskRatio: number;
}

/** complete_resolved: resolved for `after` → complete. remind_on_hold: on hold for `after` → remind the assignee. */
export const AUTOMATION_KINDS = ['complete_resolved', 'remind_on_hold'] as const;
export type AutomationKind = (typeof AUTOMATION_KINDS)[number];

export interface AutomationRule {
  id: string;
  kind: AutomationKind;
  afterMs: number;
}

export interface TicketTimeline {
  status: TicketStatus;
  createdAt: Date;
  /** Every status change in order. */
  statusChanges: { at: Date; to: TicketStatus }[];
  /** The first reply or interim answer to the customer, if any. */
  firstResponseAt: Date | null;
}

export interface PlannedTimer {
  key: string;
  at: string;
  kind: 'sla' | 'automation';
  target?: SlaTarget;
  stage?: 'at_risk' | 'breached';
  automationId?: string;
  automationKind?: AutomationRule['kind'];
}

const PAUSED: readonly TicketStatus[] = ['on_hold'];
const DONE: readonly TicketStatus[] = ['resolved', 'closed', 'spam'];

/** Business time the SLA clock has run: from creation to `now`, minus the spans spent on hold. */
export function slaElapsed(timeline: TicketTimeline, hours: BusinessHours | null, now: Date): number {
  let elapsed = 0;
  let runningSince: Date | null = timeline.createdAt;
  for (const change of timeline.statusChanges) {
    const paused = PAUSED.includes(change.to) || DONE.includes(change.to);
    if (paused && runningSince) {
      elapsed += businessTimeBetween(runningSince, change.at, hours);
      runningSince = null;
    } else if (!paused && !runningSince) {
      runningSince = change.at;
    }
  }
  if (runningSince && runningSince < now) elapsed += businessTimeBetween(runningSince, now, hours);
  return elapsed;
}

function lastChangeTo(timeline: TicketTimeline, status: TicketStatus): Date | null {
  for (let i = timeline.statusChanges.length - 1; i >= 0; i--) if (timeline.statusChanges[i].to === status) return timeline.statusChanges[i].at;
  return null;
}

export function planTimers(input: {
  timeline: TicketTimeline;
  sla: SlaClock | null;
  automations: readonly AutomationRule[];
  hours: BusinessHours | null;
  fired: ReadonlySet<string>;
  now: Date;
}): PlannedTimer[] {
  const { timeline, sla, hours, fired, now } = input;
  const timers: PlannedTimer[] = [];
  const running = !PAUSED.includes(timeline.status) && !DONE.includes(timeline.status) && timeline.status !== 'closed';

  if (sla && running) {
    const elapsed = slaElapsed(timeline, hours, now);
    const targets: [SlaTarget, number | null][] = [
      ['first_response', timeline.firstResponseAt ? null : sla.firstResponseMs],
      ['resolution', sla.resolutionMs],
    ];
    for (const [target, goal] of targets) {
      if (goal === null) continue;
      for (const [stage, share] of [['at_risk', sla.atRiskRatio], ['breached', 1]] as const) {
        const key = `${target}:${stage}`;
        if (fired.has(key)) continue;
        const at = addBusinessTime(now, Math.max(0, goal * share - elapsed), hours);
        if (at) timers.push({ key, at: at.toISOString(), kind: 'sla', target, stage });
      }
    }
  }

  for (const automation of input.automations) {
    const status = automation.kind === 'complete_resolved' ? 'resolved' : 'on_hold';
    if (timeline.status !== status) continue;
    const since = lastChangeTo(timeline, status);
    if (!since) continue;
    // One firing per stay in the status: holding a ticket again starts a new reminder.
    const key = `automation:${automation.id}:${since.toISOString()}`;
    if (fired.has(key)) continue;
    timers.push({
      key,
      at: new Date(since.getTime() + automation.afterMs).toISOString(),
      kind: 'automation',
      automationId: automation.id,
      automationKind: automation.kind,
    });
  }

  return timers.sort((a, b) => a.at.localeCompare(b.at) || a.key.localeCompare(b.key));
}

/** Where one SLA target stands, as the ticket view shows it. */
export interface SlaTargetState {
  target: SlaTarget;
  goalMs: number;
  /** Business time the clock ran: until the target was met, or until now. */
  elapsedMs: number;
  state: 'met' | 'running' | 'paused' | 'at_risk' | 'breached';
  /** When the target was met (a first reply or interim answer; the resolution). */
  metAt: string | null;
  /** When the target falls due if the clock keeps running; null once met, breached or while paused. */
  dueAt: string | null;
}

/** The timeline as it stood at `until`: the status changes made by then. */
function timelineAt(timeline: TicketTimeline, until: Date): TicketTimeline {
  return { ...timeline, statusChanges: timeline.statusChanges.filter((change) => change.at <= until) };
}

/** Where each of the policy's targets stands at `now` (counted as `planTimers` counts them). */
export function slaTargetStates(input: { timeline: TicketTimeline; sla: SlaClock; hours: BusinessHours | null; now: Date }): SlaTargetState[] {
  const { timeline, sla, hours, now } = input;
  const resolvedAt = DONE.includes(timeline.status)
    ? (lastChangeTo(timeline, 'resolved') ?? lastChangeTo(timeline, timeline.status) ?? now)
    : null;
  const running = !PAUSED.includes(timeline.status) && !DONE.includes(timeline.status);
  const targets: [SlaTarget, number | null, Date | null][] = [
    ['first_response', sla.firstResponseMs, timeline.firstResponseAt],
    ['resolution', sla.resolutionMs, resolvedAt],
  ];
  return targets.flatMap(([target, goalMs, metAt]): SlaTargetState[] => {
    if (goalMs === null) return [];
    if (metAt) {
      const elapsedMs = slaElapsed(timelineAt(timeline, metAt), hours, metAt);
      return [{ target, goalMs, elapsedMs, state: elapsedMs > goalMs ? 'breached' : 'met', metAt: metAt.toISOString(), dueAt: null }];
    }
    const elapsedMs = slaElapsed(timeline, hours, now);
    const state = elapsedMs >= goalMs ? 'breached' : elapsedMs >= goalMs * sla.atRiskRatio ? 'at_risk' : running ? 'running' : 'paused';
    const dueAt = running && state !== 'breached' ? addBusinessTime(now, goalMs - elapsedMs, hours) : null;
    return [{ target, goalMs, elapsedMs, state, metAt: null, dueAt: dueAt?.toISOString() ?? null }];
  });
}
