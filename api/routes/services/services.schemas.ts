/**
 * Service schemas. A service is either a consultation service (상담 관리, facing customers) or an issue service
 * (이슈 관리, receiving tickets transferred from consultation services).
 */
import { z } from '@hono/zod-openapi';

export const Id = z.string().min(1).max(64);

/** A path parameter holding a record id. */
export const pathId = (name: string, example: string) => Id.openapi({ param: { name, in: 'path' }, example });

export const ServiceKind = z.enum(['consultation', 'issue']);
export type ServiceKind = z.infer<typeof ServiceKind>;

export const Service = z
  .object({ id: z.string(), name: z.string(), kind: ServiceKind, createdAt: z.string() })
  .openapi('Service');
export type Service = z.infer<typeof Service>;

export const NewServiceBody = z
  .object({ name: z.string().trim().min(1).max(100), kind: ServiceKind })
  .openapi('NewService');

export const ServiceParams = z.object({ id: pathId('id', 'S1603851004648zfnA') });
export const ServiceIdParams = z.object({ serviceId: pathId('serviceId', 'S1603851004648zfnA') });
