/**
 * The words of search (티켓 검색, 고객 관리) and of exports: the orders a ticket search can sort by, its limits, and
 * the formats a result downloads in. Plain `as const` lists and numbers, no zod.
 *
 * @module
 */

/** What a ticket search or task list sorts by: creation time (the default), last update, or priority (urgent first). */
export const TICKET_SORTS = ['created', 'updated', 'priority'] as const;
/** What a ticket search or task list sorts by. */
export type TicketSort = (typeof TICKET_SORTS)[number];

export const SORT_DIRECTIONS = ['desc', 'asc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

/** The most results one page holds. */
export const SEARCH_PAGE_LIMIT = 100;

/** Totals are counted exactly up to this many; beyond it a search answers "10,000+". */
export const SEARCH_COUNT_CAP = 10_000;

/** The most rows one export writes. */
export const EXPORT_ROW_LIMIT = 100_000;

/** Exports of up to this many rows download at once; larger ones run as a job with progress. */
export const EXPORT_DIRECT_LIMIT = 5_000;

/** What an export job lists. */
export const EXPORT_KINDS = ['tickets', 'customers'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** Where an export job is. */
export const EXPORT_STATUSES = ['running', 'done', 'failed'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

/** The workflow that writes an export job's file. */
export const exportWorkflowId = (jobId: string) => `export-${jobId}`;

/** A customer's values a manual merge can add to: the differing values of the merged record are kept here. */
export const CUSTOMER_MERGEABLE = ['name', 'email', 'phone', 'userId', 'userKey'] as const;
export type CustomerMergeable = (typeof CUSTOMER_MERGEABLE)[number];
