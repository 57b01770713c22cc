/**
 * The organisation's first start: the organisation, its bootstrap admin, a first consultation service with one
 * group the admin belongs to, and the audit entry that records it. Serialised by an advisory lock so concurrent
 * first starts create one organisation.
 */
import type { Sql } from './db';

const BOOTSTRAP_LOCK = 7_310_001;

export interface BootstrapOrganization {
  /** Ids for the records to create; unused when the organisation exists. */
  ids: { orgId: string; adminId: string; serviceId: string; groupId: string };
  orgName: string;
  adminEmail: string;
  /** Called only when the admin is created. */
  adminPasswordHash: () => Promise<string>;
}

/** Creates the organisation unless one exists; answers the organisation and its first admin either way. */
export async function bootstrapOrganization(
  sql: Sql,
  setup: BootstrapOrganization,
): Promise<{ orgId: string; adminId: string; created: boolean }> {
  return sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${BOOTSTRAP_LOCK})`;
    const [org] = await tx<{ id: string }[]>`select id from organizations order by created_at limit 1`;
    if (org) {
      const [admin] = await tx<{ id: string }[]>`
        select id from agents where org_id = ${org.id} and role in ('admin', 'org_admin') order by added_seq limit 1`;
      return { orgId: org.id, adminId: admin?.id ?? '', created: false };
    }
    const { orgId, adminId, serviceId, groupId } = setup.ids;
    await tx`insert into organizations (id, name) values (${orgId}, ${setup.orgName})`;
    await tx`
      insert into agents (id, org_id, email, name, role, permissions, password_hash)
      values (${adminId}, ${orgId}, ${setup.adminEmail}, 'Administrator', 'admin',
        ${['ticket', 'phone', 'chat', 'callback_assign', 'ticket_forward']}, ${await setup.adminPasswordHash()})`;
    await tx`insert into services (id, org_id, name, kind) values (${serviceId}, ${orgId}, 'Customer support', 'consultation')`;
    await tx`insert into groups (id, service_id, name) values (${groupId}, ${serviceId}, 'General')`;
    await tx`insert into group_members (group_id, agent_id) values (${groupId}, ${adminId})`;
    await tx`insert into audit_log (actor_id, action, target, details) values (null, 'bootstrap', ${orgId}, ${tx.json({ adminEmail: setup.adminEmail })})`;
    return { orgId, adminId, created: true };
  });
}
