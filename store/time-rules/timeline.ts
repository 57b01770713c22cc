/** A ticket's timeline as its SLA clocks count it: its status changes and its first answer to the customer. */
import type { TicketStatus } from '../../domain/ticket';
import type { TicketTimeline } from '../../rules/time-rules';
import type { Db } from '../db';
import { listStatusChanges } from '../events';
import { firstResponseAt } from '../messages';

export async function loadTicketTimeline(sql: Db, ticketId: string, status: TicketStatus, createdAt: string): Promise<TicketTimeline> {
  const [statusChanges, firstResponse] = await Promise.all([listStatusChanges(sql, ticketId), firstResponseAt(sql, ticketId)]);
  return { status, createdAt: new Date(createdAt), statusChanges, firstResponseAt: firstResponse };
}
