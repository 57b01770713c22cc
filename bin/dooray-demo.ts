/**
 * `DOORAY_DEMO=true npm start`: try Dooray! transfers without a Dooray account. Starts the fake Dooray (the one the
 * tests use) on loopback, registers it as the organisation "Dooray! demo" with a project "Demo support" whose webhook
 * points back at this Contactflow, and maps the bootstrap admin to a demo member. The fake's page (/_demo) moves
 * tasks and comments on them as a Dooray user would, which sends the webhooks. Its tasks live in memory: they are
 * gone after a restart, while the transfers stay in Contactflow.
 */
import { randomBytes } from 'node:crypto';
import { businessId } from '../domain/ids';
import type { Config } from '../infra/env';
import { createKeyring } from '../infra/keyring';
import type { Logger } from '../infra/logger';
import type { Sql } from '../store/db';
import {
  insertDoorayOrganization,
  insertDoorayProject,
  listDoorayOrganizations,
  listDoorayProjects,
  setDoorayMember,
  setDoorayProjectUrl,
  updateDoorayOrganization,
} from '../store/dooray-settings';
import { doorayTokenContext } from '../activities/dooray';

const DEMO_ORGANIZATION = 'Dooray! demo';
const DEMO_TOKEN = 'demo-token';
const DEMO_PROJECT = 'demo-project';

export async function startDoorayDemo(config: Config, sql: Sql, ids: { orgId: string; adminId: string }, log: Logger) {
  // Loaded only in demo mode: the fake is test code, not part of a production image.
  const { startFakeDooray } = await import('../test/fakes/dooray');
  const fake = await startFakeDooray({ token: DEMO_TOKEN, apiMemberId: 'm-demo-bot', port: config.DOORAY_DEMO_PORT ?? 0 });
  fake.addProject(DEMO_PROJECT, 'demo');
  fake.addMember(config.BOOTSTRAP_ADMIN_EMAIL, 'm-demo-admin', 'Demo admin');
  const keyring = createKeyring(config.FIELD_ENCRYPTION_KEY!);

  let organization = (await listDoorayOrganizations(sql, ids.orgId)).find((org) => org.name === DEMO_ORGANIZATION);
  if (!organization) {
    const id = businessId('DO');
    await insertDoorayOrganization(
      sql,
      { id, orgId: ids.orgId, name: DEMO_ORGANIZATION, doorayOrgId: 'demo', apiBaseUrl: fake.url, apiTokenSealed: keyring.seal(DEMO_TOKEN, doorayTokenContext(id)) },
      ids.adminId,
    );
    organization = (await listDoorayOrganizations(sql, ids.orgId)).find((org) => org.id === id)!;
  } else {
    // The fake listens on a new port each start.
    await updateDoorayOrganization(sql, organization.id, { apiBaseUrl: fake.url }, ids.adminId);
  }
  let [project] = await listDoorayProjects(sql, ids.orgId, organization.id);
  if (!project) {
    await insertDoorayProject(
      sql,
      {
        id: businessId('DP'),
        organizationId: organization.id,
        name: 'Demo support',
        url: `${fake.url}/_demo`,
        doorayProjectId: DEMO_PROJECT,
        defaultCreatorMemberId: 'm-demo-bot',
        webhookSecret: randomBytes(24).toString('base64url'),
      },
      ids.adminId,
    );
    [project] = await listDoorayProjects(sql, ids.orgId, organization.id);
  } else {
    await setDoorayProjectUrl(sql, project.id, `${fake.url}/_demo`);
  }
  await setDoorayMember(sql, { organizationId: organization.id, agentId: ids.adminId, memberId: 'm-demo-admin', source: 'manual' }, ids.adminId);
  const hookUrl = `${config.PUBLIC_URL}/hooks/dooray/${project.id}/${project.webhookSecret}`;
  await fetch(`${fake.url}/project/v1/projects/${DEMO_PROJECT}/hooks`, {
    method: 'POST',
    headers: { authorization: `dooray-api ${DEMO_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ url: hookUrl, type: 'task', sendEvents: ['postWorkflowChanged', 'postCommentCreated'] }),
  });
  log.info({ url: fake.url }, 'fake Dooray! started (demo)');
  return { url: `${fake.url}/_demo`, stop: () => fake.stop() };
}
