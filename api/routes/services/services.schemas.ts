/**
 * Service schemas. A service is either a consultation service (상담 관리, facing customers) or an issue service
 * (이슈 관리, receiving tickets transferred from consultation services).
 */
import { z } from '@hono/zod-openapi';
import { SERVICE_KINDS } from '../../../store/directory/services';
import { pathId } from '../../params';

export const ServiceKind = z.enum(SERVICE_KINDS);
export type ServiceKind = z.infer<typeof ServiceKind>;

export const Service = z
  .object({ id: z.string(), name: z.string(), kind: ServiceKind, createdAt: z.string() })
  .openapi('Service');
export type Service = z.infer<typeof Service>;

export const NewServiceBody = z
  .strictObject({ name: z.string().trim().min(1).max(100), kind: ServiceKind })
  .openapi('NewService');

export const ServiceParams = z.object({ id: pathId('id', 'S1603851004648zfnA') });
