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

export interface AutomationRule {
  id: string;
  kind: 'complete_resolved' | 'remind_on_hold';
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
