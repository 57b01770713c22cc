/**
 * Exports (엑셀 다운로드) of a ticket search or of the customer list, as CSV (UTF-8 with BOM) or XLSX: downloaded at
 * once up to 5,000 rows, or as a job with progress up to 100,000.
 */
import { z } from '@hono/zod-openapi';
import { EXPORT_STATUSES } from '../../../domain/search';
import { TABULAR_FORMATS } from '../../../infra/tabular';
import { CustomerSearchQuery } from '../customers/customers.schemas';
import { TicketSearchBody } from '../search/search.schemas';

export const ExportFormat = z.enum(TABULAR_FORMATS);
export const ExportLanguage = z.enum(['ko', 'en']).openapi({ description: 'Language of the column headers and of statuses, channels and priorities.' });

export const DownloadQuery = z.object({ format: ExportFormat.default('csv'), language: ExportLanguage.default('ko') });

/** A ticket search without its paging. */
export const TicketExportSearch = TicketSearchBody.omit({ limit: true, cursor: true, count: true }).openapi('TicketExportSearch');
/** A customer search without its paging. */
export const CustomerExportSearch = CustomerSearchQuery.omit({ limit: true, cursor: true }).strict().openapi('CustomerExportSearch');

export const CustomerDownloadQuery = CustomerSearchQuery.omit({ limit: true, cursor: true }).extend(DownloadQuery.shape);

export const NewExport = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('tickets'), format: ExportFormat, language: ExportLanguage.default('ko'), search: TicketExportSearch.default({ conditions: {}, sort: 'created', direction: 'desc' }) }),
    z.strictObject({ kind: z.literal('customers'), format: ExportFormat, language: ExportLanguage.default('ko'), search: CustomerExportSearch.default({}) }),
  ])
  .openapi('NewExport');

export const ExportJob = z
  .object({
    id: z.string(),
    kind: z.enum(['tickets', 'customers']),
    format: ExportFormat,
    fileName: z.string(),
    status: z.enum(EXPORT_STATUSES),
    rowsTotal: z.number().int(),
    rowsWritten: z.number().int(),
    truncated: z.boolean().openapi({ description: 'More than 100,000 rows matched; the first 100,000 are exported.' }),
    bytes: z.number().int(),
    error: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi('ExportJob');

export const ExportParams = z.object({ id: z.string().min(1).max(64).openapi({ param: { name: 'id', in: 'path' } }) });
