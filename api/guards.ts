/**
 * Lookups that answer 404 for what the caller cannot see: every service-scoped record is reached through a
 * service of the caller's organisation, so another organisation's ids answer like unknown ones.
 */
import { findService, type Service } from '../store/directory/services';
import type { Db } from '../store/db';
import { notFound } from './errors';

/** The service of the caller's organisation; 404 `service.not_found` otherwise. */
export async function requireService(sql: Db, orgId: string, id: string): Promise<Service> {
  const service = await findService(sql, orgId, id);
  if (!service) throw notFound('service', id);
  return service;
}
