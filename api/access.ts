/**
 * The one read rule for a ticket and everything it carries (its events, messages, trigger trace and customer) and
 * for the task lists and dashboard of a service. Every route that reads them, or sends a ticket a command, goes
 * through here:
 *
 * - another organisation's service, ticket or customer answers 404, exactly as an unknown id does: a record's
 *   existence is never revealed across organisations;
 * - organisation admins read none of it (403): they manage organisation settings and do no ticket work
 *   (docs/domain.md#roles), so customers' personal data has no place in their work;
 * - admins read every service of their organisation;
 * - agents read the services they have a group in; another service of their organisation answers 403.
 *
 * `visibleTickets` in store/tickets is the same rule as SQL, for task lists that span services.
 *
 * @module
 */
import type { ErrorCode } from '../domain/error-codes';
import type { Service } from '../store/directory/services';
import { findCustomerInOrg, type CustomerRow } from '../store/customers';
import type { Sql } from '../store/db';
import { searchScope } from '../store/ticket-search';
import type { ServiceAudience } from '../store/ticket-changes';
import { agentGroupIdsInService, findTicketInOrg, type TicketView } from '../store/tickets';
import type { AuthenticatedAgent } from './auth/agent';
import type { DirectoryCache } from './directory-cache';
import { ApiError, notFound } from './errors';
import { requireService } from './guards';

/** Who is reading. */
export type Reader = Pick<AuthenticatedAgent, 'id' | 'orgId' | 'role' | 'groupsByService'>;

/** What a refusal names: tickets (with what they carry, the task lists and the dashboard), or a customer. */
type Subject = 'ticket' | 'customer';

const CUSTOMER_REFUSAL: [ErrorCode, string] = ['customer.forbidden', 'Only admins and agents of the customer’s service can see this customer.'];

/** The stable code and message of each refusal; the codes predate this module and stay as published. */
const REFUSALS: Record<Subject, Record<'orgAdmin' | 'notMember', [ErrorCode, string]>> = {
  ticket: {
    orgAdmin: ['ticket.forbidden', 'Organisation admins manage organisation settings only; tickets are for admins and agents.'],
    notMember: ['ticket.not_in_service', 'You are not a member of any group in this service.'],
  },
  customer: { orgAdmin: CUSTOMER_REFUSAL, notMember: CUSTOMER_REFUSAL },
};

function refuse(subject: Subject, reason: 'orgAdmin' | 'notMember', serviceId?: string): never {
  const [code, message] = REFUSALS[subject][reason];
  throw new ApiError(403, code, message, serviceId ? { serviceId } : {});
}

/** The role part of the rule, for reads that span services: organisation admins read no tickets. */
export function requireTicketReader(reader: Reader): void {
  if (reader.role === 'org_admin') refuse('ticket', 'orgAdmin');
}

/** The membership part of the rule, for a service known to be of the reader's organisation. */
async function requireServiceReader(sql: Sql, reader: Reader, serviceId: string, subject: Subject): Promise<void> {
  if (reader.role === 'org_admin') refuse(subject, 'orgAdmin', serviceId);
  if (reader.role === 'admin') return;
  if ((await callerGroupIds(sql, reader, serviceId)).length === 0) refuse(subject, 'notMember', serviceId);
}

/**
 * The caller's groups in a service: read once per cached session (or request), so a command's access check and
 * its actor share one read. A directory change forgets the session and these with it.
 */
export function callerGroupIds(sql: Sql, caller: Pick<Reader, 'id' | 'groupsByService'>, serviceId: string): Promise<string[]> {
  let groupIds = caller.groupsByService.get(serviceId);
  if (!groupIds) {
    groupIds = agentGroupIdsInService(sql, caller.id, serviceId);
    caller.groupsByService.set(serviceId, groupIds);
    // A failed read is not kept: the next request reads again.
    groupIds.catch(() => caller.groupsByService.delete(serviceId));
  }
  return groupIds;
}

/**
 * The same rule without a query, for a service whose audience is already read (the live ticket stream checks every
 * notification against every connected reader).
 */
export function mayReadServiceTickets(reader: Reader, audience: ServiceAudience): boolean {
  if (reader.orgId !== audience.orgId) return false;
  if (reader.role === 'admin') return true;
  return reader.role === 'agent' && audience.memberIds.has(reader.id);
}

/** A service whose tickets the reader may read: 404 `service.not_found` outside their organisation, else 403. */
export async function requireServiceAccess(sql: Sql, reader: Reader, serviceId: string): Promise<Service> {
  const service = await requireService(sql, reader.orgId, serviceId);
  await requireServiceReader(sql, reader, serviceId, 'ticket');
  return service;
}

/** A task list or count, of one service when `serviceId` is given, else of every service the reader may read. */
export async function requireTicketListAccess(sql: Sql, reader: Reader, serviceId: string | undefined): Promise<void> {
  if (serviceId) await requireServiceAccess(sql, reader, serviceId);
  else requireTicketReader(reader);
}

/**
 * The services a search or task list of the reader covers (`searchScope`: the one asked for, or every one they may
 * read), kept in the directory cache since only a directory change changes it. Call it once access is checked.
 */
export function searchableServices({ sql, directory }: { sql: Sql; directory: DirectoryCache }, reader: Reader, serviceId?: string): Promise<string[]> {
  return directory.remember(`scope:${reader.id}:${serviceId ?? ''}`, () => searchScope(sql, reader, serviceId));
}

/** A ticket the reader may read (and so its events, messages and trace): 404 `ticket.not_found` outside their organisation. */
export async function requireTicketAccess(sql: Sql, reader: Reader, ticketId: string): Promise<TicketView> {
  const ticket = await findTicketInOrg(sql, reader.orgId, ticketId);
  if (!ticket) throw notFound('ticket', ticketId);
  await requireServiceReader(sql, reader, ticket.serviceId, 'ticket');
  return ticket;
}

/** A customer the reader may read: 404 `customer.not_found` outside their organisation. */
export async function requireCustomerAccess(sql: Sql, reader: Reader, customerId: string): Promise<CustomerRow> {
  const customer = await findCustomerInOrg(sql, reader.orgId, customerId);
  if (!customer) throw notFound('customer', customerId);
  await requireServiceReader(sql, reader, customer.service_id, 'customer');
  return customer;
}
