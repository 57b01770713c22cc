/**
 * The advanced search's query (티켓 검색) as the page holds it, as the URL hash keeps it (so a search survives a
 * reload and can be shared), and as the API reads it. Pure: no React, no browser-only APIs, so unit tests run it.
 *
 * Dates are kept as the date inputs show them (`YYYY-MM-DD`, the reader's calendar) and become instants only in the
 * request: the start of the "from" day and the start of the day after "to", so both ends are inclusive.
 */
import { SORT_DIRECTIONS, TICKET_SORTS, type SortDirection, type TicketSort } from '../../../domain/search';

/** Conditions typed as one line of text. */
export const TEXT_CONDITIONS = [
  'ticketId',
  'subject',
  'content',
  'text',
  'customerId',
  'customerName',
  'customerUserId',
  'customerEmail',
  'customerPhone',
] as const;
/** Conditions that hold several values, any of which matches (tags: all of which). */
export const LIST_CONDITIONS = ['priority', 'status', 'channel', 'groupId', 'assigneeId', 'intakeTypeId', 'resolutionTypeId', 'tags'] as const;

export type TextCondition = (typeof TEXT_CONDITIONS)[number];
export type ListCondition = (typeof LIST_CONDITIONS)[number];

export type TicketQuery = Partial<Record<TextCondition, string>> &
  Partial<Record<ListCondition, string[]>> & {
    serviceId?: string;
    /** `YYYY-MM-DD`, inclusive. */
    createdFrom?: string;
    /** `YYYY-MM-DD`, inclusive. */
    createdTo?: string;
    important?: boolean;
    /** Customer and agent field values by field code. */
    fields: Record<string, string>;
    sort: TicketSort;
    direction: SortDirection;
  };

/** The body of POST /tickets/search (and of an export or the saved defaults) without its paging. */
export interface TicketSearch {
  serviceId?: string;
  conditions: Record<string, unknown>;
  sort: TicketSort;
  direction: SortDirection;
}

export const EMPTY_QUERY: TicketQuery = { fields: {}, sort: 'created', direction: 'desc' };

const FIELD_PREFIX = 'f.';
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const oneOf = <T extends string>(values: readonly T[], value: string | null, fallback: T): T =>
  values.includes(value as T) ? (value as T) : fallback;

/** The query a hash's `?…` part describes; anything it does not know is left out. */
export function queryFromHash(search: string): TicketQuery {
  const params = new URLSearchParams(search);
  const query: TicketQuery = {
    fields: {},
    sort: oneOf(TICKET_SORTS, params.get('sort'), 'created'),
    direction: oneOf(SORT_DIRECTIONS, params.get('direction'), 'desc'),
  };
  const serviceId = params.get('serviceId');
  if (serviceId) query.serviceId = serviceId;
  for (const key of ['createdFrom', 'createdTo'] as const) {
    const value = params.get(key);
    if (value && DATE.test(value)) query[key] = value;
  }
  for (const key of TEXT_CONDITIONS) {
    const value = params.get(key)?.trim();
    if (value) query[key] = value;
  }
  for (const key of LIST_CONDITIONS) {
    const values = params.getAll(key).filter(Boolean);
    if (values.length > 0) query[key] = values;
  }
  const important = params.get('important');
  if (important === 'true' || important === 'false') query.important = important === 'true';
  for (const [key, value] of params) {
    if (key.startsWith(FIELD_PREFIX) && key.length > FIELD_PREFIX.length && value.trim()) query.fields[key.slice(FIELD_PREFIX.length)] = value.trim();
  }
  return query;
}

/** The query as the hash's `?…` part (without the `?`); empty values and the default order are left out. */
export function hashOfQuery(query: TicketQuery): string {
  const params = new URLSearchParams();
  if (query.serviceId) params.set('serviceId', query.serviceId);
  if (query.createdFrom) params.set('createdFrom', query.createdFrom);
  if (query.createdTo) params.set('createdTo', query.createdTo);
  for (const key of TEXT_CONDITIONS) {
    const value = query[key]?.trim();
    if (value) params.set(key, value);
  }
  for (const key of LIST_CONDITIONS) for (const value of query[key] ?? []) params.append(key, value);
  if (query.important !== undefined) params.set('important', String(query.important));
  for (const [code, value] of Object.entries(query.fields)) if (value.trim()) params.set(`${FIELD_PREFIX}${code}`, value.trim());
  if (query.sort !== 'created') params.set('sort', query.sort);
  if (query.direction !== 'desc') params.set('direction', query.direction);
  return params.toString();
}

/** The start of a calendar day in the reader's time zone, as an instant. */
function startOfDay(date: string, addDays = 0): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(year!, month! - 1, day! + addDays).toISOString();
}

/** The calendar day (reader's time zone) an instant falls on. */
function dayOf(instant: string): string {
  const at = new Date(instant);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** The query as the API's search: dates become instants, empty conditions are left out. */
export function searchOf(query: TicketQuery): TicketSearch {
  const conditions: Record<string, unknown> = {};
  if (query.createdFrom) conditions.createdFrom = startOfDay(query.createdFrom);
  if (query.createdTo) conditions.createdTo = startOfDay(query.createdTo, 1);
  for (const key of TEXT_CONDITIONS) {
    const value = query[key]?.trim();
    if (value) conditions[key] = value;
  }
  for (const key of LIST_CONDITIONS) if (query[key]?.length) conditions[key] = query[key];
  if (query.important !== undefined) conditions.important = query.important;
  const fields = Object.fromEntries(Object.entries(query.fields).filter(([, value]) => value.trim()));
  if (Object.keys(fields).length > 0) conditions.fields = fields;
  return { ...(query.serviceId ? { serviceId: query.serviceId } : {}), conditions, sort: query.sort, direction: query.direction };
}

/** Saved default conditions (GET /search-defaults) as a query: the inverse of {@link searchOf}'s conditions. */
export function queryOfDefaults(defaults: { conditions: Record<string, unknown>; sort: TicketSort; direction: SortDirection }): TicketQuery {
  const { createdFrom, createdTo, important, fields, ...rest } = defaults.conditions;
  const query: TicketQuery = { fields: { ...(fields as Record<string, string> | undefined) }, sort: defaults.sort, direction: defaults.direction };
  if (typeof createdFrom === 'string') query.createdFrom = dayOf(createdFrom);
  // The saved end is the start of the day after the last one included.
  if (typeof createdTo === 'string') query.createdTo = dayOf(new Date(Date.parse(createdTo) - 1).toISOString());
  if (typeof important === 'boolean') query.important = important;
  for (const key of TEXT_CONDITIONS) if (typeof rest[key] === 'string') query[key] = rest[key];
  for (const key of LIST_CONDITIONS) if (Array.isArray(rest[key])) query[key] = rest[key] as string[];
  return query;
}

/**
 * Which inputs a refusal of the search names, each with the code of its reason, so the page can show the reason
 * under the input: `search.invalid_range` blames the end date, `search.unknown_field` and `search.encrypted_field`
 * the conditions in `details.fields`, and `request.invalid` each issue's path (`conditions.customerPhone`).
 */
export function refusedInputs(code: string, details: unknown): Record<string, string> {
  const refused: Record<string, string> = {};
  const record = (details ?? {}) as { fields?: unknown; issues?: unknown };
  if (code === 'search.invalid_range') refused.createdTo = code;
  if ((code === 'search.unknown_field' || code === 'search.encrypted_field') && Array.isArray(record.fields)) {
    for (const field of record.fields) if (typeof field === 'string') refused[field.replace(/^conditions\./, '')] = code;
  }
  if (code === 'request.invalid' && Array.isArray(record.issues)) {
    for (const issue of record.issues as { path?: unknown; code?: unknown }[]) {
      const path = Array.isArray(issue.path) ? issue.path : [];
      const at = path[0] === 'conditions' ? path.slice(1) : path;
      // A list condition's issue names the item's index; the input is the list.
      const input = at.filter((part) => typeof part === 'string').join('.');
      if (input) refused[input] = typeof issue.code === 'string' ? `shape.${issue.code}` : 'issue';
    }
  }
  return refused;
}
