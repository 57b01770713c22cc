/**
 * Callback request read-model writes, reminder planning (in the service's business hours) and reminder mail.
 * Writes are keyed by (request id, event seq) and reminders by (request, kind, round), so a retried activity
 * leaves exactly what one successful run would have left.
 */
import type { Sql } from '../store/db';
import { claimCallbackReminder, insertNewCallback, markCallbackReminderMailed, recordCallbackChange, reminderRecipients, type NewCallback } from '../store/callbacks';
import { loadIvrRoute } from '../store/ivr-routes';
import { loadBusinessHours } from '../store/time-rules/business-hours';
import { addBusinessTime } from '../rules/business-hours';
import type { Mailer } from '../clients/mailer';
import type { CallbackReminderKind, CallbackState } from '../domain/callback';

export type { NewCallback } from '../store/callbacks';

export interface CallbackChange {
  state: CallbackState;
  kind: string;
  actorId: string | null;
  changes: Record<string, [unknown, unknown]>;
  at: string;
}

/** The next reminder of the current phase, or null when none is left. */
export interface PlannedReminder {
  kind: CallbackReminderKind;
  at: string;
}

export interface ReminderPhase {
  callbackId: string;
  routeId: string;
  serviceId: string;
  status: CallbackState['status'];
  /** When the request became unassigned (arrived, or its assignment was cancelled) or was assigned. */
  since: string;
  /** Reminders of this phase already sent. */
  sent: CallbackReminderKind[];
}

export function callbackActivities({ sql, mailer, publicUrl }: { sql: Sql; mailer: Mailer | null; publicUrl: string }) {
  return {
    async openCallback(callback: NewCallback): Promise<CallbackState> {
      await insertNewCallback(sql, callback);
      return {
        id: callback.callbackId,
        serviceId: callback.serviceId,
        routeId: callback.routeId,
        status: 'registered',
        assigneeId: null,
        assignerId: null,
        assignedAt: null,
        attempts: 0,
        ticketId: null,
        createdAt: callback.at,
        seq: 1,
      };
    },

    async recordCallbackChange(change: CallbackChange): Promise<void> {
      await recordCallbackChange(sql, change);
    },

    /**
     * Unassigned requests remind the admins once the route's threshold of business time has passed; assigned ones
     * remind the assignee at the deadline and escalate to the admins after the escalation delay more.
     */
    async planCallbackReminder(phase: ReminderPhase): Promise<PlannedReminder | null> {
      if (phase.status === 'completed') return null;
      const route = await loadIvrRoute(sql, phase.routeId);
      if (!route) return null;
      const hours = await loadBusinessHours(sql, phase.serviceId);
      const after = (ms: number) => addBusinessTime(new Date(phase.since), ms, hours)?.toISOString() ?? null;
      if (phase.status !== 'unprocessed') {
        if (phase.sent.includes('unassigned')) return null;
        const at = after(route.unassignedAfterMs);
        return at ? { kind: 'unassigned', at } : null;
      }
      const kind: CallbackReminderKind | null = !phase.sent.includes('overdue') ? 'overdue' : !phase.sent.includes('escalated') ? 'escalated' : null;
      if (!kind) return null;
      const at = after(kind === 'overdue' ? route.dueAfterMs : route.dueAfterMs + route.escalateAfterMs);
      return at ? { kind, at } : null;
    },

    /** Sends one reminder once: to the admins (unassigned, escalated) or the assignee (overdue). */
    async sendCallbackReminder(reminder: {
      callbackId: string;
      serviceId: string;
      kind: CallbackReminderKind;
      round: number;
      assigneeId: string | null;
    }): Promise<{ recipients: string[] }> {
      const { admins, agent } = await reminderRecipients(sql, reminder.serviceId, reminder.assigneeId);
      const recipients = reminder.kind === 'overdue' ? (agent ? [agent] : []) : admins;
      const unsent = await claimCallbackReminder(sql, { ...reminder, recipients });
      if (unsent && mailer && recipients.length > 0) {
        const subject = {
          unassigned: `[Contactflow] Callback request ${reminder.callbackId} is still unassigned`,
          overdue: `[Contactflow] Callback request ${reminder.callbackId} is past its deadline`,
          escalated: `[Contactflow] Callback request ${reminder.callbackId} is overdue and not completed`,
        }[reminder.kind];
        await mailer.send({
          to: recipients,
          subject,
          text: `${subject}.\n\nOpen the callback list: ${publicUrl}/studio/#/callbacks?id=${reminder.callbackId}`,
          messageId: `<${reminder.callbackId}.${reminder.kind}.${reminder.round}@contactflow>`,
        });
        await markCallbackReminderMailed(sql, reminder);
      }
      return { recipients };
    },
  };
}
