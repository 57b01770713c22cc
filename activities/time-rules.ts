/**
 * Time-rule activities: plan when a ticket's SLA targets and automations fall due, and fire one when its
 * timer goes off. Firing re-checks the plan (a timer may be stale), runs the rule's results like a trigger's
 * (state changes returned to the workflow, side effects queued) and is idempotent per (ticket, key).
 */
import type { Result } from '../rules';
import { applyResults, diff, type FieldChanges } from '../rules/cycle';
import { planTimers, type PlannedTimer } from '../rules/time-rules';
import type { Sql } from '../store/db';
import { findTimeRuleFiringTrace, firedTimeRuleKeys, recordTimeRuleFiring } from '../store/evaluations';
import { assignAgent } from './assignment';
import { matchPolicy } from '../rules/sla-policies';
import { loadTimeRuleConfig } from '../store/time-rules/config';
import { loadTicketTimeline } from '../store/time-rules/timeline';
import { intakeTypePath, loadTicketSnapshot } from '../store/ticket-snapshot';

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

export function timeRuleActivities({ sql }: { sql: Sql }) {
  async function plan(ticketId: string, now: Date) {
    const { serviceId, ...ticket } = await loadTicketSnapshot(sql, ticketId);
    const config = await loadTimeRuleConfig(sql, serviceId);
    const policy = matchPolicy(config.policies, ticket);
    const fired = await firedTimeRuleKeys(sql, ticketId);
    const timers = planTimers({
      timeline: await loadTicketTimeline(sql, ticketId, ticket.status, ticket.createdAt),
      sla: policy,
      automations: config.automations,
      hours: config.businessHours,
      fired: new Set(fired),
      now,
    });
    return { ticket, policy, timers };
  }

  return {
    /** The ticket's pending time rules, earliest first. */
    async planTimeRules({ ticketId, now }: { ticketId: string; now: string }): Promise<PlannedTimer[]> {
      return (await plan(ticketId, new Date(now))).timers;
    },

    async fireTimeRule({ ticketId, key, evaluation, now }: { ticketId: string; key: string; evaluation: number; now: string }): Promise<FireTimeRuleOutput> {
      const recorded = await findTimeRuleFiringTrace(sql, ticketId, key, evaluation);
      // A retry after the firing was recorded answers what was recorded.
      if (recorded) return { fired: true, changes: recorded.changes, sideEffects: recorded.sideEffects.length };

      const { ticket, policy, timers } = await plan(ticketId, new Date(now));
      const timer = timers.find((candidate) => candidate.key === key);
      if (!timer || Date.parse(timer.at) > Date.parse(now)) return { fired: false, changes: {}, sideEffects: 0 };

      const completes = timer.automationKind === 'complete_resolved';
      const results: Result[] =
        timer.kind === 'sla' ? ((timer.stage === 'at_risk' ? policy?.onAtRisk : policy?.onBreach) ?? []) : completes ? [] : [REMINDER];
      const outcome = await applyResults(ticket, results, key, {
        assign: (assign, _ticket, assignKey) => assignAgent(sql, `${ticketId}:${evaluation}:${assignKey}`, assign),
        intakeTypePath: (id) => intakeTypePath(sql, id),
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
      await recordTimeRuleFiring(sql, key, {
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
    },
  };
}
