import { Readable } from 'node:stream';
import { businessId } from '../../../domain/ids';
import { EXPORT_DIRECT_LIMIT, EXPORT_ROW_LIMIT } from '../../../domain/search';
import { tableHeaders, tableStream, type TabularFormat } from '../../../infra/tabular';
import { countCustomers, eachMatchingCustomer } from '../../../store/customers';
import type { Sql } from '../../../store/db';
import { directoryNames, exportChunks, findExportJob, insertExportJob } from '../../../store/exports';
import { countTickets, eachMatchingTicket } from '../../../store/ticket-search';
import { requireTicketListAccess } from '../../access';
import type { AuthenticatedAgent } from '../../auth/agent';
import type { AppRouteHandler } from '../../context';
import { ApiError, notFound } from '../../errors';
import { customerQueryOf } from '../customers/customers.query';
import type { CustomerSearchQuery } from '../customers/customers.schemas';
import { searchQueryOf } from '../search/search.handlers';
import { customerColumns, ticketColumns, type ExportLanguage } from './exports.columns';
import { runExport } from './exports.runner';
import type * as routes from './exports.routes';
import type { TicketExportSearch } from './exports.schemas';
import type { z } from '@hono/zod-openapi';

const FILE_NAMES = { tickets: { ko: '티켓', en: 'tickets' }, customers: { ko: '고객', en: 'customers' } } as const;
const fileBase = (kind: 'tickets' | 'customers', language: ExportLanguage) => `${FILE_NAMES[kind][language]}-${new Date().toISOString().slice(0, 10)}`;

type TicketSearch = z.infer<typeof TicketExportSearch>;

/** What a ticket export reads: the checked search, how many rows match (up to `cap`), and the rows. */
async function ticketExport(sql: Sql, agent: AuthenticatedAgent, search: TicketSearch, cap: number, language: ExportLanguage) {
  const query = await searchQueryOf(sql, agent, { ...search, cursor: undefined });
  const total = await countTickets(sql, agent, query, { cap });
  const names = await directoryNames(sql, agent.orgId);
  return { total, columns: ticketColumns(language, names), rows: eachMatchingTicket(sql, agent, query, cap) };
}

async function customerExport(sql: Sql, agent: AuthenticatedAgent, search: Omit<CustomerSearchQuery, 'limit' | 'cursor'>, cap: number, language: ExportLanguage) {
  await requireTicketListAccess(sql, agent, search.serviceId);
  const query = customerQueryOf({ ...search, limit: 0 });
  const total = await countCustomers(sql, agent, query, cap);
  const names = await directoryNames(sql, agent.orgId);
  return { total, columns: customerColumns(language, names), rows: eachMatchingCustomer(sql, agent, query, cap) };
}

const tooLarge = (count: number) =>
  new ApiError(422, 'export.too_large', `More than ${EXPORT_DIRECT_LIMIT.toLocaleString('en')} rows match; start an export job (POST /exports) instead.`, {
    limit: EXPORT_DIRECT_LIMIT,
    count,
  });

function download(format: TabularFormat, base: string, stream: ReadableStream<Uint8Array>): Response {
  return new Response(stream, { status: 200, headers: tableHeaders(format, base) });
}

export const downloadTickets: AppRouteHandler<typeof routes.downloadTickets> = (async (c) => {
  const { format, language } = c.req.valid('query');
  const found = await ticketExport(c.var.deps.sql, c.var.agent, c.req.valid('json'), EXPORT_DIRECT_LIMIT, language);
  if (found.total.capped) throw tooLarge(found.total.count);
  return download(format, fileBase('tickets', language), tableStream(format, found.columns, found.rows, { sheetName: FILE_NAMES.tickets[language] }));
}) as AppRouteHandler<typeof routes.downloadTickets>;

export const downloadCustomers: AppRouteHandler<typeof routes.downloadCustomers> = (async (c) => {
  const { format, language, ...search } = c.req.valid('query');
  const found = await customerExport(c.var.deps.sql, c.var.agent, search, EXPORT_DIRECT_LIMIT, language);
  if (found.total.capped) throw tooLarge(found.total.count);
  return download(format, fileBase('customers', language), tableStream(format, found.columns, found.rows, { sheetName: FILE_NAMES.customers[language] }));
}) as AppRouteHandler<typeof routes.downloadCustomers>;

export const createExport: AppRouteHandler<typeof routes.createExport> = async (c) => {
  const { sql, log } = c.var.deps;
  const agent = c.var.agent;
  const body = c.req.valid('json');
  const found =
    body.kind === 'tickets'
      ? await ticketExport(sql, agent, body.search, EXPORT_ROW_LIMIT, body.language)
      : await customerExport(sql, agent, body.search, EXPORT_ROW_LIMIT, body.language);
  const job = await insertExportJob(sql, {
    id: businessId('X'),
    orgId: agent.orgId,
    agentId: agent.id,
    kind: body.kind,
    format: body.format,
    request: body as never,
    fileName: `${fileBase(body.kind, body.language)}.${body.format}`,
    rowsTotal: found.total.count,
    truncated: found.total.capped,
  });
  const run = runExport({ sql, log }, { jobId: job.id, format: body.format, sheetName: FILE_NAMES[body.kind][body.language], columns: found.columns as never, rows: found.rows as AsyncIterable<never> });
  runningExports.set(job.id, run);
  void run.finally(() => runningExports.delete(job.id));
  return c.json(job, 202);
};

/** Jobs this process is running, by id: a graceful shutdown (or a test) can wait for them. */
export const runningExports = new Map<string, Promise<void>>();

export const getExport: AppRouteHandler<typeof routes.getExport> = async (c) => {
  const job = await findExportJob(c.var.deps.sql, c.var.agent.id, c.req.valid('param').id);
  if (!job) throw notFound('export', c.req.valid('param').id);
  return c.json(job, 200);
};

export const downloadExport: AppRouteHandler<typeof routes.downloadExport> = (async (c) => {
  const { sql } = c.var.deps;
  const { id } = c.req.valid('param');
  const job = await findExportJob(sql, c.var.agent.id, id);
  if (!job) throw notFound('export', id);
  if (job.status !== 'done') throw new ApiError(409, 'export.not_ready', `The export is ${job.status}.`, { id, status: job.status });
  const base = job.fileName.replace(/\.(csv|xlsx)$/, '');
  return download(job.format, base, Readable.toWeb(Readable.from(exportChunks(sql, id))) as ReadableStream<Uint8Array>);
}) as AppRouteHandler<typeof routes.downloadExport>;
