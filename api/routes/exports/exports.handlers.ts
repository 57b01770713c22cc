import { Readable } from 'node:stream';
import { exportTable, sheetName, type ExportSource } from '../../../activities/exports';
import type { ExportLanguage } from '../../../activities/export-columns';
import { businessId } from '../../../domain/ids';
import { EXPORT_DIRECT_LIMIT, EXPORT_ROW_LIMIT, exportWorkflowId } from '../../../domain/search';
import { tableHeaders, tableStream, type Column, type TabularFormat } from '../../../infra/tabular';
import { countCustomers } from '../../../store/customers';
import type { Sql } from '../../../store/db';
import { deleteExportJob, exportChunks, findExportJob, insertExportJob } from '../../../store/exports';
import { countTickets } from '../../../store/ticket-search';
import { exportJob } from '../../../workflows/export-job';
import { requireTicketListAccess } from '../../access';
import type { AuthenticatedAgent } from '../../auth/agent';
import type { AppRouteHandler } from '../../context';
import { ApiError, notFound } from '../../errors';
import { customerQueryOf } from '../customers/customers.query';
import type { CustomerSearchQuery } from '../customers/customers.schemas';
import { searchQueryOf } from '../search/search.handlers';
import type * as routes from './exports.routes';
import type { TicketExportSearch } from './exports.schemas';
import type { z } from '@hono/zod-openapi';

const fileBase = (kind: ExportSource['kind'], language: ExportLanguage) => `${sheetName(kind, language)}-${new Date().toISOString().slice(0, 10)}`;

type TicketSearch = z.infer<typeof TicketExportSearch>;

/** Whose view an export takes: the caller's, as plain data a workflow can carry. */
const viewerOf = (agent: AuthenticatedAgent) => ({ id: agent.id, orgId: agent.orgId, role: agent.role });

/** A ticket export's checked search and how many rows match (up to `cap`). */
async function ticketSource(sql: Sql, agent: AuthenticatedAgent, search: TicketSearch, cap: number) {
  const { limit: _limit, after: _after, ...query } = await searchQueryOf(sql, agent, { ...search, cursor: undefined });
  const total = await countTickets(sql, agent, query, { cap });
  return { total, source: { kind: 'tickets', viewer: viewerOf(agent), query } satisfies ExportSource };
}

async function customerSource(sql: Sql, agent: AuthenticatedAgent, search: Omit<CustomerSearchQuery, 'limit' | 'cursor'>, cap: number) {
  await requireTicketListAccess(sql, agent, search.serviceId);
  const query = customerQueryOf({ ...search, limit: 0 });
  const total = await countCustomers(sql, agent, query, cap);
  return { total, source: { kind: 'customers', viewer: viewerOf(agent), query } satisfies ExportSource };
}

const tooLarge = (count: number) =>
  new ApiError(422, 'export.too_large', `More than ${EXPORT_DIRECT_LIMIT.toLocaleString('en')} rows match; start an export job (POST /exports) instead.`, {
    limit: EXPORT_DIRECT_LIMIT,
    count,
  });

function download(format: TabularFormat, base: string, stream: ReadableStream<Uint8Array>): Response {
  return new Response(stream, { status: 200, headers: tableHeaders(format, base) });
}

/** A search small enough to download at once, streamed as it is read. */
async function downloadNow(sql: Sql, found: { total: { count: number; capped: boolean }; source: ExportSource }, format: TabularFormat, language: ExportLanguage) {
  if (found.total.capped) throw tooLarge(found.total.count);
  const table = await exportTable(sql, found.source, language, EXPORT_DIRECT_LIMIT);
  const kind = found.source.kind;
  return download(format, fileBase(kind, language), tableStream(format, table.columns as Column<unknown>[], table.rows, { sheetName: sheetName(kind, language) }));
}

export const downloadTickets: AppRouteHandler<typeof routes.downloadTickets> = (async (c) => {
  const { format, language } = c.req.valid('query');
  const { sql } = c.get('deps');
  return downloadNow(sql, await ticketSource(sql, c.get('agent'), c.req.valid('json'), EXPORT_DIRECT_LIMIT), format, language);
}) as AppRouteHandler<typeof routes.downloadTickets>;

export const downloadCustomers: AppRouteHandler<typeof routes.downloadCustomers> = (async (c) => {
  const { format, language, ...search } = c.req.valid('query');
  const { sql } = c.get('deps');
  return downloadNow(sql, await customerSource(sql, c.get('agent'), search, EXPORT_DIRECT_LIMIT), format, language);
}) as AppRouteHandler<typeof routes.downloadCustomers>;

export const createExport: AppRouteHandler<typeof routes.createExport> = async (c) => {
  const { sql, temporal, taskQueue } = c.get('deps');
  const agent = c.get('agent');
  const body = c.req.valid('json');
  const { total, source } =
    body.kind === 'tickets' ? await ticketSource(sql, agent, body.search, EXPORT_ROW_LIMIT) : await customerSource(sql, agent, body.search, EXPORT_ROW_LIMIT);
  const job = await insertExportJob(sql, {
    id: businessId('X'),
    orgId: agent.orgId,
    agentId: agent.id,
    kind: body.kind,
    format: body.format,
    request: body as never,
    fileName: `${fileBase(body.kind, body.language)}.${body.format}`,
    rowsTotal: total.count,
    truncated: total.capped,
  });
  try {
    await temporal.workflow.start(exportJob, {
      workflowId: exportWorkflowId(job.id),
      taskQueue,
      args: [{ jobId: job.id, format: body.format, language: body.language, cap: EXPORT_ROW_LIMIT, source }],
    });
  } catch (error) {
    await deleteExportJob(sql, job.id);
    throw error;
  }
  return c.json(job, 202);
};

export const getExport: AppRouteHandler<typeof routes.getExport> = async (c) => {
  const job = await findExportJob(c.get('deps').sql, c.get('agent').id, c.req.valid('param').id);
  if (!job) throw notFound('export', c.req.valid('param').id);
  return c.json(job, 200);
};

export const downloadExport: AppRouteHandler<typeof routes.downloadExport> = (async (c) => {
  const { sql } = c.get('deps');
  const { id } = c.req.valid('param');
  const job = await findExportJob(sql, c.get('agent').id, id);
  if (!job) throw notFound('export', id);
  if (job.status !== 'done') throw new ApiError(409, 'export.not_ready', `The export is ${job.status}.`, { id, status: job.status });
  const base = job.fileName.replace(/\.(csv|xlsx)$/, '');
  return download(job.format, base, Readable.toWeb(Readable.from(exportChunks(sql, id))) as ReadableStream<Uint8Array>);
}) as AppRouteHandler<typeof routes.downloadExport>;
