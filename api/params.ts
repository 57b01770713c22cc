/**
 * Ids and path parameters that several route folders share.
 */
import { z } from '@hono/zod-openapi';

export const Id = z.string().min(1).max(64);

/** A path parameter holding a record id. */
export const pathId = (name: string, example: string) => Id.openapi({ param: { name, in: 'path' }, example });

export const ServiceIdParams = z.object({ serviceId: pathId('serviceId', 'S1603851004648zfnA') });
export const TicketIdParams = z.object({ id: pathId('id', 'T1603851004648zfnA') });
