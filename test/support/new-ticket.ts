/**
 * A ticket as the ticket workflow's creation takes it (`NewTicket`), for tests that start the workflow or call its
 * activities directly instead of through `POST /tickets`: a plain ticket created by the harness's admin, with a
 * customer known by email only.
 */
import { businessId } from '../../domain/ids';
import type { NewTicket } from '../../store/tickets';
import type { Harness } from './harness';

export function newTicket(
  h: Harness,
  { serviceId, subject, email, content = '...', at = new Date().toISOString() }: { serviceId: string; subject: string; email: string; content?: string; at?: string },
): NewTicket {
  return {
    ticketId: businessId('T'),
    serviceId,
    channel: 'created',
    subject,
    content,
    priority: 'normal',
    intakeTypeId: null,
    groupId: null,
    creatorId: h.admin.id,
    tags: [],
    customer: { id: businessId('U', 12), name: null, email, phone: null, userId: null },
    at,
  };
}
