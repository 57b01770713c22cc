/**
 * First start: the organisation, a bootstrap admin from the environment, and a first consultation service
 * with one group so the admin can work tickets at once. Idempotent; later starts change nothing.
 */
import { businessId } from '../domain/ids';
import type { Sql } from '../store/db';
import { bootstrapOrganization } from '../store/organizations';
import { hashPassword } from './auth/password';

export interface BootstrapConfig {
  BOOTSTRAP_ORG_NAME: string;
  BOOTSTRAP_ADMIN_EMAIL: string;
  BOOTSTRAP_ADMIN_PASSWORD: string;
}

export interface Bootstrapped {
  orgId: string;
  adminId: string;
  created: boolean;
}

export async function bootstrap(sql: Sql, config: BootstrapConfig): Promise<Bootstrapped> {
  return bootstrapOrganization(sql, {
    ids: { orgId: businessId('O'), adminId: businessId('A'), serviceId: businessId('S'), groupId: businessId('G') },
    orgName: config.BOOTSTRAP_ORG_NAME,
    adminEmail: config.BOOTSTRAP_ADMIN_EMAIL,
    adminPasswordHash: () => hashPassword(config.BOOTSTRAP_ADMIN_PASSWORD),
  });
}
