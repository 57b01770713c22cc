/**
 * Time-rule activities: plan when a ticket's SLA targets and automations fall due, and fire one when its
 * timer goes off. Firing re-checks the plan (a timer may be stale), runs the rule's results like a trigger's
 * (state changes returned to the workflow, side effects queued) and is idempotent per (ticket, key).
 */
import type { Result, TicketSnapshot } from '../rules';
import { applyResults, diff, type FieldChanges } from '../rules/cycle';
import { planTimers, type PlannedTimer } from '../rules/time-rules';
import { inTransaction, type Db, type Sql, type Tx } from '../store/db';
import type { BusinessHours } from '../rules/business-hours';
import { findTimeRuleFiringTrace, firedTimeRuleKeys, recordTimeRuleFiring } from '../store/evaluations';
import { assignAgentWithin } from './assignment';
import { matchPolicy } from '../rules/sla-policies';
import { loadTimeRuleConfig } from '../store/time-rules/config';
import { loadTicketTimeline } from '../store/time-rules/timeline';
import { intakeTypePath, loadTicketWithHours } from '../store/ticket-snapshot';

export interface FireTimeRuleOutput {
  fired: boolean;
  changes: FieldChanges;
  sideEffects: number;
}

const REMINDER: Result = {
  type: 'notifyEmail',
  to: 'assignee',
  messages: {
    ko: { subject: '[보류 알림] #{ticket.subject}', body: '보류 중인 티켓 #{ticket.id}을(를) 확인해 주세요.\n#{ticket.url}' },
    en: { subject: '[On hold] #{ticket.subject}', body: 'Ticket #{ticket.id} is still on hold.\n#{ticket.url}' },
  },
};

/** What time rules are planned for: the ticket as it stands, with its service's business hours. */
export interface PlanningTicket {
  ticketId: string;
  serviceId: string;
  ticket: TicketSnapshot;
  businessHours: BusinessHours | null;
}

/** The ticket's pending time rules, earliest first, and the SLA policy that applies to it. */
export async function planTimeRulesFor(sql: Db, { ticketId, serviceId, ticket, businessHours }: PlanningTicket, now: Date) {
  const [config, fired, timeline] = await Promise.all([
    loadTimeRuleConfig(sql, serviceId, businessHours),
    firedTimeRuleKeys(sql, ticketId),
    loadTicketTimeline(sql, ticketId, ticket.status, ticket.createdAt),
  ]);
  const policy = matchPolicy(config.policies, ticket);
  const timers = planTimers({ timeline, sla: policy, automations: config.automations, hours: config.businessHours, fired: new Set(fired), now });
  return { policy, timers };
}

/** What firing a time rule did: nothing but the fresh plan when it is no longer due, else its changes. */
export type Firing = { fired: false; timers: PlannedTimer[] } | { fired: true; changes: FieldChanges; sideEffects: number };

/**
 * Fires the time rule `key` if the ticket's plan still has it due (a timer may be stale), inside the caller's
 * transaction: runs its results like a trigger's and records the firing (evaluation `evaluation`) with its side
 * effects. The ticket's own change is the caller's to write.
 */
export async function fireDueTimeRule(tx: Tx, planning: PlanningTicket, key: string, evaluation: number, now: Date): Promise<Firing> {
  const { ticketId, ticket } = planning;
  const { policy, timers } = await planTimeRulesFor(tx, planning, now);
  const timer = timers.find((candidate) => candidate.key === key);
  if (!timer || Date.parse(timer.at) > now.getTime()) return { fired: false, timers };

  const completes = timer.automationKind === 'complete_resolved';
  const results: Result[] =
    timer.kind === 'sla' ? ((timer.stage === 'at_risk' ? policy?.onAtRisk : policy?.onBreach) ?? []) : completes ? [] : [REMINDER];
  const outcome = await applyResults(ticket, results, key, {
    assign: (assign, _ticket, assignKey) => assignAgentWithin(tx, `${ticketId}:${evaluation}:${assignKey}`, assign),
    intakeTypePath: (id) => intakeTypePath(tx, id),
  });
  const changes: FieldChanges = completes ? { status: [ticket.status, 'closed'] } : diff(ticket, outcome.ticket);
  const sideEffects = outcome.sideEffects.map(({ result }, index) => ({ index, sourceId: key, result }));

  const trace = {
    timeRule: timer,
    policyTitle: policy?.title ?? null,
    applied: outcome.applied.map(({ resultIndex, ...entry }) => ({ index: resultIndex, ...entry })),
    changes,
    sideEffects: sideEffects.map((effect) => ({ index: effect.index, type: effect.result.type })),
  };
  await recordTimeRuleFiring(tx, key, {
    ticketId,
    evaluation,
    event: 'time_rule',
    versionId: null,
    versionNumber: null,
    evaluator: 'time_rule',
    trace,
    sideEffects,
  });
  return { fired: true, changes, sideEffects: sideEffects.length };
}

/**
 * The time-rule activities of runs that fire a rule, record its changes, run the triggers and plan again as four
 * activities; runs since fire through `fireTimeRuleChange` (activities/ticket-changes.ts). Kept for runs whose
 * history has them scheduled.
 */
export function timeRuleActivities({ sql }: { sql: Sql }) {
  return {
    /** The ticket's pending time rules, earliest first. */
    async planTimeRules({ ticketId, now }: { ticketId: string; now: string }): Promise<PlannedTimer[]> {
      return (await planTimeRulesFor(sql, { ticketId, ...(await loadTicketWithHours(sql, ticketId)) }, new Date(now))).timers;
    },

    async fireTimeRule({ ticketId, key, evaluation, now }: { ticketId: string; key: string; evaluation: number; now: string }): Promise<FireTimeRuleOutput> {
      const recorded = await findTimeRuleFiringTrace(sql, ticketId, key, evaluation);
      // A retry after the firing was recorded answers what was recorded.
      if (recorded) return { fired: true, changes: recorded.changes, sideEffects: recorded.sideEffects.length };
      const firing = await inTransaction(sql, async (tx) =>
        fireDueTimeRule(tx, { ticketId, ...(await loadTicketWithHours(tx, ticketId)) }, key, evaluation, new Date(now)),
      );
      return firing.fired ? firing : { fired: false, changes: {}, sideEffects: 0 };
    },
  };
}
