/**
 * The facts a trigger is evaluated against: the ticket as it is now and, on an update, as it was before.
 *
 * @module
 */
import { z } from 'zod';
import { TicketChannel, TicketEventType, TicketPriority, TicketStatus } from '../domain/schemas';

/** Value of a customer or agent field; null when the field is present but unset. */
export const FieldValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
/** Value of a customer or agent field. */
export type FieldValue = z.infer<typeof FieldValue>;

const Timestamp = z.iso.datetime({ offset: true });

/** The rule-relevant view of a ticket at one moment. */
export const TicketSnapshot = z.object({
  id: z.string().min(1),
  status: TicketStatus,
  channel: TicketChannel,
  priority: TicketPriority,
  intakeTypeId: z.string().nullable(),
  /** Ancestor intake type ids from the root down to the ticket's own intake type; empty when there is none. */
  intakeTypePath: z.array(z.string()),
  resolutionTypeId: z.string().nullable(),
  groupId: z.string().nullable(),
  assigneeId: z.string().nullable(),
  subject: z.string(),
  content: z.string(),
  tags: z.array(z.string()),
  customerEmail: z.string().nullable(),
  customerPhone: z.string().nullable(),
  customerFields: z.record(z.string(), FieldValue),
  agentFields: z.record(z.string(), FieldValue),
  withinBusinessHours: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
/** The rule-relevant view of a ticket at one moment. */
export type TicketSnapshot = z.infer<typeof TicketSnapshot>;

/**
 * One ticket event. A creation has no previous snapshot and an update always has one, so the change
 * operators can tell "became urgent" from "is urgent".
 */
export const TicketFacts = z
  .object({
    event: TicketEventType,
    ticket: TicketSnapshot,
    previous: TicketSnapshot.nullable(),
  })
  .refine((facts) => (facts.event === 'created') === (facts.previous === null), {
    message: 'a created event has no previous snapshot and an updated event needs one',
    path: ['previous'],
  });
/** One ticket event with its snapshots. */
export type TicketFacts = z.infer<typeof TicketFacts>;
