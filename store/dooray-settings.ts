/**
 * Dooray! settings of an organisation: Dooray organisations (the API token sealed by the caller, never read back
 * out by the API), their projects (each with the secret its webhook URL carries) and the agents' Dooray member ids.
 * Admin changes are audit-logged in the same transaction.
 */
import type { Db, Sql } from './db';
import { writeAudit } from './audit';

export interface DoorayOrganization {
  id: string;
  name: string;
  doorayOrgId: string;
  apiBaseUrl: string;
  paused: boolean;
  createdAt: string;
}

type OrgRow = Omit<DoorayOrganization, 'createdAt'> & { createdAt: Date; apiTokenSealed: string };

const ORG_COLUMNS = (sql: Db) => sql`
  id, name, dooray_org_id as "doorayOrgId", api_base_url as "apiBaseUrl", paused, created_at as "createdAt",
  api_token_sealed as "apiTokenSealed"`;

const toOrg = ({ apiTokenSealed: _sealed, ...row }: OrgRow): DoorayOrganization => ({ ...row, createdAt: row.createdAt.toISOString() });

export async function listDoorayOrganizations(sql: Db, orgId: string): Promise<DoorayOrganization[]> {
  const rows = await sql<OrgRow[]>`select ${ORG_COLUMNS(sql)} from dooray_organizations where org_id = ${orgId} order by created_at, id`;
  return rows.map(toOrg);
}

/** The organisation with its sealed token (for calling Dooray), if it belongs to `orgId`. */
export async function findDoorayOrganization(sql: Db, orgId: string, id: string): Promise<(DoorayOrganization & { apiTokenSealed: string }) | null> {
  const [row] = await sql<OrgRow[]>`select ${ORG_COLUMNS(sql)} from dooray_organizations where id = ${id} and org_id = ${orgId}`;
  return row ? { ...toOrg(row), apiTokenSealed: row.apiTokenSealed } : null;
}

export async function insertDoorayOrganization(
  sql: Sql,
  org: { id: string; orgId: string; name: string; doorayOrgId: string; apiBaseUrl: string; apiTokenSealed: string },
  actorId: string,
): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`
      insert into dooray_organizations (id, org_id, name, dooray_org_id, api_base_url, api_token_sealed)
      values (${org.id}, ${org.orgId}, ${org.name}, ${org.doorayOrgId}, ${org.apiBaseUrl}, ${org.apiTokenSealed})`;
    await writeAudit(tx, { actorId, action: 'dooray_organization.created', target: org.id, details: { name: org.name, apiBaseUrl: org.apiBaseUrl } });
  });
}

export async function updateDoorayOrganization(
  sql: Sql,
  id: string,
  change: { name?: string; apiBaseUrl?: string; apiTokenSealed?: string; paused?: boolean },
  actorId: string,
): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`
      update dooray_organizations set
        name = coalesce(${change.name ?? null}, name),
        api_base_url = coalesce(${change.apiBaseUrl ?? null}, api_base_url),
        api_token_sealed = coalesce(${change.apiTokenSealed ?? null}, api_token_sealed),
        paused = coalesce(${change.paused ?? null}, paused)
      where id = ${id}`;
    const { apiTokenSealed, ...shown } = change;
    await writeAudit(tx, { actorId, action: 'dooray_organization.updated', target: id, details: { ...shown, tokenChanged: apiTokenSealed !== undefined } });
  });
}

export interface DoorayProject {
  id: string;
  organizationId: string;
  name: string;
  url: string | null;
  doorayProjectId: string;
  defaultCreatorMemberId: string;
  createdAt: string;
}

type ProjectRow = Omit<DoorayProject, 'createdAt'> & { createdAt: Date; webhookSecret: string };

const PROJECT_COLUMNS = (sql: Db) => sql`
  p.id, p.dooray_organization_id as "organizationId", p.name, p.url, p.dooray_project_id as "doorayProjectId",
  p.default_creator_member_id as "defaultCreatorMemberId", p.created_at as "createdAt", p.webhook_secret as "webhookSecret"`;

const toProject = <R extends ProjectRow>(row: R) => ({ ...row, createdAt: row.createdAt.toISOString() });

export async function listDoorayProjects(sql: Db, orgId: string, organizationId: string): Promise<(DoorayProject & { webhookSecret: string })[]> {
  const rows = await sql<ProjectRow[]>`
    select ${PROJECT_COLUMNS(sql)} from dooray_projects p join dooray_organizations o on o.id = p.dooray_organization_id
    where o.org_id = ${orgId} and o.id = ${organizationId} order by p.created_at, p.id`;
  return rows.map(toProject);
}

/** A project of one of `orgId`'s Dooray organisations, with its organisation's pause switch. */
export async function findDoorayProject(
  sql: Db,
  orgId: string,
  id: string,
): Promise<(DoorayProject & { webhookSecret: string; paused: boolean }) | null> {
  const [row] = await sql<(ProjectRow & { paused: boolean })[]>`
    select ${PROJECT_COLUMNS(sql)}, o.paused from dooray_projects p join dooray_organizations o on o.id = p.dooray_organization_id
    where o.org_id = ${orgId} and p.id = ${id}`;
  return row ? toProject(row) : null;
}

/** For the webhook endpoint, which knows no organisation: the project and its secret. */
export async function findDoorayProjectForHook(sql: Db, id: string): Promise<{ id: string; doorayProjectId: string; webhookSecret: string; organizationId: string } | null> {
  const [row] = await sql<{ id: string; doorayProjectId: string; webhookSecret: string; organizationId: string }[]>`
    select id, dooray_project_id as "doorayProjectId", webhook_secret as "webhookSecret", dooray_organization_id as "organizationId"
    from dooray_projects where id = ${id}`;
  return row ?? null;
}

export async function insertDoorayProject(
  sql: Sql,
  project: { id: string; organizationId: string; name: string; url: string | null; doorayProjectId: string; defaultCreatorMemberId: string; webhookSecret: string },
  actorId: string,
): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`
      insert into dooray_projects (id, dooray_organization_id, name, url, dooray_project_id, default_creator_member_id, webhook_secret)
      values (${project.id}, ${project.organizationId}, ${project.name}, ${project.url}, ${project.doorayProjectId},
        ${project.defaultCreatorMemberId}, ${project.webhookSecret})`;
    const { webhookSecret: _secret, ...shown } = project;
    await writeAudit(tx, { actorId, action: 'dooray_project.created', target: project.id, details: shown });
  });
}

/** For the demo, whose fake Dooray moves to a new port each start: where the project's tasks are shown. */
export async function setDoorayProjectUrl(sql: Db, id: string, url: string | null): Promise<void> {
  await sql`update dooray_projects set url = ${url} where id = ${id}`;
}

export interface DoorayMember {
  agentId: string;
  agentName: string;
  agentEmail: string;
  memberId: string | null;
  source: 'lookup' | 'manual' | null;
}

/** Every active agent of the organisation with their member id in this Dooray organisation, if any. */
export async function listDoorayMembers(sql: Db, orgId: string, organizationId: string): Promise<DoorayMember[]> {
  return sql<DoorayMember[]>`
    select a.id as "agentId", a.name as "agentName", a.email as "agentEmail", m.member_id as "memberId", m.source
    from agents a left join dooray_members m on m.agent_id = a.id and m.dooray_organization_id = ${organizationId}
    where a.org_id = ${orgId} and a.active and a.role <> 'org_admin' order by a.name, a.id`;
}

export async function setDoorayMember(
  sql: Sql,
  entry: { organizationId: string; agentId: string; memberId: string | null; source: 'lookup' | 'manual' },
  actorId: string,
): Promise<void> {
  await sql.begin(async (tx) => {
    if (entry.memberId === null) {
      await tx`delete from dooray_members where dooray_organization_id = ${entry.organizationId} and agent_id = ${entry.agentId}`;
    } else {
      await tx`
        insert into dooray_members (dooray_organization_id, agent_id, member_id, source)
        values (${entry.organizationId}, ${entry.agentId}, ${entry.memberId}, ${entry.source})
        on conflict (dooray_organization_id, agent_id) do update set member_id = excluded.member_id, source = excluded.source, updated_at = now()`;
    }
    await writeAudit(tx, { actorId, action: 'dooray_member.changed', target: entry.agentId, details: entry });
  });
}

/** The agent's member id in the Dooray organisation, or null. */
export async function findDoorayMemberId(sql: Db, organizationId: string, agentId: string): Promise<string | null> {
  const [row] = await sql<{ member_id: string }[]>`
    select member_id from dooray_members where dooray_organization_id = ${organizationId} and agent_id = ${agentId}`;
  return row?.member_id ?? null;
}

/** The member ids we create tasks and comments as in this Dooray organisation: what an echo of our own call carries. */
export async function ourDoorayMemberIds(sql: Db, organizationId: string): Promise<Set<string>> {
  const rows = await sql<{ id: string }[]>`
    select default_creator_member_id as id from dooray_projects where dooray_organization_id = ${organizationId}
    union select member_id from dooray_members where dooray_organization_id = ${organizationId}`;
  return new Set(rows.map((row) => row.id));
}
