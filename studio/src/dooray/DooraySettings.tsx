/**
 * Dooray! settings (Dooray! 이관, admins): organisations with their API token (write-only) and pause switch (일시
 * 중지), their projects with the webhook URL to set in Dooray, and agents' Dooray member ids (looked up by email, or
 * set by hand).
 */
import './dooray.css';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { doorayApi, type DoorayMember, type DoorayOrganization, type DoorayProject } from '../api/transfers';
import { EmptyState, ErrorBanner, LoadingBlock, Spinner } from '../components/feedback';
import { Icon } from '../components/icons';
import { useToast } from '../components/toasts';
import { useI18n } from '../i18n';

export default function DooraySettings() {
  const { t } = useI18n();
  const [organizations, setOrganizations] = useState<DoorayOrganization[] | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [adding, setAdding] = useState(false);

  const load = useCallback(() => {
    doorayApi
      .organizations()
      .then((list) => {
        setOrganizations(list);
        setSelected((current) => current ?? list[0]?.id ?? null);
      })
      .catch(setError);
  }, []);
  useEffect(load, [load]);

  const organization = organizations?.find((org) => org.id === selected) ?? null;

  return (
    <main className="dooray-settings">
      <header className="dooray-settings-header">
        <div>
          <h1>{t('transfers.settings.title')}</h1>
          <p className="muted">{t('transfers.settings.subtitle')}</p>
        </div>
        <button type="button" className="button primary" onClick={() => setAdding(true)}>
          <Icon name="plus" size={14} /> {t('transfers.settings.addOrganization')}
        </button>
      </header>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      {adding && (
        <OrganizationForm
          onDone={(created) => {
            setAdding(false);
            if (created) {
              setSelected(created.id);
              load();
            }
          }}
        />
      )}
      {organizations === null && !error && <LoadingBlock label={t('transfers.settings.loading')} />}
      {organizations?.length === 0 && !adding && (
        <EmptyState icon="forward" title={t('transfers.settings.emptyTitle')}>
          <p>{t('transfers.settings.emptyBody')}</p>
        </EmptyState>
      )}
      {organizations && organizations.length > 0 && (
        <div className="dooray-settings-body">
          <nav className="dooray-org-list" aria-label={t('transfers.settings.organizations')}>
            {organizations.map((org) => (
              <button key={org.id} type="button" aria-current={org.id === selected ? 'true' : undefined} onClick={() => setSelected(org.id)}>
                <strong>{org.name}</strong>
                <span className="muted small">{org.paused ? t('transfers.settings.paused') : t('transfers.settings.active')}</span>
              </button>
            ))}
          </nav>
          {organization && <OrganizationDetail key={organization.id} organization={organization} onChanged={load} />}
        </div>
      )}
    </main>
  );
}

function OrganizationForm({ onDone }: { onDone: (created: DoorayOrganization | null) => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const [values, setValues] = useState({ name: '', doorayOrgId: '', apiBaseUrl: 'https://api.dooray.com', apiToken: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const set = (key: keyof typeof values) => (event: { target: { value: string } }) => setValues({ ...values, [key]: event.target.value });
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await doorayApi.createOrganization(values);
      toast(t('transfers.settings.organizationAdded', { name: created.name }));
      onDone(created);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="dooray-card stack" onSubmit={submit}>
      <h2>{t('transfers.settings.addOrganization')}</h2>
      <div className="transfer-row">
        <label className="field">
          <span className="field-label">{t('transfers.settings.name')}</span>
          <input value={values.name} onChange={set('name')} required autoFocus maxLength={100} />
        </label>
        <label className="field">
          <span className="field-label">{t('transfers.settings.doorayOrgId')}</span>
          <input value={values.doorayOrgId} onChange={set('doorayOrgId')} required maxLength={64} />
        </label>
      </div>
      <div className="transfer-row">
        <label className="field">
          <span className="field-label">{t('transfers.settings.apiBaseUrl')}</span>
          <input type="url" value={values.apiBaseUrl} onChange={set('apiBaseUrl')} required />
        </label>
        <label className="field">
          <span className="field-label">{t('transfers.settings.apiToken')}</span>
          <input type="password" value={values.apiToken} onChange={set('apiToken')} required autoComplete="off" />
          <span className="field-hint">{t('transfers.settings.apiTokenHint')}</span>
        </label>
      </div>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <div className="row end">
        <button type="button" className="button" onClick={() => onDone(null)}>
          {t('common.action.cancel')}
        </button>
        <button type="submit" className="button primary" disabled={busy}>
          {busy && <Spinner size={14} />} {t('transfers.settings.save')}
        </button>
      </div>
    </form>
  );
}

function OrganizationDetail({ organization, onChanged }: { organization: DoorayOrganization; onChanged: () => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const [projects, setProjects] = useState<DoorayProject[] | null>(null);
  const [members, setMembers] = useState<DoorayMember[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [addingProject, setAddingProject] = useState(false);

  const load = useCallback(() => {
    Promise.all([doorayApi.projects(organization.id), doorayApi.members(organization.id)])
      .then(([nextProjects, nextMembers]) => {
        setProjects(nextProjects);
        setMembers(nextMembers);
      })
      .catch(setError);
  }, [organization.id]);
  useEffect(load, [load]);

  async function act(key: string, work: () => Promise<unknown>, success: string) {
    setBusy(key);
    setError(null);
    try {
      await work();
      toast(success);
      load();
      onChanged();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="dooray-detail stack">
      <div className="dooray-card">
        <div className="dooray-card-head">
          <div>
            <h2>{organization.name}</h2>
            <p className="muted small mono">
              {organization.doorayOrgId} · {organization.apiBaseUrl}
            </p>
          </div>
          <label className="dooray-switch">
            <input
              type="checkbox"
              role="switch"
              checked={organization.paused}
              disabled={busy === 'pause'}
              onChange={(event) =>
                void act(
                  'pause',
                  () => doorayApi.updateOrganization(organization.id, { paused: event.target.checked }),
                  t(event.target.checked ? 'transfers.settings.pausedToast' : 'transfers.settings.resumedToast'),
                )
              }
            />
            {t('transfers.settings.pause')}
          </label>
        </div>
        {organization.paused && <p className="transfer-notice">{t('transfers.settings.pausedNotice')}</p>}
      </div>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />

      <div className="dooray-card">
        <div className="dooray-card-head">
          <h3>{t('transfers.settings.projects')}</h3>
          <button type="button" className="button small" onClick={() => setAddingProject(true)}>
            <Icon name="plus" size={12} /> {t('transfers.settings.addProject')}
          </button>
        </div>
        {addingProject && (
          <ProjectForm
            organizationId={organization.id}
            onDone={(added) => {
              setAddingProject(false);
              if (added) load();
            }}
          />
        )}
        {projects === null ? (
          <LoadingBlock label={t('transfers.settings.loading')} />
        ) : projects.length === 0 ? (
          <p className="muted">{t('transfers.settings.noProjects')}</p>
        ) : (
          <ul className="dooray-projects">
            {projects.map((project) => (
              <li key={project.id}>
                <div>
                  <strong>{project.name}</strong>
                  <span className="muted small mono">
                    {project.doorayProjectId} · {t('transfers.settings.defaultCreator')}: {project.defaultCreatorMemberId}
                  </span>
                </div>
                {project.webhookUrl && (
                  <div className="dooray-webhook">
                    <span className="field-label">{t('transfers.settings.webhookUrl')}</span>
                    <code>{project.webhookUrl}</code>
                    <button
                      type="button"
                      className="button small"
                      onClick={() => void navigator.clipboard?.writeText(project.webhookUrl!).then(() => toast(t('transfers.settings.copied')))}
                    >
                      {t('transfers.settings.copy')}
                    </button>
                    <span className="field-hint">{t('transfers.settings.webhookHint')}</span>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>

      <div className="dooray-card">
        <div className="dooray-card-head">
          <h3>{t('transfers.settings.members')}</h3>
          <button
            type="button"
            className="button small"
            disabled={busy === 'lookup'}
            onClick={() => void act('lookup', () => doorayApi.lookupMembers(organization.id), t('transfers.settings.lookedUp'))}
          >
            {busy === 'lookup' ? <Spinner size={12} /> : <Icon name="search" size={12} />} {t('transfers.settings.lookup')}
          </button>
        </div>
        <p className="muted small">{t('transfers.settings.membersHint')}</p>
        {members === null ? (
          <LoadingBlock label={t('transfers.settings.loading')} />
        ) : (
          <table className="dooray-members">
            <thead>
              <tr>
                <th>{t('transfers.settings.agent')}</th>
                <th>{t('transfers.settings.memberId')}</th>
              </tr>
            </thead>
            <tbody>
              {members.map((member) => (
                <MemberRow key={member.agentId} member={member} onSave={(memberId) => act(`member-${member.agentId}`, () => doorayApi.setMember(organization.id, member.agentId, memberId), t('transfers.settings.memberSaved'))} />
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}

function ProjectForm({ organizationId, onDone }: { organizationId: string; onDone: (added: boolean) => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const [values, setValues] = useState({ name: '', url: '', doorayProjectId: '', defaultCreatorMemberId: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const set = (key: keyof typeof values) => (event: { target: { value: string } }) => setValues({ ...values, [key]: event.target.value });
  return (
    <form
      className="stack dooray-project-form"
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        setError(null);
        try {
          await doorayApi.createProject(organizationId, { ...values, url: values.url.trim() || null });
          toast(t('transfers.settings.projectAdded', { name: values.name }));
          onDone(true);
        } catch (caught) {
          setError(caught);
        } finally {
          setBusy(false);
        }
      }}
    >
      <div className="transfer-row">
        <label className="field">
          <span className="field-label">{t('transfers.settings.projectName')}</span>
          <input value={values.name} onChange={set('name')} required autoFocus maxLength={100} />
        </label>
        <label className="field">
          <span className="field-label">{t('transfers.settings.doorayProjectId')}</span>
          <input value={values.doorayProjectId} onChange={set('doorayProjectId')} required maxLength={64} />
        </label>
      </div>
      <div className="transfer-row">
        <label className="field">
          <span className="field-label">{t('transfers.settings.projectUrl')}</span>
          <input type="url" value={values.url} onChange={set('url')} placeholder="https://…dooray.com/project/…" />
        </label>
        <label className="field">
          <span className="field-label">{t('transfers.settings.defaultCreator')}</span>
          <input value={values.defaultCreatorMemberId} onChange={set('defaultCreatorMemberId')} required maxLength={64} />
          <span className="field-hint">{t('transfers.settings.defaultCreatorHint')}</span>
        </label>
      </div>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <div className="row end">
        <button type="button" className="button" onClick={() => onDone(false)}>
          {t('common.action.cancel')}
        </button>
        <button type="submit" className="button primary" disabled={busy}>
          {busy && <Spinner size={14} />} {t('transfers.settings.save')}
        </button>
      </div>
    </form>
  );
}

function MemberRow({ member, onSave }: { member: DoorayMember; onSave: (memberId: string | null) => Promise<void> }) {
  const { t } = useI18n();
  const [value, setValue] = useState(member.memberId ?? '');
  useEffect(() => setValue(member.memberId ?? ''), [member.memberId]);
  const changed = value.trim() !== (member.memberId ?? '');
  return (
    <tr>
      <td>
        <strong>{member.agentName}</strong>
        <span className="muted small"> {member.agentEmail}</span>
      </td>
      <td>
        <form
          className="dooray-member-form"
          onSubmit={(event) => {
            event.preventDefault();
            void onSave(value.trim() || null);
          }}
        >
          <input value={value} onChange={(event) => setValue(event.target.value)} aria-label={t('transfers.settings.memberIdFor', { name: member.agentName })} placeholder="—" />
          {member.source && !changed && <span className="tag">{t(member.source === 'lookup' ? 'transfers.settings.sourceLookup' : 'transfers.settings.sourceManual')}</span>}
          {changed && (
            <button type="submit" className="button small primary">
              {t('transfers.settings.save')}
            </button>
          )}
        </form>
      </td>
    </tr>
  );
}
