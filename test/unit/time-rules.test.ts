import { describe, expect, it } from 'vitest';
import type { BusinessHours } from '../../rules/business-hours';
import { planTimers, slaElapsed, type TicketTimeline } from '../../rules/time-rules';

const SEOUL_OFFICE: BusinessHours = {
  timezone: 'Asia/Seoul',
  weekly: [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '18:00' })),
  holidays: [],
};
const kst = (local: string) => new Date(`${local}+09:00`);
const HOUR = 3_600_000;

function timeline(overrides: Partial<TicketTimeline> = {}): TicketTimeline {
  // 2026-11-20 is a Friday.
  return { status: 'in_progress', createdAt: kst('2026-11-20T17:00:00'), statusChanges: [{ at: kst('2026-11-20T17:00:00'), to: 'in_progress' }], firstResponseAt: null, ...overrides };
}

describe('SLA timers', () => {
  it('count only business time: a Friday-evening ticket breaches on Monday morning', () => {
    const [atRisk, breached] = planTimers({
      timeline: timeline(),
      sla: { firstResponseMs: null, resolutionMs: 2 * HOUR, atRiskRatio: 0.75 },
      automations: [],
      hours: SEOUL_OFFICE,
      fired: new Set(),
      now: kst('2026-11-20T17:30:00'),
    });
    expect(atRisk).toMatchObject({ key: 'resolution:at_risk', at: kst('2026-11-23T09:30:00').toISOString() });
    expect(breached).toMatchObject({ key: 'resolution:breached', at: kst('2026-11-23T10:00:00').toISOString() });
  });

  it('leave out the time spent on hold', () => {
    const held = timeline({
      statusChanges: [
        { at: kst('2026-11-20T17:00:00'), to: 'in_progress' },
        { at: kst('2026-11-20T17:10:00'), to: 'on_hold' },
        { at: kst('2026-11-23T09:40:00'), to: 'in_progress' },
      ],
    });
    expect(slaElapsed(held, SEOUL_OFFICE, kst('2026-11-23T10:00:00'))).toBe(30 * 60_000);
    expect(planTimers({ timeline: { ...held, status: 'on_hold' }, sla: { firstResponseMs: HOUR, resolutionMs: null, atRiskRatio: 0.8 }, automations: [], hours: SEOUL_OFFICE, fired: new Set(), now: kst('2026-11-21T12:00:00') })).toEqual([]);
  });

  it('skip stages that already fired and targets already met', () => {
    const timers = planTimers({
      timeline: timeline({ firstResponseAt: kst('2026-11-20T17:05:00') }),
      sla: { firstResponseMs: HOUR, resolutionMs: 2 * HOUR, atRiskRatio: 0.5 },
      automations: [],
      hours: null,
      fired: new Set(['resolution:at_risk']),
      now: kst('2026-11-20T17:30:00'),
    });
    expect(timers.map((t) => [t.key, t.at])).toEqual([['resolution:breached', kst('2026-11-20T19:00:00').toISOString()]]);
  });

  it('plan one automation firing per stay in the status, in calendar time', () => {
    const resolved = timeline({ status: 'resolved', statusChanges: [{ at: kst('2026-11-20T17:00:00'), to: 'resolved' }] });
    const [timer] = planTimers({
      timeline: resolved,
      sla: null,
      automations: [{ id: 'M1', kind: 'complete_resolved', afterMs: 72 * HOUR }],
      hours: SEOUL_OFFICE,
      fired: new Set(),
      now: kst('2026-11-20T17:00:00'),
    });
    expect(timer).toMatchObject({ key: `automation:M1:${kst('2026-11-20T17:00:00').toISOString()}`, at: kst('2026-11-23T17:00:00').toISOString() });
  });
});
