/**
 * First start: the organisation, a bootstrap admin from the environment, and a first consultation service
 * with one group so the admin can work tickets at once. Idempotent; later starts change nothing.
 */
import type { Sql } from 'postgres';
import { hashPassword } from '../api/auth/password';
import { businessId } from './ids';

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

const BOOTSTRAP_LOCK = 7_310_001;

export async function bootstrap(sql: Sql, config: BootstrapConfig): Promise<Bootstrapped> {
  return sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${BOOTSTRAP_LOCK})`;
    const [org] = await tx<{ id: string }[]>`select id from organizations order by created_at limit 1`;
    if (org) {
      const [admin] = await tx<{ id: string }[]>`
        select id from agents where org_id = ${org.id} and role in ('admin', 'org_admin') order by added_seq limit 1`;
      return { orgId: org.id, adminId: admin?.id ?? '', created: false };
    }
    const orgId = businessId('O');
    const adminId = businessId('A');
    const serviceId = businessId('S');
    const groupId = businessId('G');
    await tx`insert into organizations (id, name) values (${orgId}, ${config.BOOTSTRAP_ORG_NAME})`;
    await tx`
      insert into agents (id, org_id, email, name, role, permissions, password_hash)
      values (${adminId}, ${orgId}, ${config.BOOTSTRAP_ADMIN_EMAIL}, 'Administrator', 'admin',
        ${['ticket', 'phone', 'chat', 'callback_assign', 'ticket_forward']}, ${await hashPassword(config.BOOTSTRAP_ADMIN_PASSWORD)})`;
    await tx`insert into services (id, org_id, name, kind) values (${serviceId}, ${orgId}, 'Customer support', 'consultation')`;
    await tx`insert into groups (id, service_id, name) values (${groupId}, ${serviceId}, 'General')`;
    await tx`insert into group_members (group_id, agent_id) values (${groupId}, ${adminId})`;
    await tx`insert into audit_log (actor_id, action, target, details) values (null, 'bootstrap', ${orgId}, ${tx.json({ adminEmail: config.BOOTSTRAP_ADMIN_EMAIL })})`;
    return { orgId, adminId, created: true };
  });
}
