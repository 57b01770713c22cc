/**
 * Ticket search (티켓 검색) and the filtered, sorted task lists: one condition builder over `tickets t`, keyset
 * pages in any of the three sort orders (ties broken by id, so equal sort keys never repeat or skip a ticket), and
 * totals counted exactly up to {@link SEARCH_COUNT_CAP}.
 *
 * Every condition is served by an index of migration 019: the sort indexes end every filter index, subject and
 * content substrings go through trigram GIN indexes, customer conditions find the few customers first and then
 * their tickets through `tickets_customer`.
 *
 * @module
 */
import type { PendingQuery, Row as PostgresRow } from 'postgres';
import { limitOf, type Sql } from './db';
import { SEARCH_COUNT_CAP, type SortDirection, type TicketSort } from '../domain/search';
import type { TicketChannel, TicketListName, TicketPriority, TicketStatus } from '../domain/ticket';
import { listCondition, TICKET_SELECT, toTicketView, visibleTickets, type TicketRow, type TicketView, type TicketViewer } from './tickets';

/** The conditions of a search; every given one must hold. Lists match any of their values. */
export interface TicketSearchConditions {
  /** Created at or after (inclusive). */
  createdFrom?: string;
  /** Created before (exclusive). */
  createdTo?: string;
  ticketId?: string;
  priority?: TicketPriority[];
  status?: TicketStatus[];
  channel?: TicketChannel[];
  groupId?: string[];
  assigneeId?: string[];
  /** Each intake type matches itself and every type below it. */
  intakeTypeId?: string[];
  resolutionTypeId?: string[];
  /** Case-insensitive substrings. */
  subject?: string;
  content?: string;
  /** A substring of the subject or of the content. */
  text?: string;
  customerId?: string;
  /** A substring of the customer's name. */
  customerName?: string;
  customerUserId?: string;
  /** The customer's email, or one a merge kept, case-insensitively. */
  customerEmail?: string;
  /** The customer's phone number, or one a merge kept, compared by its digits. */
  customerPhone?: string;
  /** Tickets carrying every one of these tags. */
  tags?: string[];
  important?: boolean;
}

/** Where a page starts: after the ticket with these sort keys (as PostgreSQL prints them) and id. */
export interface SearchPageStart {
  keys: string[];
  id: string;
}

export interface TicketSearchQuery {
  list?: TicketListName;
  serviceId?: string;
  conditions: TicketSearchConditions;
  /** Conditions on field values: every inner list must hold for one of its fields (a code may name a field per service). */
  fields?: FieldCondition[][];
  sort: TicketSort;
  direction: SortDirection;
  limit: number;
  after: SearchPageStart | null;
}

export interface TicketSearchPage {
  items: TicketView[];
  /** Where the next page starts, or null on the last page. */
  next: SearchPageStart | null;
}

/** A total counted up to {@link SEARCH_COUNT_CAP}: `capped` means "at least `count`". */
export interface SearchTotal {
  count: number;
  capped: boolean;
}

type Fragment = PendingQuery<PostgresRow[]>;

/**
 * A field-value condition: free text (`text`, `textarea`) matches a substring in any case, every other control
 * (dropdown option code, checkbox, number, date) its value exactly.
 */
export interface FieldCondition {
  serviceId: string;
  scope: 'customer' | 'agent';
  code: string;
  match: 'contains' | 'equals';
  value: string;
}

function fieldCondition(sql: Sql, { serviceId, scope, code, match, value }: FieldCondition): Fragment {
  const column = sql.unsafe(scope === 'customer' ? 't.customer_fields' : 't.agent_fields');
  const held = match === 'contains' ? sql`(${column} ->> ${code}) ilike ${containing(value)}` : sql`(${column} ->> ${code}) = ${value}`;
  return sql`(t.service_id = ${serviceId} and ${held})`;
}

function anyOf(sql: Sql, parts: Fragment[]): Fragment {
  return sql`(${parts.reduce((all, part) => sql`${all} or ${part}`, sql`false`)})`;
}

/** `%term%` for LIKE, with the term's own `%`, `_` and `\` matched literally. */
export function containing(term: string): string {
  return `%${term.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/**
 * `column` contains `term`, in any case. A term without cased letters (Korean, digits) is matched with LIKE:
 * the same matches, without lower-casing every row's text, which makes a scan of Korean bodies three times faster.
 * Both are served by the trigram indexes.
 */
function substring(sql: Sql, column: 't.subject' | 't.content', term: string): Fragment {
  const cased = term.toLowerCase() !== term.toUpperCase();
  return sql`${sql.unsafe(column)} ${sql.unsafe(cased ? 'ilike' : 'like')} ${containing(term)}`;
}

const digits = (phone: string) => phone.replace(/\D/g, '');

function customerConditions(sql: Sql, conditions: TicketSearchConditions): Fragment[] {
  const parts: Fragment[] = [];
  if (conditions.customerName) parts.push(sql`cu.name ilike ${containing(conditions.customerName)}`);
  if (conditions.customerUserId) {
    parts.push(sql`(cu.user_id = ${conditions.customerUserId} or cu.merged_values @> ${sql.json({ userId: [conditions.customerUserId] })}::jsonb)`);
  }
  if (conditions.customerEmail) {
    const email = conditions.customerEmail.toLowerCase();
    parts.push(sql`(lower(cu.email) = ${email} or cu.merged_values @> ${sql.json({ email: [email] })}::jsonb)`);
  }
  if (conditions.customerPhone) {
    const phone = digits(conditions.customerPhone);
    parts.push(sql`(regexp_replace(cu.phone, '\\D', '', 'g') = ${phone} or cu.merged_values @> ${sql.json({ phoneDigits: [phone] })}::jsonb)`);
  }
  return parts;
}

function and(sql: Sql, parts: Fragment[]): Fragment {
  return parts.reduce((all, part) => sql`${all} and ${part}`, sql`true`);
}

/**
 * The services whose tickets a search covers: the one asked for, or every one the viewer may read (the rule of
 * `visibleTickets`). Resolved to a list first so the planner sees the services as values, with their statistics,
 * rather than as a subquery it must guess the size of.
 */
export async function searchScope(sql: Sql, viewer: TicketViewer, serviceId: string | undefined): Promise<string[]> {
  const rows = await sql<{ id: string }[]>`
    select t.service_id as id from (select id as service_id from services) t
    where ${visibleTickets(sql, viewer)} ${serviceId ? sql`and t.service_id = ${serviceId}` : sql``}`;
  return rows.map((row) => row.id);
}

/**
 * A search made ready to run: its scope resolved to services, and each intake type replaced by its whole subtree,
 * both looked up once (they are small) so the ticket query compares plain lists.
 */
export interface PreparedSearch {
  scope: string[];
  conditions: TicketSearchConditions;
}

/** `scope` is the search's {@link searchScope}, when the caller already has it or keeps it (the API does). */
export async function prepareSearch(
  sql: Sql,
  viewer: TicketViewer,
  query: Pick<TicketSearchQuery, 'serviceId' | 'conditions'>,
  scope: Promise<string[]> = searchScope(sql, viewer, query.serviceId),
): Promise<PreparedSearch> {
  const { intakeTypeId } = query.conditions;
  if (!intakeTypeId?.length) return { scope: await scope, conditions: query.conditions };
  // Side by side: each is one small lookup, and a search pays their round trips before its own.
  const [services, subtree] = await Promise.all([
    scope,
    sql<{ id: string }[]>`
      with recursive subtree as (
        select id from categories where id in ${sql(intakeTypeId)} and kind = 'intake'
        union
        select child.id from categories child join subtree on child.parent_id = subtree.id)
      select id from subtree`,
  ]);
  return { scope: services, conditions: { ...query.conditions, intakeTypeId: subtree.map((row) => row.id) } };
}

/** The search's conditions on `tickets t` within the services of `scope` (from {@link searchScope}). */
function ticketConditions(sql: Sql, viewer: TicketViewer, prepared: PreparedSearch, query: Pick<TicketSearchQuery, 'list' | 'fields'>): Fragment {
  const { list, fields = [] } = query;
  const { scope, conditions: c } = prepared;
  const parts: Fragment[] = [sql`t.deleted_at is null`, sql`t.service_id = any(${scope}::text[])`];
  if (list) parts.push(listCondition(sql, list, viewer.id));
  if (c.createdFrom) parts.push(sql`t.created_at >= ${c.createdFrom}::timestamptz`);
  if (c.createdTo) parts.push(sql`t.created_at < ${c.createdTo}::timestamptz`);
  if (c.ticketId) parts.push(sql`t.id = ${c.ticketId}`);
  if (c.priority?.length) parts.push(sql`t.priority in ${sql(c.priority)}`);
  if (c.status?.length) parts.push(sql`t.status in ${sql(c.status)}`);
  if (c.channel?.length) parts.push(sql`t.channel in ${sql(c.channel)}`);
  if (c.groupId?.length) parts.push(sql`t.group_id in ${sql(c.groupId)}`);
  if (c.assigneeId?.length) parts.push(sql`t.assignee_id in ${sql(c.assigneeId)}`);
  if (c.resolutionTypeId?.length) parts.push(sql`t.resolution_type_id in ${sql(c.resolutionTypeId)}`);
  if (c.intakeTypeId) parts.push(sql`t.intake_type_id = any(${c.intakeTypeId}::text[])`);
  if (c.subject) parts.push(substring(sql, 't.subject', c.subject));
  if (c.content) parts.push(substring(sql, 't.content', c.content));
  if (c.text) parts.push(sql`(${substring(sql, 't.subject', c.text)} or ${substring(sql, 't.content', c.text)})`);
  if (c.tags?.length) parts.push(sql`t.tags @> ${c.tags}::text[]`);
  if (c.important !== undefined) parts.push(sql`t.important = ${c.important}`);
  if (c.customerId) parts.push(sql`t.customer_id = ${c.customerId}`);
  const customer = customerConditions(sql, c);
  if (customer.length > 0) parts.push(sql`t.customer_id in (select cu.id from customers cu where ${and(sql, customer)})`);
  for (const alternatives of fields) parts.push(anyOf(sql, alternatives.map((field) => fieldCondition(sql, field))));
  return and(sql, parts);
}

/** The sort key columns of each order, most significant first; the id breaks ties. */
const SORT_KEYS: Record<TicketSort, { columns: string[]; casts: string[] }> = {
  created: { columns: ['t.created_at'], casts: ['timestamptz'] },
  updated: { columns: ['t.updated_at'], casts: ['timestamptz'] },
  priority: { columns: ['t.priority_rank', 't.created_at'], casts: ['smallint', 'timestamptz'] },
};

function afterCondition(sql: Sql, sort: TicketSort, direction: SortDirection, after: SearchPageStart): Fragment {
  const { columns, casts } = SORT_KEYS[sort];
  const left = sql.unsafe(`(${[...columns, 't.id'].join(', ')})`);
  // Through text: a parameter PostgreSQL infers as timestamptz is serialised by postgres.js through a JS Date,
  // which drops the microseconds the key was printed with.
  const values = after.keys.map((key, index) => sql`${key}::text::${sql.unsafe(casts[index])}`);
  const right = [...values, sql`${after.id}`].reduce((list, value) => sql`${list}, ${value}`);
  return direction === 'desc' ? sql`${left} < (${right})` : sql`${left} > (${right})`;
}

function orderBy(sql: Sql, sort: TicketSort, direction: SortDirection): Fragment {
  const dir = direction === 'desc' ? 'desc' : 'asc';
  return sql.unsafe(`order by ${[...SORT_KEYS[sort].columns, 't.id'].map((column) => `${column} ${dir}`).join(', ')}`);
}

type KeyedRow = TicketRow & { sort_keys: string[] };

/** One page of matching tickets in the asked order, and where the next one starts. */
export async function searchTickets(sql: Sql, viewer: TicketViewer, query: TicketSearchQuery, prepared?: PreparedSearch): Promise<TicketSearchPage> {
  const ready = prepared ?? (await prepareSearch(sql, viewer, query));
  const keyColumns = SORT_KEYS[query.sort].columns.map((column) => `${column}::text`).join(', ');
  const rows = await sql<KeyedRow[]>`
    select ${sql.unsafe(TICKET_SELECT)}, array[${sql.unsafe(keyColumns)}] as sort_keys
    from tickets t left join customers c on c.id = t.customer_id
    where ${ticketConditions(sql, viewer, ready, query)}
      ${query.after ? sql`and ${afterCondition(sql, query.sort, query.direction, query.after)}` : sql``}
    ${orderBy(sql, query.sort, query.direction)}
    ${limitOf(sql, query.limit + 1)}`;
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toTicketView),
    next: rows.length > query.limit && last ? { keys: last.sort_keys, id: last.id } : null,
  };
}

/** How many tickets match, counted up to the cap. */
export async function countTickets(
  sql: Sql,
  viewer: TicketViewer,
  query: Pick<TicketSearchQuery, 'list' | 'serviceId' | 'conditions'>,
  { cap = SEARCH_COUNT_CAP, prepared }: { cap?: number; prepared?: PreparedSearch } = {},
): Promise<SearchTotal> {
  const ready = prepared ?? (await prepareSearch(sql, viewer, query));
  const [row] = await sql<{ count: number }[]>`
    select count(*)::int as count from (
      select 1 from tickets t where ${ticketConditions(sql, viewer, ready, query)} ${limitOf(sql, cap + 1)}) matching`;
  return row.count > cap ? { count: cap, capped: true } : { count: row.count, capped: false };
}

/**
 * Every matching ticket in the asked order, up to `max`, read in batches by keyset (never one long-held cursor):
 * what an export writes.
 */
export async function* eachMatchingTicket(
  sql: Sql,
  viewer: TicketViewer,
  query: Omit<TicketSearchQuery, 'limit' | 'after'>,
  max: number,
): AsyncGenerator<TicketView> {
  const prepared = await prepareSearch(sql, viewer, query);
  let after: SearchPageStart | null = null;
  let yielded = 0;
  while (yielded < max) {
    const page = await searchTickets(sql, viewer, { ...query, limit: Math.min(1_000, max - yielded), after }, prepared);
    for (const ticket of page.items) yield ticket;
    yielded += page.items.length;
    if (!page.next) return;
    after = page.next;
  }
}
