import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses } from '../../errors';
import { json } from '../../openapi';
import { CustomerDownloadQuery, DownloadQuery, ExportJob, ExportParams, NewExport, TicketExportSearch } from './exports.schemas';

const tags = ['Exports'];
const file = {
  description: 'The file (CSV with a byte-order mark, or XLSX)',
  content: {
    'text/csv': { schema: z.string() },
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().openapi({ format: 'binary' }) },
  },
};

export const downloadTickets = createRoute({
  method: 'post',
  path: '/tickets/search/download',
  tags,
  summary: 'Download a ticket search at once (up to 5,000 rows; larger ones as an export job)',
  request: { query: DownloadQuery, body: { required: true, content: json(TicketExportSearch) } },
  responses: { 200: file, ...errorResponses(400, 401, 403, 404, 422) },
});

export const downloadCustomers = createRoute({
  method: 'get',
  path: '/customers/download',
  tags,
  summary: 'Download the customer list at once (up to 5,000 rows; larger ones as an export job)',
  request: { query: CustomerDownloadQuery },
  responses: { 200: file, ...errorResponses(400, 401, 403, 404, 422) },
});

export const createExport = createRoute({
  method: 'post',
  path: '/exports',
  tags,
  summary: 'Start an export job of a ticket search or the customer list (up to 100,000 rows)',
  request: { body: { required: true, content: json(NewExport) } },
  responses: { 202: { description: 'The job, running', content: json(ExportJob) }, ...errorResponses(400, 401, 403, 404, 422) },
});

export const getExport = createRoute({
  method: 'get',
  path: '/exports/{id}',
  tags,
  summary: 'An export job and its progress (the caller’s own jobs)',
  request: { params: ExportParams },
  responses: { 200: { description: 'The job', content: json(ExportJob) }, ...errorResponses(401, 404) },
});

export const downloadExport = createRoute({
  method: 'get',
  path: '/exports/{id}/file',
  tags,
  summary: 'The finished export’s file',
  request: { params: ExportParams },
  responses: { 200: file, ...errorResponses(401, 404, 409) },
});
